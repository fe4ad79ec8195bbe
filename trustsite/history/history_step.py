"""Publishing step: the corrections on the site. The changes page gets the
list, newest first; each page a correction changed gets "Updated …: see what
changed" after its content and "Last updated …" in its footer, below the
date of first publication (each footer line goes in at the footer's top,
this one before the date); the site's root gets the Atom feed (feed.xml),
which every page links from its head (overrides/main.html)."""

from collections.abc import Callable
from urllib.parse import urljoin

from trustsite.history import FEED, PAGE, History
from trustsite.history.atom_feed import feed_xml
from trustsite.history.changes_list import entries_html
from trustsite.publication_date import time_html
from trustsite.publish.pages import Page, RenderedSite
from trustsite.urls import page_url
from trustsite.whole_article import Section, section_name, whole_article_step

# The class of the footer's line "Last updated …".
LINE_CLASS = "page-updated"


def _links(site: RenderedSite, page: Page) -> Callable[[str], str | None]:
    """How `page` links to a page under docs/: None for one no longer in the menu."""
    def link(source: str) -> str | None:
        if source not in site.settings.nav_files:
            return None
        return page.url(page_url(source, offline=site.offline) or ".")
    return link


def _changes_page(site: RenderedSite) -> Page:
    if PAGE not in site.settings.nav_files:
        raise ValueError(f"mkdocs.yml: the menu (nav) does not list {PAGE}, the site's page of changes since "
                         f"first publication; add the line '  - Changes since first publication: {PAGE}' "
                         "after the whole-article page")
    return site.page(PAGE)


def fill(site: RenderedSite, history: History) -> None:
    """The list of corrections, at the end of the changes page's own content."""
    page = _changes_page(site)
    whole_article_step.append_to_content(page, "\n" + entries_html(history, _links(site, page)))


def mark_updated(site: RenderedSite, history: History) -> None:
    """On each page a correction changed: a link to the newest, and the date in the footer."""
    published = site.settings.published
    changes = _changes_page(site)
    for page in site.nav_pages:
        day = history.last_updated(page.source, published)
        if day is None:
            continue
        latest = history.latest(page.source)
        address = page.url(page_url(changes.source, offline=site.offline)) + f"#{latest.anchor}"
        whole_article_step.append_to_content(
            page, f'\n<p class="history-updated"><a href="{address}">Updated {time_html(day)}: '
                  "see what changed</a></p>")
        page.insert(page.theme.footer, page.theme.footer_line_html(f"Last updated {time_html(day)}.", LINE_CLASS),
                    "start")


def write_feed(site: RenderedSite, history: History) -> None:
    """feed.xml at the site's root, the same in the offline copy: its links lead to the site."""
    settings = site.settings

    def address(source: str) -> str | None:
        return urljoin(settings.site_url, page_url(source, offline=False)) if source in settings.nav_files else None

    (site.folder / FEED).write_bytes(feed_xml(
        history, title=settings.site_name, language=settings.language, site_url=settings.site_url,
        feed_url=urljoin(settings.site_url, FEED), changes_url=address(PAGE) or settings.site_url,
        published=settings.published, link=address))


def edition_section(history: History, sections: list[Section]) -> str:
    """The changes, as a section of the one-file edition: empty while there is none.
    A change links to its page's section in the file."""
    if not history.corrections:
        return ""
    names = {section.name for section in sections}

    def link(source: str) -> str | None:
        name = section_name(source)
        return f"#{name}" if name in names else None

    entries = entries_html(history, link, level=3, anchor=lambda name: f"changes-{name}")
    return ('<section class="history" aria-labelledby="changes"><h2 id="changes">Changes since first '
            "publication</h2><p>Each correction since the article was first published, newest first; a "
            f"feature of the edition, not part of the article.</p>{entries}</section>")
