"""Publishing step: the publisher's pictures, fit to publish (trustsite.pictures).

Each picture a page shows from docs/ is replaced in the rendered folder by its
copy no wider than the site's column, and every <img> of it gets the
`width` and `height` of the file as published, so the text below keeps its
place while the picture loads. It runs first, so that the whole-article page
and the one-file edition, made from the pages, carry the sizes too. Pictures
no page shows are left alone. The pages are read with a parser and only the
<img> start tags change: the rest of each page keeps its bytes.
"""

from html.parser import HTMLParser

from trustsite.page_addresses import site_file
from trustsite.pictures import SITE_BOX, Picture, fitted
from trustsite.publish.pages import RenderedSite


class _ImageTags(HTMLParser):
    """Where each <img> start tag of a page ends its name ("<img|"), and its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [index + 1 for index, char in enumerate(html) if char == "\n"]
        self.found: list[tuple[int, dict[str, str | None]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            line, column = self.getpos()
            self.found.append((self._line_starts[line - 1] + column + len("<img"), dict(attrs)))


def fit(site: RenderedSite) -> None:
    """Fit every picture from docs/ that a page shows, and size its <img>s."""
    docs = site.settings.docs_dir
    published: dict[str, Picture] = {}
    for page in site.pages:
        insertions = []
        for end_of_name, attributes in _ImageTags(page.html).found:
            path = site_file(page.path, attributes.get("src") or "")
            if path is None or not (docs / path).is_file():
                continue
            if path not in published:
                picture = fitted((docs / path).read_bytes(), path, SITE_BOX)
                (site.folder / path).write_bytes(picture.data)
                published[path] = picture
            picture = published[path]
            if picture.width and "width" not in attributes and "height" not in attributes:
                insertions.append((end_of_name, f' width="{picture.width}" height="{picture.height}"'))
        for offset, text in reversed(insertions):
            page.html = page.html[:offset] + text + page.html[offset:]

