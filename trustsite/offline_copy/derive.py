"""The offline copy, derived from the online rendering rather than rendered again.

What the builder's offline mode (Material's `offline` plugin, Zensical's
equivalent) changes, done here over a copy of the online render, before the
publishing steps run over it as the offline copy:
- each page x/index.html moves to x.html (file:// shows no folder's index.html);
- every relative address in the pages is re-based for its page's new place: the
  attributes of ADDRESS_ATTRIBUTES, the theme's config JSON ("base", "search")
  and its storage-scope script; a page reached by its folder is named by file;
- the search index is also written as a script (file:// forbids fetching the
  JSON), with its entries' locations re-based the same way;
- instant navigation, which needs a server, is left out of the theme's features.
Online-only files (sitemap, 404 page, source maps) stay in the folder but not in
the zip (trustsite.offline_copy.used_offline).
"""

import json
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from trustsite.check import pages_under
from trustsite.publish.pages import Page
from trustsite.urls import output_path

# Attributes that hold one address, and the one that holds a list of them.
ADDRESS_ATTRIBUTES = ("href", "src", "action", "poster", "data")
SRCSET = "srcset"


@dataclass(frozen=True)
class SearchScript:
    """The search index a builder writes, and the script its offline mode writes from it."""
    index: str
    script: str
    ascii_only: bool  # whether the JSON escapes every character beyond ASCII
    end: str  # what follows the JSON in the script
    start: str = "var __index = "


SEARCH_SCRIPTS = (SearchScript("search/search_index.json", "search/search_index.js", ascii_only=True, end=""),
                  SearchScript("search.json", "search.js", ascii_only=False, end=";"))
_INSTANT = "navigation.instant"


class Rebaser:
    """Addresses written for the online site, re-based for the offline copy."""

    def __init__(self, moved: dict[str, str]) -> None:
        self.moved = moved  # online file -> offline file, for every page that moves

    def target(self, online_target: str) -> str:
        """The offline file for an online path from the site's root ("conclusion/", "")."""
        if online_target == "" or online_target.endswith("/"):
            online_target += "index.html"
        return self.moved.get(online_target, online_target)

    def address(self, address: str, online_page: str, offline_page: str, prefix: str) -> str:
        """`address`, as the page at `online_page` wrote it, as the page at `offline_page` must;
        `prefix` starts an address to another file in the page's folder or below ("./", or none)."""
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or parts.path.startswith("/") or (not parts.path and address):
            return address  # another site's, the host's root, or a place on this page
        online_folder = posixpath.dirname(online_page)
        joined = posixpath.normpath(posixpath.join(online_folder, parts.path)) if parts.path else online_folder
        joined = "" if joined == "." else joined
        if parts.path.endswith("/") or parts.path in ("", ".", "..") or parts.path.endswith(("/.", "/..")):
            joined = joined + "/" if joined else ""
        target = self.target(joined)
        relative = posixpath.relpath(target, posixpath.dirname(offline_page) or ".")
        if target != offline_page and not relative.startswith("../"):
            relative = prefix + relative
        return urlunsplit(("", "", relative, parts.query, parts.fragment))

    def folder(self, offline_page: str) -> str:
        """The site's root as the page at `offline_page` names it: ".", "..", as MkDocs writes base."""
        return posixpath.relpath(".", posixpath.dirname(offline_page) or ".")


def moved_pages(docs_dir: Path) -> dict[str, str]:
    """Each page's online file and its offline file, where they differ."""
    sources = [page.relative_to(docs_dir).as_posix() for page in pages_under(docs_dir)]
    return {online: offline for source in sources
            if (online := output_path(source, offline=False)) != (offline := output_path(source, offline=True))}


def derive_offline_copy(online: Path, copy: Path, docs_dir: Path) -> None:
    """Make `copy` the offline copy of the online render in `online` of the pages in
    `docs_dir`, before either is published."""
    shutil.copytree(online, copy)
    rebaser = Rebaser(moved_pages(docs_dir))
    for path in sorted(copy.rglob("*.html")):
        page = Page(path.relative_to(copy).as_posix(), path.read_text(encoding="utf-8"), None)
        offline_page = rebaser.moved.get(page.path, page.path)
        _rebase_page(page, offline_page, rebaser)
        (copy / page.path).unlink()
        if page.path != offline_page and not any((copy / posixpath.dirname(page.path)).iterdir()):
            (copy / posixpath.dirname(page.path)).rmdir()
        (copy / offline_page).write_text(page.text, encoding="utf-8")
    _write_search_script(copy, rebaser)


def _rebase_page(page: Page, offline_page: str, rebaser: Rebaser) -> None:
    online_page, theme, base = page.path, page.theme, rebaser.folder(offline_page)
    prefix = theme.relative_prefix
    # The article's links are Markdown's, which the builder writes without the theme's prefix.
    in_article = {element.mem_id for element in page.select(f"{theme.article} *")}
    for name in ADDRESS_ATTRIBUTES:
        for element in page.select(f"[{name}]"):
            start = "" if element.mem_id in in_article else prefix
            element.attrs[name] = rebaser.address(element.attributes[name] or "", online_page, offline_page, start)
    for element in page.select(f"[{SRCSET}]"):
        start = "" if element.mem_id in in_article else prefix
        candidates = [candidate.split(None, 1) for candidate in (element.attributes[SRCSET] or "").split(",")]
        element.attrs[SRCSET] = ", ".join(" ".join([rebaser.address(words[0], online_page, offline_page, start),
                                                    *words[1:]]) for words in candidates if words)
    for element in page.select(theme.config_json):
        config = json.loads(element.text())
        config["base"] = base
        config["search"] = rebaser.address(config["search"], online_page, offline_page, prefix)
        config["features"] = [feature for feature in config["features"] if not feature.startswith(_INSTANT)]
        page.replace_text(element, theme.config_json_text(config))
    for element in page.select(theme.scope_script):
        script = element.text()
        if scoped := theme.scoped_to(script):
            _, start, end = scoped
            page.replace_text(element, script[:start] + json.dumps(base) + script[end:])


def _write_search_script(copy: Path, rebaser: Rebaser) -> None:
    for search in SEARCH_SCRIPTS:
        index_path = copy / search.index
        if not index_path.exists():
            continue
        index = json.loads(index_path.read_text(encoding="utf-8"))
        for entry in index.get("docs", index.get("items", [])):
            # From the root: "#part" is a place on the opening page, as the offline mode writes it.
            path, hash_sign, fragment = entry["location"].partition("#")
            entry["location"] = rebaser.address(path, "index.html", "index.html", "") + hash_sign + fragment
        text = json.dumps(index, separators=(",", ":"), ensure_ascii=search.ascii_only)
        index_path.write_text(text, encoding="utf-8")
        (copy / search.script).write_text(search.start + text + search.end, encoding="utf-8")
