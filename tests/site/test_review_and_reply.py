"""The review dates and the way to reply (trustsite/review, trustsite/feedback),
on a test project that sets them in mkdocs.yml: every page of the site and of
the offline copy, and the one-file edition once, show what mkdocs.yml says;
without them nothing is shown; a build past the due date says so, as does one
whose next review is due more than three years after the last; on GitHub
Actions the link opens the repository's new-issue form; a bad setting is
refused in one line naming it."""

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.support.html_checker import vnu_errors, vnu_messages
from tests.support.project import (BUILDERS, BuildResult, copy_project, file_names, run_build, set_extra,
                                   unzip_offline_copy, use_test_project)
from tests.support.refusal import assert_refused, broken_copy, run_build_measured
from trustsite.feedback import LINK_TEXT
from trustsite.publication_date import long_date
from trustsite.settings import load_settings

LAST_REVIEWED = date(2025, 6, 1)
NEXT_REVIEW_DUE = date(2026, 1, 1)
REVIEW = f'{{last_reviewed: "{LAST_REVIEWED}", next_review_due: "{NEXT_REVIEW_DUE}"}}'
EMAIL = "hello@example.org"
GITHUB = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "clinic/trust-in-therapy"}
NOT_ON_GITHUB = {"GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": ""}
OVERDUE = "Review overdue:"
INTERVAL = "Review interval:"


def epoch(day: date) -> str:
    """SOURCE_DATE_EPOCH for midday on `day`, UTC."""
    return str(int(datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc).timestamp()))


# The last day the review is not yet overdue, and the first it is. The clock
# has passed both: a build judged by it would call both overdue.
DUE_DAY = epoch(NEXT_REVIEW_DUE)
DAY_AFTER = epoch(date(2026, 1, 2))


@dataclass(frozen=True)
class Built:
    project: Path
    result: BuildResult  # what the build said
    summary: str  # what it wrote to the job summary
    builder: str


def built(tmp_path_factory, name: str, env: dict[str, str], builder: str = "mkdocs", **settings: str | None) -> Built:
    """The test project with `settings` under mkdocs.yml's extra:, built by
    `builder` with `env` and a job summary file."""
    project = use_test_project(copy_project(tmp_path_factory.mktemp(name)))
    set_extra(project, **settings)
    summary = project / "summary.md"
    result = run_build(project, "--builder", builder, env={**env, "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0, result.output
    return Built(project, result, summary.read_text(encoding="utf-8"), builder)


@pytest.fixture(scope="module", params=BUILDERS)
def signalled(request, tmp_path_factory) -> Built:
    """Both set, on GitHub, built on the due day by each builder: extra.feedback
    wins, and the review is not yet overdue."""
    return built(tmp_path_factory, f"signalled-{request.param}", {**GITHUB, "SOURCE_DATE_EPOCH": DUE_DAY},
                 request.param, review=REVIEW, feedback=EMAIL)


@pytest.fixture(scope="module")
def on_github(tmp_path_factory):
    """The review set, no extra.feedback, on GitHub, built the day after the review was due."""
    return built(tmp_path_factory, "on-github", {**GITHUB, "SOURCE_DATE_EPOCH": DAY_AFTER},
                 review=REVIEW, feedback=None)


@pytest.fixture(scope="module")
def unsignalled(tmp_path_factory):
    """Neither set, off GitHub, built long after any due date."""
    return built(tmp_path_factory, "unsignalled", {**NOT_ON_GITHUB, "SOURCE_DATE_EPOCH": DAY_AFTER},
                 review=None, feedback=None)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def framed_pages(project: Path, tmp_path: Path) -> list[Path]:
    """Every page with the theme's footer: the site's and the offline copy's, 404.html too."""
    names = file_names(project)
    copy = unzip_offline_copy(project / "dist" / names.archive, tmp_path)
    return [page for page in sorted((project / "site").rglob("*.html")) + sorted(copy.rglob("*.html"))
            if page.name != names.one_file]


def page_address(page: BeautifulSoup, site_url: str) -> str:
    """Where the page is published: its canonical address; the 404 page, served anywhere, has the site's."""
    canonical = page.find("link", rel="canonical")
    return canonical["href"] if canonical else site_url


def fields(href: str) -> dict[str, str]:
    return {name: value for name, (value,) in parse_qs(urlsplit(href).query, strict_parsing=True).items()}


def review_line(element) -> tuple[str, list[str]]:
    return element.get_text(), [time["datetime"] for time in element.find_all("time")]


EXPECTED_LINE = (f"Last reviewed {long_date(LAST_REVIEWED)} · Next review due {long_date(NEXT_REVIEW_DUE)}",
                 [LAST_REVIEWED.isoformat(), NEXT_REVIEW_DUE.isoformat()])


def test_every_footer_gives_the_review_and_a_way_to_reply_after_the_publication_date(signalled, tmp_path):
    project = signalled.project
    site_url = load_settings(project / "mkdocs.yml").site_url
    pages = framed_pages(project, tmp_path)
    assert len(pages) > 8
    for path in pages:
        page = soup(path)
        (footer,) = page.select(".md-copyright")
        (review,) = footer.select(".page-review")
        assert review_line(review) == EXPECTED_LINE, path
        (link,) = footer.select(".page-feedback a")
        assert link.get_text() == LINK_TEXT
        href = urlsplit(link["href"])
        assert (href.scheme, href.path) == ("mailto", EMAIL), path
        assert fields(link["href"]) == {
            "subject": page.title.get_text(),
            "body": f"About the page {page.title.get_text()}, at {page_address(page, site_url)}:\n\n"}, path
        # Below the publication date, above the downloads.
        lines = footer.find_all(recursive=False)
        published = next(n for n, line in enumerate(lines) if "Article first published" in line.get_text())
        assert published < lines.index(review) < lines.index(link.parent), path
        downloads = [n for n, line in enumerate(lines) if "read-offline" in line.get("class", [])]
        assert all(lines.index(link.parent) < n for n in downloads), path


def test_every_pages_structured_data_gives_the_last_review(signalled, unsignalled):
    for build, expected in ((signalled, LAST_REVIEWED.isoformat()), (unsignalled, None)):
        pages = [page for page in map(soup, sorted((build.project / "site").rglob("*.html")))
                 if page.find("link", rel="canonical")]
        assert len(pages) > 3
        for page in pages:
            (script,) = page.find_all("script", type="application/ld+json")
            assert json.loads(script.string).get("lastReviewed") == expected, page.title


def test_the_one_file_edition_gives_them_once(signalled):
    project = signalled.project
    settings = load_settings(project / "mkdocs.yml")
    edition = soup(project / "dist" / settings.file_names.one_file)
    (review,) = [line for line in edition.find_all("p") if line.get_text().startswith("Last reviewed")]
    assert review_line(review) == EXPECTED_LINE
    (link,) = edition.find_all("a", string=LINK_TEXT)
    assert urlsplit(link["href"]).path == EMAIL
    assert fields(link["href"]) == {
        "subject": settings.site_name,
        "body": f"About the page {settings.site_name}, at {settings.site_url}{settings.file_names.one_file}:\n\n"}
    assert review.parent is link.parent.parent is edition.body.find("footer", recursive=False)


def test_the_whole_article_ends_with_the_review_for_print(signalled):
    project = signalled.project
    (line,) = soup(project / "site" / "whole-article" / "index.html").select("article .printed-only")
    assert review_line(line) == EXPECTED_LINE


def test_on_the_due_day_the_review_is_not_yet_overdue(signalled):
    result, summary = signalled.result, signalled.summary
    assert OVERDUE not in result.output and INTERVAL not in result.output
    assert summary.startswith("### The site was built") and OVERDUE not in summary and INTERVAL not in summary


def test_a_review_due_more_than_three_years_after_the_last_is_said_once_and_in_the_summary(tmp_path_factory):
    due = date(2028, 6, 2)
    late = built(tmp_path_factory, "long-interval", {**NOT_ON_GITHUB, "SOURCE_DATE_EPOCH": DUE_DAY},
                 review=f'{{last_reviewed: "{LAST_REVIEWED}", next_review_due: "{due}"}}', feedback=None)
    (said,) = [line for line in late.result.output.splitlines() if INTERVAL in line]
    assert said.startswith(f"{INTERVAL} mkdocs.yml, extra.review: the next review is due {long_date(due)}, "
                           f"more than 3 years after the last ({long_date(LAST_REVIEWED)})")
    assert f"> {said}" in late.summary.splitlines()
    assert OVERDUE not in late.result.output


def test_the_day_after_the_due_day_the_build_says_so_once_and_so_does_the_summary(on_github):
    result, summary = on_github.result, on_github.summary
    (said,) = [line for line in result.output.splitlines() if OVERDUE in line]
    assert said.startswith(f"{OVERDUE} mkdocs.yml, extra.review: the next review was due {long_date(NEXT_REVIEW_DUE)}")
    assert said in summary.splitlines()[2]


def test_on_github_without_extra_feedback_the_link_opens_a_new_issue_filled_in(on_github, tmp_path):
    project = on_github.project
    settings = load_settings(project / "mkdocs.yml")
    repository = f"{GITHUB['GITHUB_SERVER_URL']}/{GITHUB['GITHUB_REPOSITORY']}"
    for path in framed_pages(project, tmp_path):
        page = soup(path)
        (link,) = page.select(".md-copyright .page-feedback a")
        href = urlsplit(link["href"])
        assert f"{href.scheme}://{href.netloc}{href.path}" == f"{repository}/issues/new", path
        title = page.title.get_text()
        assert fields(link["href"]) == {
            "title": title, "body": f"About the page {title}, at {page_address(page, settings.site_url)}:\n\n"}
        # Every character of the query that is not a letter or digit is percent-encoded.
        assert set(href.query) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%=&-._~"), path
    edition = soup(project / "dist" / settings.file_names.one_file)
    (link,) = edition.find_all("a", string=LINK_TEXT)
    assert link["href"].startswith(f"{repository}/issues/new?title=")


def test_without_the_settings_or_github_nothing_is_shown(unsignalled, tmp_path):
    project, result, summary = unsignalled.project, unsignalled.result, unsignalled.summary
    names = file_names(project)
    pages = framed_pages(project, tmp_path) + [project / "dist" / names.one_file]
    for path in pages:
        page = soup(path)
        assert not page.select(".page-review, .page-feedback, .printed-only"), path
        text = page.get_text()
        assert "Last reviewed" not in text and "Next review due" not in text and LINK_TEXT not in text, path
    assert OVERDUE not in result.output and OVERDUE not in summary


def test_the_new_lines_are_valid_html(signalled, tmp_path):
    project = signalled.project
    pages = framed_pages(project, tmp_path) + [project / "dist" / file_names(project).one_file]
    assert vnu_errors(vnu_messages(pages), signalled.builder, file_names(project).one_file) == []


# -- Refusals --------------------------------------------------------------------

def with_extra(**settings: str):
    return lambda project: set_extra(project, **settings)


EXAMPLE = 'review: {last_reviewed: "2025-06-01", next_review_due: "2028-06-01"}'
FEEDBACK_HELP = ("mkdocs.yml, extra.feedback: write an e-mail address, such as hello@example.org, "
                 "or a web address starting https://, such as https://example.org/contact")
# id: (the setting, the one message the build must print)
BAD_SETTINGS = {
    "review-not-a-mapping": (with_extra(review='"2025-06-01"'),
                             f"mkdocs.yml, extra.review: give both dates, and only them: {EXAMPLE}"),
    "review-without-its-due-date": (with_extra(review='{last_reviewed: "2025-06-01"}'),
                                    f"mkdocs.yml, extra.review: give both dates, and only them: {EXAMPLE}"),
    "review-with-a-misspelt-key": (
        with_extra(review='{last_reviewed: "2025-06-01", next_review: "2028-06-01"}'),
        f"mkdocs.yml, extra.review: give both dates, and only them: {EXAMPLE}"),
    "review-date-unquoted": (
        with_extra(review='{last_reviewed: 2025-06-01, next_review_due: "2028-06-01"}'),
        f'mkdocs.yml, extra.review.last_reviewed: write the date in quotes as "YYYY-MM-DD", such as {EXAMPLE}'),
    "review-date-not-a-day": (
        with_extra(review='{last_reviewed: "2025-06-01", next_review_due: "2028-02-30"}'),
        f'mkdocs.yml, extra.review.next_review_due: write the date as "YYYY-MM-DD", a day that exists, '
        f"such as {EXAMPLE}"),
    "review-date-in-another-form": (
        with_extra(review='{last_reviewed: "1 June 2025", next_review_due: "2028-06-01"}'),
        f'mkdocs.yml, extra.review.last_reviewed: write the date as "YYYY-MM-DD", a day that exists, '
        f"such as {EXAMPLE}"),
    "review-due-before-reviewed": (
        with_extra(review='{last_reviewed: "2025-06-01", next_review_due: "2025-06-01"}'),
        "mkdocs.yml, extra.review.next_review_due: must come after last_reviewed (2025-06-01)"),
    "feedback-not-an-address": (with_extra(feedback="write to us"), FEEDBACK_HELP),
    "feedback-plain-http": (with_extra(feedback="http://example.org/contact"), FEEDBACK_HELP),
    "feedback-a-script": (with_extra(feedback='"javascript:alert(1)"'), FEEDBACK_HELP),
    "feedback-a-list": (with_extra(feedback="[hello@example.org]"), FEEDBACK_HELP),
    "feedback-a-megabyte-long": (with_extra(feedback="https://example.org/" + "a" * 2**20), FEEDBACK_HELP),
}


@pytest.fixture(scope="module")
def good_project(tmp_path_factory):
    """The test project, built; each case copies it, breaks it and rebuilds."""
    project = use_test_project(copy_project(tmp_path_factory.mktemp("good")))
    result: BuildResult = run_build(project)
    assert result.returncode == 0, result.output
    return project


@pytest.mark.parametrize("case", BAD_SETTINGS)
def test_a_bad_setting_is_refused_in_one_line_naming_it(good_project, tmp_path, case):
    mutate, message = BAD_SETTINGS[case]
    project, before = broken_copy(good_project, tmp_path, mutate)
    assert_refused(project, before, run_build_measured(project).result, message)
