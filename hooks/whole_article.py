"""Fills docs/whole-article.md with every other page of the nav, in order.

By the time a page's context is built, MkDocs 1.6 has rendered the content of
every page, so the whole article is joined from that HTML by trustsite.
"""

from mkdocs.structure.toc import AnchorLink

from trustsite.whole_article import PAGE, anchor, article_pages, check_depth, sections_of, whole_article_html


def _moved_into(section: str, item: AnchorLink) -> AnchorLink:
    """A copy of a section's table-of-contents entry, as it stands on the whole page."""
    moved = AnchorLink(item.title, anchor(section, item.id), item.level + 1)
    moved.children = [_moved_into(section, child) for child in item.children]
    return moved


def on_page_content(html, page, config, files):
    # Refused here, where MkDocs names the page (hooks/clean_errors.py words it "docs/<page>.md: …").
    check_depth(html)
    return html


def on_page_context(context, page, config, nav):
    if page.file.src_uri != PAGE:
        return context
    sections = sections_of(nav.pages)
    page.content += whole_article_html(sections, page.url)
    # Every section's headings go under the page's own heading in the contents.
    page.toc.items[0].children += [_moved_into(section.name, item)
                                   for section, other in zip(sections, article_pages(nav.pages))
                                   for item in other.toc]
    return context
