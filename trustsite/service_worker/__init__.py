"""The online site's service worker: the whole article kept in a reader's
browser after their first visit, so it still reads with no connection.

Pages are network-first, so a correction reaches every reader online on their
next visit; the saved copy answers when the network fails, or has not answered
within NETWORK_TIMEOUT_SECONDS. What it saves is read from the built site, not
kept by hand, and each build's cache has a name of its own, made from the
site's scope and the files, so a new build's worker drops its own site's
older copies and never another site's on the same origin.
The worker's code is service_worker.js beside this module.
"""

import hashlib
import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from trustsite.cards.social_card import CARD_FOLDER
from trustsite.offline_copy import used
from trustsite.page_addresses import files_used
from trustsite.settings import FileNames
from trustsite.urls import file_url

# mkdocs.yml's extra: setting that turns the worker off (it is on unless false).
SETTING = "offline_after_first_visit"
WORKER = "sw.js"
# The pages' script that registers the worker, from overrides/.
REGISTRATION = "assets/javascripts/offline-reading.js"
MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)
# Every cache is named this, then the worker's scope (the site's address), then
# the build's version: "offline-reading https://x.github.io/trust-in-therapy/ 1a2b…".
CACHE_PREFIX = "offline-reading "
# Answers, offline, an address that was never saved.
NOT_FOUND = "404.html"
# How long a page waits for a network that accepts the connection and does not
# answer before the saved copy answers: Workbox's NetworkFirst guide uses 3 s.
NETWORK_TIMEOUT_SECONDS = 3
# The header's teal in each palette (docs/stylesheets/site.css), for the
# phone's own bar; the manifest takes the light one.
THEME_COLOURS = {"light": "#00796b", "dark": "#004d40"}

# What no page needs to read offline: files for crawlers and servers, the
# link-preview cards (only other sites show them), and the worker itself; and
# the zip and the PDF (a reader offline already has the site).
NOT_SAVED = ("*.map", "*.gz", "sitemap.xml", "robots.txt", CARD_FOLDER + "*", WORKER)
_WORKER_CODE = files("trustsite.service_worker").joinpath("service_worker.js").read_text(encoding="utf-8")


def enabled(extra: dict, *, offline: bool, preview: bool) -> bool:
    """Whether a build with mkdocs.yml's `extra` gets the worker: the
    published online site only, never the offline copy or a preview."""
    return extra.get(SETTING, True) is not False and not offline and not preview


def icon_path(size: int) -> str:
    return f"assets/images/icon-{size}.png"


@dataclass(frozen=True)
class Saved:
    url: str  # from the site's root, as a page is asked for: "", "confidentiality/"
    path: Path


def saved_files(site: Path, languages: list[str], docs_dir: Path, names: FileNames) -> list[Saved]:
    """Every file of the built `site`, whose downloads are called `names`, that
    the worker saves, in a fixed order: the pages and the theme's files, and of
    the files from `docs_dir` (a publisher's pictures) only those a page loads or links."""
    not_saved = (*NOT_SAVED, names.archive, names.pdf)
    files = {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}
    files = {relative: path for relative, path in files.items() if used(relative, languages, not_saved)}
    pages = [relative for relative in files if relative.endswith(".html")]
    linked = set().union(*(files_used(page, files[page].read_text(encoding="utf-8")) for page in pages))
    saved = []
    for relative, path in files.items():
        if relative in pages or relative in linked or not (docs_dir / relative).is_file():
            saved.append(Saved(file_url(relative, offline=False) or "./", path))
    return saved


def build_version(saved: list[Saved]) -> str:
    """The last part of the cache's name: it changes whenever any saved file, or the list, does."""
    digest = hashlib.sha256()
    for file in saved:
        digest.update(file.url.encode() + b"\0" + hashlib.sha256(file.path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def worker_js(saved: list[Saved]) -> str:
    """sw.js for a build that saves `saved`."""
    build = {"version": build_version(saved), "prefix": CACHE_PREFIX,
             "files": [file.url for file in saved], "notFound": NOT_FOUND,
             "networkTimeoutSeconds": NETWORK_TIMEOUT_SECONDS}
    return _WORKER_CODE.replace("const BUILD = {}", f"const BUILD = {json.dumps(build)}", 1)


def manifest_json(name: str, short_name: str, description: str) -> str:
    """The web app manifest: the article on a phone's home screen, opening at the first page."""
    return json.dumps({
        "name": name,
        "short_name": short_name,
        "description": description,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOURS["light"],
        "background_color": "#ffffff",
        "icons": [{"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": purpose} for size in ICON_SIZES for purpose in ("any", "maskable")],
    }, indent=2, ensure_ascii=False) + "\n"
