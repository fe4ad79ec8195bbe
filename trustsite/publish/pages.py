"""The rendered site as the publishing steps see it: its HTML pages, by path.

Each page is parsed once, by an HTML5 parser (selectolax's lexbor), and the
steps edit that one tree through CSS selectors: `select`, `find`, `insert`.
What a selector names of the theme's markup is in trustsite.theme_markup. The
tree is serialized once, when a step first asks for the page's `text` (the
minifier and the policy work on the page as published); from then on it can
no longer be edited by selector.
"""

from dataclasses import InitVar, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from selectolax.lexbor import LexborHTMLParser, LexborNode

from trustsite.settings import Settings
from trustsite.theme_markup import THEMES, ThemeMarkup
from trustsite.urls import output_path

Where = Literal["before", "after", "start", "end"]


def fragment_nodes(fragment: str) -> list[LexborNode]:
    """The top-level nodes of an HTML fragment, text included, parsed as in a <body>."""
    first = LexborHTMLParser(fragment, is_fragment=True).root  # the first of them, if any
    return list(first.iter(include_text=True)) if first is not None else []


@dataclass(eq=False)
class Page:
    path: str  # from the site's root: "index.html", "conclusion/index.html"
    html: InitVar[str]  # as the builder wrote it, parsed once into the page's tree
    source: str | None  # the Markdown page under docs/ it was rendered from; None for 404.html
    _tree: LexborHTMLParser | None = field(init=False, repr=False)
    _text: str | None = field(init=False, default=None, repr=False)

    def __post_init__(self, html: str) -> None:
        self._tree = LexborHTMLParser(html)

    # Reading

    @cached_property
    def theme(self) -> ThemeMarkup:
        """The markup of the theme that rendered this page, known by its generator's <meta>."""
        for theme in THEMES:
            if self._parsed().css_first(theme.generator):
                return theme
        raise ValueError(f"{self.path}: no generator <meta> of a known builder to tell its theme's markup by")

    def select(self, css: str) -> list[LexborNode]:
        """Every element `css` matches, in document order."""
        return self._parsed().css(css)

    def find(self, css: str) -> LexborNode:
        """The first element `css` matches; a ValueError naming `css` if none does."""
        found = self._parsed().css_first(css)
        if found is None:
            raise ValueError(f"{self.path}: no element matches {css!r}")
        return found

    @property
    def root(self) -> str:
        """The site's root as this page links to it."""
        theme = self.theme
        href = self.find(theme.stylesheet).attributes.get("href") or ""
        return href[:href.index(theme.stylesheet_path)]

    def url(self, path: str) -> str:
        """`path`, from the site's root, as this page links to it."""
        root = self.root
        if path == ".":
            # As MkDocs' url filter writes the root itself: ".", "..", "/site/."
            return root.removesuffix("/") if root and not root.startswith("/") else (root + "." if root else ".")
        return root + path

    @property
    def title(self) -> str:
        """The <title>, as text."""
        return self.find("title").text().strip()

    @property
    def description(self) -> str:
        """The page's meta description, as the builder wrote it."""
        found = self._parsed().css_first(self.theme.description)
        return (found.attributes.get("content") or "") if found else ""

    # Editing

    def insert(self, target: str | LexborNode, fragment: str, where: Where = "end") -> None:
        """Put the HTML `fragment` `where` the element `target` (a selector's
        first match, or an element) is: before or after it, or at the start or
        end of its content. "head" and "body", at the end, are the usual places."""
        element = self.find(target) if isinstance(target, str) else target
        nodes = fragment_nodes(fragment)
        if where == "start" and element.first_child is not None:
            element, where = element.first_child, "before"
        for node in nodes if where != "after" else reversed(nodes):
            if where == "before":
                element.insert_before(node)
            elif where == "after":
                element.insert_after(node)
            else:
                element.insert_child(node)

    # Publishing

    @property
    def text(self) -> str:
        """The page as published: serialized from its tree the first time it is asked for."""
        if self._text is None:
            self._text = self._parsed().html
            self._tree = None
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self.text  # serialized first, so that no later edit by selector is lost
        self._text = value

    def _parsed(self) -> LexborHTMLParser:
        if self._tree is None:
            raise RuntimeError(f"{self.path}: already serialized for the text-level steps; edit it before them")
        return self._tree


@dataclass
class RenderedSite:
    folder: Path
    settings: Settings
    offline: bool
    preview: bool  # for `mkdocs serve`: no policy, no service worker
    pages: list[Page]  # every HTML page: the nav's, in order, then the others (404.html)

    @classmethod
    def read(cls, folder: Path, settings: Settings, *, offline: bool, preview: bool) -> "RenderedSite":
        sources = {output_path(source, offline=offline): source for source in settings.nav_files}
        paths = list(sources) + sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html")
                                       if path.relative_to(folder).as_posix() not in sources)
        pages = [Page(path, (folder / path).read_text(encoding="utf-8"), sources.get(path)) for path in paths]
        return cls(folder, settings, offline, preview, pages)

    @property
    def nav_pages(self) -> list[Page]:
        return [page for page in self.pages if page.source]

    @property
    def opening_page(self) -> Page:
        """The article's opening page, index.html."""
        return next(page for page in self.nav_pages if page.path == "index.html")

    def page(self, source: str) -> Page:
        return next(page for page in self.pages if page.source == source)

    def write(self) -> None:
        for page in self.pages:
            (self.folder / page.path).write_text(page.text, encoding="utf-8")
