"""Publishing step: fills the one-page view with every section of the article.

Each section is the rendered content of its page, joined by
trustsite.whole_article. The page's table of contents, which the builder left
empty, gets every section's headings, in the theme's own markup
(trustsite.theme_markup).
"""

from bs4 import BeautifulSoup
from selectolax.lexbor import LexborNode

from trustsite.publish.pages import Page, RenderedSite
from trustsite.urls import page_url
from trustsite.history import SITE_PAGES
from trustsite.whole_article import PAGE, SUBHEADINGS, Section, check_depth, section_name, whole_article_html

def _content_nodes(page: Page) -> tuple[LexborNode, list[LexborNode]]:
    """The page's article, and its own content's nodes: all but the skip link's target."""
    theme = page.theme
    article = page.find(theme.article)
    nodes = list(article.iter(include_text=True))
    if theme.skip_target and nodes:
        skip = page.find(f"{theme.article} > {theme.skip_target}")
        nodes = nodes[next(index for index, node in enumerate(nodes) if node.mem_id == skip.mem_id) + 1:]
    return article, nodes


def content(page: Page) -> str:
    """The page's own rendered content: what the builder put in its article."""
    return "".join(node.html for node in _content_nodes(page)[1]).strip()


def append_to_content(page: Page, fragment: str) -> None:
    """Put `fragment` at the end of the page's own content, inside its article
    (before the whitespace the builder leaves ahead of </article>)."""
    article, nodes = _content_nodes(page)
    filled = [node for node in nodes if not node.is_empty_text_node]
    if filled:
        page.insert(filled[-1], fragment, "after")
    elif page.theme.skip_target:
        page.insert(f"{page.theme.article} > {page.theme.skip_target}", fragment, "after")
    else:
        page.insert(article, fragment, "start")


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


def toc_headings(fragment: str) -> list[tuple[int, str, str]]:
    """Each heading of `fragment` with an id: its level, id and title as text."""
    soup = BeautifulSoup(fragment, "html.parser")
    found = []
    for heading in soup.find_all(SUBHEADINGS):
        if heading.has_attr("id"):
            for permalink in heading.find_all("a", class_="headerlink"):
                permalink.decompose()
            found.append((int(heading.name[1]), heading["id"], heading.get_text().strip()))
    return found


def fill(site: RenderedSite, sections: list[Section]) -> None:
    """Fill the one-page view with the article's `sections`, and its table of contents with their headings."""
    page = site.page(PAGE)
    theme = page.theme
    joined = whole_article_html(sections, page_url(page.source, offline=site.offline))
    append_to_content(page, joined)
    toc = page.find(theme.toc)
    for blank in [node for node in toc.iter(include_text=True) if node.is_empty_text_node]:
        blank.decompose()
    page.insert(toc, theme.toc_contents(toc.attributes.get("aria-label") or "", theme.toc_items(toc_headings(joined))))
    # The menu's entry for this page opens the same contents on a narrow screen.
    for link in page.select(theme.toc_toggle_link)[:1]:
        page.insert(link, theme.toc_toggle_label(link.inner_html), "before")
        page.insert(link, "\n" + toc.html, "after")
