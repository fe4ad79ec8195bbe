"""The pages of a built site, as the tests walk them."""

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from trustsite.service_worker import WORKER
from trustsite.urls import file_url

def plain(href: str) -> str:
    """A relative link as MkDocs writes it: Zensical writes "./page/" where MkDocs writes "page/"."""
    return href.removeprefix("./")


def site_pages(site: Path) -> list[str]:
    """Every page of a build, as paths relative to its root ("" is the home page).

    The 404 page is not a page, nor is the one-file edition, which the theme does not frame.
    """
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative == "404.html" or not BeautifulSoup(html.read_bytes(), "html.parser").select_one(".md-header"):
            continue
        pages.append(file_url(relative, offline=False))
    return pages


def page_head(site: Path, path: str):
    """The parsed <head> of the page at `path` (as site_pages() gives it) of `site`."""
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser").head


def every_page(built) -> list[str]:
    """site_pages(), and an unknown address, which the 404 page answers."""
    return site_pages(built.site) + ["no-such-page/"]


def worker_build(site: Path) -> dict:
    """The BUILD object a site's sw.js was written with."""
    return json.loads(re.search(r"^const BUILD = (.*)$", (site / WORKER).read_text(encoding="utf-8"), re.M)[1])
