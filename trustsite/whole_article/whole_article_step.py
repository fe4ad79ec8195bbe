"""Publishing step: fills the one-page view with every section of the article.

Each section is the rendered content of its page, joined by
trustsite.whole_article. The page's table of contents, which the builder left
empty, gets every section's headings, in the theme's own markup.
"""

import re
from html import escape

from bs4 import BeautifulSoup

from trustsite.publish.pages import Page, RenderedSite
from trustsite.urls import page_url
from trustsite.history import SITE_PAGES
from trustsite.whole_article import PAGE, Section, check_depth, section_name, whole_article_html

# Zensical starts the article with the skip link's target; the content follows it.
_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">(?:\s*<a id="__skip" tabindex="-1"></a>)?)'
                      r'(.*?)(</article>)', re.S)
_TOC = re.compile(r'(<nav class="md-nav md-nav--secondary" aria-label="([^"]*)">)\s*(</nav>)')
_ACTIVE_LINK = re.compile(r'(<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\s*)'
                          r'(<a href="[^"]*" class="md-nav__link md-nav__link--active">(.*?)</a>)', re.S)


def content(page: Page) -> str:
    """The page's own rendered content: what the builder put in its article."""
    return _ARTICLE.search(page.html).group(2).strip()


def append_to_content(page: Page, fragment: str) -> None:
    """Put `fragment` at the end of the page's own content, inside its article
    (before the whitespace the builder leaves ahead of </article>)."""
    found = _ARTICLE.search(page.html)
    end = found.start(2) + len(found.group(2).rstrip())
    page.html = page.html[:end] + fragment + page.html[end:]


def sections(site: RenderedSite) -> list[Section]:
    """The article's sections, from the rendered pages of the nav, in order.
    Each is named after its file: docs/conclusion.md is "conclusion"."""
    found = []
    for page in site.nav_pages:
        if page.source in SITE_PAGES:
            continue
        html = content(page)
        try:
            check_depth(html)
        except ValueError as error:
            raise ValueError(f"{site.settings.docs_dir.name}/{page.source}: {error}") from None
        found.append(Section(section_name(page.source), page_url(page.source, offline=site.offline), html))
    return found


def _headings(fragment: str) -> list[tuple[int, str, str]]:
    """Each heading of `fragment` with an id: its level, id and title as text."""
    soup = BeautifulSoup(fragment, "html.parser")
    found = []
    for heading in soup.find_all(re.compile(r"^h[2-6]$")):
        if heading.has_attr("id"):
            for permalink in heading.select("a.headerlink"):
                permalink.decompose()
            found.append((int(heading.name[1]), heading["id"], heading.get_text().strip()))
    return found


def _items(headings: list[tuple[int, str, str]]) -> str:
    """The theme's table-of-contents items (partials/toc-item.html) for `headings`, nested by level."""
    items = []
    while headings:
        level, element_id, title = headings[0]
        end = next((index for index, (deeper, _, _) in enumerate(headings[1:], 1) if deeper <= level), len(headings))
        children = _items(headings[1:end])
        item = (f'<li class="md-nav__item">\n<a href="#{element_id}" class="md-nav__link">\n'
                f'<span class="md-ellipsis">\n{escape(title, quote=False)}\n</span>\n</a>\n')
        if children:
            item += (f'<nav class="md-nav" aria-label="{escape(title)}">\n<ul class="md-nav__list">\n'
                     f"{children}\n</ul>\n</nav>\n")
        items.append(item + "</li>")
        headings = headings[end:]
    return "\n".join(items)


def _contents(title: str, items: str) -> str:
    """The inside of the theme's table of contents (partials/toc.html)."""
    return (f'\n<label class="md-nav__title" for="__toc">\n<span class="md-nav__icon md-icon"></span>\n'
            f'{title}\n</label>\n<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>\n'
            f"{items}\n</ul>\n")


def fill(site: RenderedSite, sections: list[Section]) -> None:
    """Fill the one-page view with the article's `sections`, and its table of contents with their headings."""
    page = site.page(PAGE)
    joined = whole_article_html(sections, page_url(page.source, offline=site.offline))
    append_to_content(page, joined)
    items = _items(_headings(joined))
    toc = _TOC.search(page.html)
    contents = f"{toc.group(1)}{_contents(toc.group(2), items)}{toc.group(3)}"
    page.html = _TOC.sub(lambda found: contents, page.html)
    # The menu's entry for this page opens the same contents on a narrow screen.
    page.html = _ACTIVE_LINK.sub(
        lambda found: (f'{found.group(1)}<label class="md-nav__link md-nav__link--active" for="__toc">\n'
                       f'{found.group(3)}\n<span class="md-nav__icon md-icon"></span>\n</label>\n'
                       f"{found.group(2)}\n{contents}"), page.html, count=1)
