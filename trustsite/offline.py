"""The downloadable offline copy: its name, what goes in it, and the link to it."""

import fnmatch
import posixpath
from html import escape

ARCHIVE_NAME = "trust-in-therapy-offline.zip"
# The one folder the archive unzips to, with index.html at its top.
ARCHIVE_FOLDER = "trust-in-therapy"

# Files a copy opened from file:// never loads: source maps, precompressed
# copies, the sitemap and robots.txt are for servers and crawlers; the browser
# shows its own "not found" page rather than 404.html; search reads
# search_index.js, not the JSON.
NEVER_USED_OFFLINE = ("*.map", "*.gz", "sitemap.xml", "robots.txt", "404.html",
                      "search/search_index.json")

_LUNR = "assets/javascripts/lunr/"


def search_scripts(languages: list[str]) -> set[str]:
    """The files under assets/javascripts/lunr/ that Material's search worker
    loads for `languages` (English needs none of them)."""
    scripts = set()
    for language in languages:
        if language == "ja":
            scripts.add("tinyseg.js")
        if language in ("hi", "th"):
            scripts.add("wordcut.js")
        if language != "en":
            scripts.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        scripts.add("min/lunr.multi.min.js")
    if scripts:
        scripts.add("min/lunr.stemmer.support.min.js")
    return scripts


def used_offline(relative: str, languages: list[str]) -> bool:
    """Whether the offline copy, searching in `languages`, needs the file at `relative`."""
    name = posixpath.basename(relative)
    if any(fnmatch.fnmatchcase(relative if "/" in pattern else name, pattern)
           for pattern in NEVER_USED_OFFLINE):
        return False
    if relative.startswith(_LUNR):
        return relative.removeprefix(_LUNR) in search_scripts(languages)
    return True


def download_link_html(href: str) -> str:
    """The "Download for offline reading" link, worded as a feature of the site
    (it is not part of the article) and left out of the search index."""
    return (
        '<p class="offline-download" data-search-exclude>'
        f'<a href="{escape(href)}" download>Download for offline reading</a> '
        "(a feature of this site: the whole article as a ZIP file; unzip it and "
        "open <code>index.html</code> to read with no connection)</p>"
    )
