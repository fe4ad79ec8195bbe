"""The rendered site as the publishing steps see it: its HTML pages, by path."""

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from trustsite.settings import Settings
from trustsite.urls import output_path

# The theme links its stylesheet from every page; the part before it is the
# address of the site's root as that page writes it ("", "../", "/site/").
# Zensical keeps its classic design's stylesheet in a folder of its own.
_THEME_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*)assets/stylesheets/(?:classic/)?main\.')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


@dataclass
class Page:
    path: str  # from the site's root: "index.html", "conclusion/index.html"
    html: str
    source: str | None  # the Markdown page under docs/ it was rendered from; None for 404.html

    @property
    def root(self) -> str:
        """The site's root as this page links to it."""
        found = _THEME_STYLESHEET.search(self.html)
        if not found:
            raise ValueError(f"{self.path}: no theme stylesheet link to find the site's root by")
        return found.group(1)

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
        return unescape(_TITLE.search(self.html).group(1).strip())

    @property
    def description(self) -> str:
        """The page's meta description, as the builder wrote it."""
        found = _DESCRIPTION.search(self.html)
        return unescape(found.group(1)) if found else ""

    def insert_before(self, marker: str, fragment: str) -> None:
        """`fragment` before the first `marker`, which must be there."""
        if marker not in self.html:
            raise ValueError(f"{self.path}: no {marker} to put the site's markup before")
        self.html = self.html.replace(marker, fragment + marker, 1)

    def insert_after(self, marker: str, fragment: str) -> None:
        """`fragment` after the first `marker`, which must be there."""
        if marker not in self.html:
            raise ValueError(f"{self.path}: no {marker} to put the site's markup after")
        self.html = self.html.replace(marker, marker + fragment, 1)


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

    def page(self, source: str) -> Page:
        return next(page for page in self.pages if page.source == source)

    def write(self) -> None:
        for page in self.pages:
            (self.folder / page.path).write_text(page.html, encoding="utf-8")
