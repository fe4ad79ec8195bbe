"""The offline archive: what it holds, that it loads nothing from another host,
and that the online site links to it while the copy itself does not."""

import hashlib
import json
import shutil
import zipfile
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from tests.support.built_site import plain, site_pages
from tests.support.project import ROOT, both_builders, build_project
from tests.support.reader import SEARCH

SHIM = "assets/vendor/iframe-worker/index.js"
# <link> relations that make the browser fetch (or connect to) the target.
FETCHING_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload",
                 "prefetch", "modulepreload", "preconnect", "dns-prefetch"}


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_files(folder):
    return sorted(folder.rglob("*.html"))


def test_archive_unzips_to_one_folder_with_index_html(built):
    with zipfile.ZipFile(built.dist / built.names.archive) as archive:
        names = archive.namelist()
    folder = built.names.archive_folder
    assert {name.split("/")[0] for name in names} == {folder}
    assert f"{folder}/index.html" in names
    assert names == sorted(names)


@both_builders
def test_archive_holds_only_what_the_copy_uses(built):
    with zipfile.ZipFile(built.dist / built.names.archive) as archive:
        names = [name.removeprefix(f"{built.names.archive_folder}/") for name in archive.namelist()]
    left_out = [name for name in names
                if name.endswith((".map", ".gz", "sitemap.xml", "search_index.json", "search.json", "robots.txt"))
                or name == "404.html" or "/lunr/" in name]
    assert not left_out
    for needed in (SEARCH[built.builder].offline_index, SHIM, "assets/vendor/iframe-worker/LICENSE",
                   "whole-article.html", "stylesheets/site.css"):
        assert needed in names


def test_archive_has_its_checksum_fits_the_budget_and_is_hosted(built):
    name = built.names.archive
    archive = (built.dist / name).read_bytes()
    checksum = (built.dist / (name + ".sha256")).read_text(encoding="utf-8")
    assert checksum == f"{hashlib.sha256(archive).hexdigest()}  {name}\n"
    assert len(archive) <= 1_000_000
    assert (built.site / name).read_bytes() == archive


def test_archive_is_the_same_for_the_same_sources(built, tmp_path):
    # The very sources `built` was made from, built again in another folder.
    sources = shutil.copytree(built.project, tmp_path / "project",
                              ignore=shutil.ignore_patterns("site", "dist", "__pycache__"))
    again = build_project(sources)
    assert (again.dist / again.names.archive).read_bytes() == (built.dist / built.names.archive).read_bytes()


@both_builders
def test_offline_pages_load_the_vendored_polyfill(offline_copy):
    for page in html_files(offline_copy):
        scripts = [s["src"] for s in soup(page).find_all("script", src=True)]
        shims = [src for src in scripts if "iframe-worker" in src]
        assert len(shims) == 1, page
        assert (page.parent / shims[0]).resolve() == (offline_copy / SHIM).resolve(), page


@both_builders
def test_online_site_has_no_polyfill(built):
    assert not (built.site / "assets" / "vendor").exists()
    for page in html_files(built.site):
        assert "iframe-worker" not in page.read_text(encoding="utf-8"), page


def test_vendored_polyfill_is_the_locked_npm_package():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    package = ROOT / "node_modules" / "iframe-worker"
    installed = json.loads((package / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == lock["packages"]["node_modules/iframe-worker"]["version"]
    vendored = ROOT / "overrides" / "assets" / "vendor" / "iframe-worker"
    for copy, source in (("index.js", "shim/index.js"), ("LICENSE", "LICENSE")):
        assert (vendored / copy).read_bytes() == (package / source).read_bytes(), (
            f"copy node_modules/iframe-worker/{source} to {(vendored / copy).relative_to(ROOT)}")


@both_builders
def test_no_page_or_stylesheet_loads_from_another_host(built, offline_copy):
    for folder in (built.site, offline_copy):
        for page in html_files(folder):
            document = soup(page)
            fetched = [e["src"] for e in document.find_all(["script", "img", "iframe", "source",
                                                             "audio", "video"], src=True)]
            fetched += [link["href"] for link in document.find_all("link", href=True)
                        if FETCHING_RELS & set(link.get("rel", []))]
            assert not [url for url in fetched if urlsplit(url).netloc], page
        for stylesheet in folder.rglob("*.css"):
            text = stylesheet.read_text(encoding="utf-8")
            assert "url(http" not in text.replace(" ", "") and "@import" not in text, stylesheet


def download_links(page):
    return [a for a in soup(page).find_all("a", download=True)
            if a.get_text() == "Download the full copy (ZIP)"]


@both_builders
def test_online_home_page_and_every_footer_link_to_the_archive(built):
    (home_link, footer_link) = download_links(built.site / "index.html")
    assert home_link.find_parent("section", id="read-offline") and footer_link.find_parent("footer")
    assert plain(home_link["href"]) == plain(footer_link["href"]) == built.names.archive
    for path in site_pages(built.site):
        page = built.site / path / "index.html"
        footer = [a for a in download_links(page) if a.find_parent("footer")]
        assert len(footer) == 1, path
        assert (page.parent / footer[0]["href"]).resolve() == (built.site / built.names.archive).resolve(), path


@both_builders
def test_offline_copy_has_no_download_link(offline_copy):
    for page in html_files(offline_copy):
        assert not download_links(page), page
        assert "read-offline" not in page.read_text(encoding="utf-8"), page
