"""The review dates and the way to reply, as trustsite/review, trustsite/feedback
and trustsite/github.py make them from invented settings: the build's own date,
never the clock's, judges a review overdue; a review due more than three years
after the last is named; a reply's link carries any title whole."""

from datetime import date, datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

from trustsite.feedback import feedback_from, reply_href
from trustsite.github import repository_url
from trustsite.review import Review, interval_notice, overdue_notice, review_from

REVIEW = Review(date(2025, 6, 1), date(2026, 1, 1))


def midday(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc).timestamp())


def test_a_review_is_overdue_only_from_the_day_after_it_was_due_by_the_builds_date():
    assert overdue_notice(REVIEW, midday(date(2026, 1, 1)), "mkdocs.yml") is None
    assert overdue_notice(REVIEW, midday(date(2026, 1, 2)), "mkdocs.yml").startswith(
        "Review overdue: mkdocs.yml, extra.review: the next review was due January 1, 2026, "
        "before this build's date (January 2, 2026).")
    # A build with no date of its own (no git history) is dated 1970: never overdue.
    assert overdue_notice(REVIEW, 0, "mkdocs.yml") is None
    assert overdue_notice(None, midday(date(2030, 1, 1)), "mkdocs.yml") is None


def test_a_review_due_more_than_three_years_after_the_last_is_named():
    assert interval_notice(Review(date(2025, 6, 1), date(2028, 6, 1)), "mkdocs.yml") is None
    assert interval_notice(Review(date(2025, 6, 1), date(2028, 6, 2)), "mkdocs.yml") == (
        "Review interval: mkdocs.yml, extra.review: the next review is due June 2, 2028, more than 3 years "
        "after the last (June 1, 2025); PIF TICK asks that health information be reviewed at least every "
        "3 years. The site is published all the same.")
    # Three years after a 29 February is the 28th.
    assert interval_notice(Review(date(2024, 2, 29), date(2027, 2, 28)), "mkdocs.yml") is None
    assert interval_notice(Review(date(2024, 2, 29), date(2027, 3, 1)), "mkdocs.yml").startswith("Review interval:")
    assert interval_notice(None, "mkdocs.yml") is None


def test_the_settings_are_read_as_written_and_absent_is_none():
    assert review_from({"review": {"last_reviewed": "2025-06-01", "next_review_due": "2026-01-01"}},
                       "mkdocs.yml") == REVIEW
    assert review_from({}, "mkdocs.yml") is None and feedback_from({}, "mkdocs.yml") is None
    for address in ("hello@example.org", "first.last+trust@clinic.example.co.uk", "https://example.org/contact?x=1"):
        assert feedback_from({"feedback": address}, "mkdocs.yml") == address


TITLE = 'Q&A: "50% #1?" + more/less – ünïcode'
ADDRESS = "https://example.org/trust/q-and-a/?a=1&b=2#part"


@pytest.mark.parametrize(("feedback", "repository", "start", "title_field"), [
    ("hello@example.org", "https://github.com/clinic/trust", "mailto:hello@example.org?", "subject"),
    (None, "https://github.com/clinic/trust", "https://github.com/clinic/trust/issues/new?", "title"),
])
def test_a_reply_link_carries_the_title_and_address_whole(feedback, repository, start, title_field):
    href = reply_href(feedback, repository, title=TITLE, address=ADDRESS)
    assert href.startswith(start)
    query = urlsplit(href).query
    assert " " not in href and "+" not in query and "#" not in href
    assert parse_qs(query, strict_parsing=True) == {title_field: [TITLE],
                                                     "body": [f"About the page {TITLE}, at {ADDRESS}:\n\n"]}


def test_a_web_address_is_linked_as_it_is_and_nothing_given_is_no_link():
    assert reply_href("https://example.org/contact", "https://github.com/a/b", title=TITLE,
                      address=ADDRESS) == "https://example.org/contact"
    assert reply_href(None, None, title=TITLE, address=ADDRESS) is None


def test_the_repository_comes_from_both_github_variables_or_not_at_all():
    assert repository_url("https://github.com", "clinic/trust") == "https://github.com/clinic/trust"
    assert repository_url("https://git.example.org/", "clinic/trust") == "https://git.example.org/clinic/trust"
    for server, repository in [(None, "clinic/trust"), ("https://github.com", None), ("", ""),
                               ("javascript:alert(1)", "clinic/trust"), ("https://github.com", "a/b?c"),
                               ("https://github.com", "clinic")]:
        assert repository_url(server, repository) is None, (server, repository)
