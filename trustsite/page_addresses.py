"""What a built page loads or links from its own site, read from its HTML with a parser."""

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

# The attributes by which an element names a file to load or to follow.
_SINGLE = frozenset({"src", "href", "poster", "data"})


def site_file(page_path: str, address: str) -> str | None:
    """The path from the site's root ("images/photo.jpg") of the file that
    `address`, written on the page at `page_path` ("conclusion/index.html"),
    names; None for another host, a data: URI, an address from the host's root
    ("/images/...") or a fragment of the page itself."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
    return None if path == ".." or path.startswith("../") else path


class _Addresses(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in _SINGLE:
                self.found.append(value)
            elif value and name == "srcset":
                # "a.jpg 1x, b.jpg 2x": each candidate's address, before its size.
                self.found += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def files_used(page_path: str, html: str) -> set[str]:
    """Every file of the site that the page at `page_path` loads or links, by path from the site's root."""
    parser = _Addresses()
    parser.feed(html)
    parser.close()
    return {path for address in parser.found if (path := site_file(page_path, address))}
