"""The article's review dates: read from mkdocs.yml's optional `extra.review`,
shown at the foot of every page, in the one-file edition and in the PDF, as
health-information standards ask ("Page last reviewed … Next review due …",
the NHS Standard for creating health content; PIF TICK). Where the publisher
gives no review, nothing is shown: the site never invents a date.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

from trustsite.publication_date import long_date, time_html

# The setting under mkdocs.yml's extra:, and its two keys, both required.
SETTING = "review"
LAST_REVIEWED = "last_reviewed"
NEXT_REVIEW_DUE = "next_review_due"
_EXAMPLE = f'{SETTING}: {{{LAST_REVIEWED}: "2025-06-01", {NEXT_REVIEW_DUE}: "2028-06-01"}}'
# date.fromisoformat alone would take "20250601" and "2025-W23-1" too.
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Review:
    last_reviewed: date
    next_review_due: date  # always after last_reviewed


def _day(value: object, key: str, shown: str) -> date:
    if not isinstance(value, str):
        # Zensical refuses a YAML date in extra:, so the date is text.
        raise ValueError(f'{shown}, extra.{SETTING}.{key}: write the date in quotes as "YYYY-MM-DD", '
                         f"such as {_EXAMPLE}")
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise ValueError(f'{shown}, extra.{SETTING}.{key}: write the date as "YYYY-MM-DD", '
                     f"a day that exists, such as {_EXAMPLE}")


def review_from(extra: dict, shown: str) -> Review | None:
    """The review in `extra` (mkdocs.yml's extra:, in the file `shown`), None
    if it has none; a ValueError naming the setting for anything else than
    two real days in order."""
    if SETTING not in extra:
        return None
    given = extra[SETTING]
    keys = {LAST_REVIEWED, NEXT_REVIEW_DUE}
    if not isinstance(given, dict) or set(given) != keys:
        raise ValueError(f"{shown}, extra.{SETTING}: give both dates, and only them: {_EXAMPLE}")
    review = Review(_day(given[LAST_REVIEWED], LAST_REVIEWED, shown),
                    _day(given[NEXT_REVIEW_DUE], NEXT_REVIEW_DUE, shown))
    if review.next_review_due <= review.last_reviewed:
        raise ValueError(f"{shown}, extra.{SETTING}.{NEXT_REVIEW_DUE}: must come after {LAST_REVIEWED} "
                         f"({review.last_reviewed.isoformat()})")
    return review


def review_line_html(review: Review) -> str:
    """The review, as a line of text with both dates."""
    return (f"Last reviewed {time_html(review.last_reviewed)} · "
            f"Next review due {time_html(review.next_review_due)}")


def build_day(epoch: int) -> date:
    """The build's own date, in UTC: the last commit's (SOURCE_DATE_EPOCH), never the clock's."""
    return datetime.fromtimestamp(epoch, timezone.utc).date()


def overdue_notice(review: Review | None, epoch: int, shown: str) -> str | None:
    """One line for the build's output if the next review was due before the
    build's date (`epoch`); None if it is not, or if there is no review."""
    built = build_day(epoch)
    if review is None or review.next_review_due >= built:
        return None
    return (f"Review overdue: {shown}, extra.{SETTING}: the next review was due "
            f"{long_date(review.next_review_due)}, before this build's date ({long_date(built)}). "
            f"The site is published all the same; once the article is reviewed, set "
            f'{LAST_REVIEWED} and {NEXT_REVIEW_DUE} anew (README.md, "Review dates and replies").')


def years_after(day: date, years: int) -> date:
    """The same day `years` later; a 29 February falls on the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# PIF TICK asks that health information be reviewed at least this often.
LONGEST_REVIEW_YEARS = 3


def interval_notice(review: Review | None, shown: str) -> str | None:
    """One line for the build's output if the next review is due more than
    LONGEST_REVIEW_YEARS after the last; None if it is not, or if there is no review."""
    if review is None or review.next_review_due <= years_after(review.last_reviewed, LONGEST_REVIEW_YEARS):
        return None
    return (f"Review interval: {shown}, extra.{SETTING}: the next review is due "
            f"{long_date(review.next_review_due)}, more than {LONGEST_REVIEW_YEARS} years after the last "
            f"({long_date(review.last_reviewed)}); PIF TICK asks that health information be reviewed at least "
            f"every {LONGEST_REVIEW_YEARS} years. The site is published all the same.")
