"""The downloadable offline copy: what goes in it (its name is the site's, trustsite.settings.FileNames)."""

import fnmatch
import posixpath

# Files a copy opened from file:// never loads: source maps, precompressed
# copies, the sitemap and robots.txt are for servers and crawlers; the browser
# shows its own "not found" page rather than 404.html; search reads
# search_index.js (Zensical's: search.js), not the JSON.
NEVER_USED_OFFLINE = ("*.map", "*.gz", "sitemap.xml", "robots.txt", "404.html",
                      "search/search_index.json", "search.json")

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


def used(relative: str, languages: list[str], never_used: tuple[str, ...]) -> bool:
    """Whether a reader's browser, searching in `languages`, needs the file at
    `relative`, unless it matches a pattern of `never_used` (a pattern with a
    slash matches the whole path, one without matches the file's name)."""
    name = posixpath.basename(relative)
    if any(fnmatch.fnmatchcase(relative if "/" in pattern else name, pattern) for pattern in never_used):
        return False
    if relative.startswith(_LUNR):
        return relative.removeprefix(_LUNR) in search_scripts(languages)
    return True


def used_offline(relative: str, languages: list[str]) -> bool:
    """Whether the offline copy, searching in `languages`, needs the file at `relative`."""
    return used(relative, languages, NEVER_USED_OFFLINE)
