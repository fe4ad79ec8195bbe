"""The ways to read the article with no connection, as the site offers them.

Three, for three kinds of reader: the one-file edition for a phone, the zip
for a computer, and (where the site's service worker is on) the site itself
after a first visit. Each is a feature of the site, not part of the article,
and says so; none of it is indexed for search.
"""

from dataclasses import dataclass
from html import escape

from trustsite.site_section import site_section


@dataclass(frozen=True)
class Downloads:
    one_file: str  # the one-file edition's address, from the page that links to it
    one_file_bytes: int
    archive: str  # the zip's address, likewise
    # Whether the site keeps itself for reading offline after a first visit.
    kept_after_visit: bool


def size_text(size: int) -> str:
    """`size` bytes as a reader reads a file's size: "48 KB"."""
    return f"{max(1, round(size / 1000))} KB"


def _one_file_link(downloads: Downloads) -> str:
    return (f'<a href="{escape(downloads.one_file)}" download>Download the article as one file '
            f"({size_text(downloads.one_file_bytes)})</a>")


def _archive_link(downloads: Downloads) -> str:
    return f'<a href="{escape(downloads.archive)}" download>Download the full copy (ZIP)</a>'


def footer_html(downloads: Downloads, section_href: str) -> str:
    """One line for every page's footer: both downloads, and where to read which suits whom."""
    return (f'<p class="read-offline" data-search-exclude><a href="{escape(section_href)}">Read offline</a>'
            f" (a feature of this site): {_one_file_link(downloads)} · {_archive_link(downloads)}</p>")


SECTION_ID = "read-offline"


def section_html(downloads: Downloads) -> str:
    """The "Read offline" section, after the opening page's introduction."""
    ways = [
        f"<li>{_one_file_link(downloads)}, for a phone and for quick reading: one web page with "
        "the whole article, its tables and its references. Open it from your Files or Downloads; "
        "it needs no connection and no app.</li>",
        f"<li>{_archive_link(downloads)}, for a computer: the whole site, with its menu and search. "
        "Unzip it and open <code>index.html</code> in the folder it makes.</li>",
    ]
    if downloads.kept_after_visit:
        ways.append("<li>Or nothing at all: once you have opened this site, your browser keeps a copy "
                    "of the article, so its pages and search still open here with no connection. "
                    "Whenever you are online you get the latest version. If your browser is set to "
                    "save data, it keeps no copy in the background: download the article as one file "
                    f"({size_text(downloads.one_file_bytes)}), above, instead.</li>")
    return site_section("read-offline", SECTION_ID, "Read offline", f"<ul>{''.join(ways)}</ul>")
