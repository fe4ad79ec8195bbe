"""The whole article on one page: every section's rendered HTML, joined.

Each section keeps its own ids, prefixed with its name so that no two clash,
and a link to a section (or to a heading in one) becomes a link within the
page. Headings move down one level under the page's own heading. A page
whose elements nest too deep to join is refused.
"""

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

# Attributes that name other elements by id (space-separated lists).
_ID_REFERENCES = ("aria-labelledby", "aria-describedby", "aria-controls", "for", "headers")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SUBHEADINGS = HEADINGS[1:]


# The one-page view's own page, which is not a section of the article.
PAGE = "whole-article.md"
# How deep a page's elements may nest. The article's nest under ten deep;
# joining far deeper pages runs Python out of stack (a page of 50,000 "> ").
DEEPEST = 100


@dataclass(frozen=True)
class Section:
    name: str  # unique on the page: the section's id and the prefix of its ids
    url: str   # the page's URL from the site root, as MkDocs writes it ("", "a/", "a.html")
    html: str  # the page's rendered content


class _Depth(HTMLParser):
    """How deep the elements of an HTML fragment nest, read without recursion."""

    _VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag not in self._VOID:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if tag not in self._VOID:
            self.depth -= 1


def check_depth(html: str) -> None:
    """A ValueError if the elements of `html` nest deeper than DEEPEST."""
    parser = _Depth()
    parser.feed(html)
    parser.close()
    if parser.deepest > DEEPEST:
        raise ValueError(f"its elements nest {parser.deepest} deep, more than the {DEEPEST} "
                         "a page can have to join the one-page view; simplify it")


def section_name(source: str) -> str:
    """The name of the section of docs/`source`, after its file: "conclusion" for conclusion.md."""
    return source.removesuffix(".md").replace("/", "-")


def anchor(section: str, element_id: str) -> str:
    """The id on the whole page of the element `element_id` of `section`."""
    return f"{section}--{element_id}"


def _page_path(url: str) -> str:
    """A page URL as an absolute path, the same however MkDocs spelt it."""
    path = posixpath.normpath("/" + url)
    if url.endswith("/") and not path.endswith("/"):
        path += "/"
    return path.removesuffix("index.html")


def _rewrite_url(url: str, section: Section, by_path: dict[str, str], page_url: str) -> str:
    """`url`, written in `section`, as the whole page at `page_url` must write it."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return url
    if not parts.path:
        return f"#{anchor(section.name, parts.fragment)}" if parts.fragment else url
    target = _page_path(posixpath.join(posixpath.dirname(section.url), parts.path))
    if target in by_path:
        name = by_path[target]
        return f"#{anchor(name, parts.fragment)}" if parts.fragment else f"#{name}"
    # A file that is not a section (an image, say): the same file, from this page.
    relative = posixpath.relpath(target, posixpath.dirname("/" + page_url))
    relative += "/" if target.endswith("/") else ""
    return relative + (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else "")


def _section_html(section: Section, by_path: dict[str, str], page_url: str) -> str:
    soup = BeautifulSoup(section.html, "html.parser")
    for element in soup.find_all(True):
        if element.name in HEADINGS:
            element.name = f"h{min(int(element.name[1]) + 1, 6)}"
        if element.has_attr("id"):
            element["id"] = anchor(section.name, element["id"])
        for attribute in _ID_REFERENCES:
            if element.has_attr(attribute):
                names = element[attribute]
                names = names if isinstance(names, list) else names.split()
                element[attribute] = " ".join(anchor(section.name, name) for name in names)
        for attribute in ("href", "src"):
            if element.has_attr(attribute):
                element[attribute] = _rewrite_url(element[attribute], section, by_path, page_url)
    return f'<section class="whole-article__section" id="{section.name}">{soup}</section>'


def whole_article_html(sections: list[Section], page_url: str) -> str:
    """The sections, in order, as one HTML fragment for the page at `page_url`."""
    by_path = {_page_path(section.url): section.name for section in sections}
    return "\n".join(_section_html(section, by_path, page_url) for section in sections)
