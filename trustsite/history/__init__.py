"""Corrections: what changed in the article's words since its first
publication, when, and why, read from the repository's history.

A correction is a commit that changes how the sources (docs/ and data/)
differ from the first publication (original/article.txt), found with
the differ of `make check-original` (trustsite.original). The commits that
built the pages before the sources first equalled that publication list
nothing. The build reads the history once (corrections.read_history) and
hands it to the publishing steps; history_step shows it on every page, on
the changes page and in the Atom feed.

This module holds only what the rest of the site needs to know of the
feature, so that trustsite.sources can import it without a cycle.
"""

from dataclasses import dataclass
from datetime import date, datetime

from trustsite.whole_article import PAGE as WHOLE_ARTICLE_PAGE

# The site's page listing the corrections, like the one-page view: not a section of the article.
PAGE = "changes.md"
# The pages the site adds to the menu, labelled so: none is a section of the article.
SITE_PAGES = (WHOLE_ARTICLE_PAGE, PAGE)
# The Atom feed of the corrections, at the site's root.
FEED = "feed.xml"


@dataclass(frozen=True)
class Change:
    """One sentence, table row or reference value added, removed or changed."""

    page: str           # the page under docs/ that shows it: "conclusion.md"
    title: str          # that page's title in the menu, at the correction
    before: str | None  # None: added
    after: str | None   # None: removed

    @property
    def kind(self) -> str:
        return "added" if self.before is None else "removed" if self.after is None else "changed"


@dataclass(frozen=True)
class Correction:
    """A commit that changed what the article says."""

    number: int        # 1 for the oldest: its place on the changes page never moves
    when: datetime     # the commit's date, with its own offset: the same on every build
    reason: str        # the first line of the commit's message
    changes: tuple[Change, ...]

    @property
    def anchor(self) -> str:
        return f"correction-{self.number}"

    @property
    def day(self) -> date:
        return self.when.date()

    @property
    def pages(self) -> set[str]:
        return {change.page for change in self.changes}


@dataclass(frozen=True)
class History:
    """The corrections since first publication, oldest first; `missing` says,
    in one line, why there are none to show where the history cannot be read."""

    corrections: tuple[Correction, ...] = ()
    missing: str | None = None
    commits_read: int = 0

    def latest(self, page: str | None = None) -> Correction | None:
        """The newest correction to docs/`page`; to any page for None or the
        whole-article page, which shows every page."""
        every = page is None or page == WHOLE_ARTICLE_PAGE
        return next((correction for correction in reversed(self.corrections)
                     if every or page in correction.pages), None)

    def last_updated(self, page: str | None, published: date) -> date | None:
        """The day docs/`page` (None: the article) was last corrected, if later
        than its first publication, `published`; else None. What its footer
        says after "Last updated", and its dateModified."""
        latest = self.latest(page)
        return latest.day if latest and latest.day > published else None
