"""The article's publication date: read from mkdocs.yml's `extra.published`,
and written one way wherever the site shows it (the opening page, every
footer, the link-preview cards, the one-file edition)."""

from datetime import date
from html import escape

# The setting under mkdocs.yml's extra:, the one place the date is written.
SETTING = "published"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")


def published_date(extra: dict, shown: str) -> date:
    """The date in `extra` (mkdocs.yml's extra:, in the file `shown`); a
    ValueError naming the setting if it is not YYYY-MM-DD."""
    try:
        return date.fromisoformat(str(extra.get(SETTING)))
    except ValueError:
        raise ValueError(f"{shown}, extra.{SETTING}: write the article's "
                         "publication date as YYYY-MM-DD") from None


def long_date(day: date) -> str:
    """`day` as the article was first published with it, "January 21, 2025", whatever the machine's locale."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def time_html(day: date) -> str:
    """`day` for readers, with the machine-readable date beside it."""
    return f'<time datetime="{day.isoformat()}">{escape(long_date(day))}</time>'


def date_line_html(day: date) -> str:
    """The opening page's date line, under its title."""
    return f'<p class="article-date">{time_html(day)}</p>'

