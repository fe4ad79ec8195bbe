"""The Atom feed of the corrections (feed.xml), made with feedgen: the first
publication as its first entry, then each correction, with what the changes
page says of it. Every date comes from mkdocs.yml or git, never the clock,
so the same commit gives the same feed."""

from collections.abc import Callable
from datetime import date, datetime, time, timezone

from feedgen.feed import FeedGenerator

from trustsite.history import History
from trustsite.history.changes_list import correction_body, correction_title
from trustsite.publication_date import time_html


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), timezone.utc)


def feed_xml(history: History, *, title: str, language: str, site_url: str, feed_url: str, changes_url: str,
             published: date, link: Callable[[str], str | None]) -> bytes:
    """The feed, as published at `feed_url`; `link` gives a page's full address."""
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(f"{title}: changes since first publication")
    # Atom asks for an author; the article names none, so the feed names the site.
    feed.author({"name": title})
    feed.link(href=site_url, rel="alternate")
    feed.link(href=feed_url, rel="self")
    feed.language(language)
    first = feed.add_entry(order="append")
    first.id(site_url)
    first.title("First published")
    first.link(href=site_url)
    first.published(_midnight(published))
    first.updated(_midnight(published))
    first.content(f"<p>The article was first published on {time_html(published)}.</p>", type="html")
    newest = _midnight(published)
    for correction in history.corrections:
        entry = feed.add_entry(order="append")
        address = f"{changes_url}#{correction.anchor}"
        entry.id(address)
        entry.title(f"{correction_title(correction)}: {correction.reason}")
        entry.link(href=address)
        entry.updated(correction.when)
        entry.content(correction_body(correction, link), type="html")
        newest = max(newest, correction.when)
    feed.updated(newest)
    return feed.atom_str(pretty=True)
