"""The online site keeps itself in a reader's browser after one visit: a real
Chromium, a real server under the project path, then a real outage, and then
a corrected build at the same address."""

import json
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.article import plain_sentence, search_word, site_path
from tests.support.built_site import site_pages, worker_build
from tests.support.project import Build, both_builders, build_project, change_config, copy_project
from tests.support.reader import SEARCH, search
from tests.support.server import ANSWERED_AT, serve
from trustsite.service_worker import (CACHE_PREFIX, ICON_SIZES, MANIFEST, NETWORK_TIMEOUT_SECONDS, REGISTRATION,
                                      SETTING, WORKER, build_version, icon_path, saved_files, worker_js)
from trustsite.settings import FileNames
from trustsite_tools.serve_static import hanging

PREFIX = "/trust-in-therapy/"
# Invented downloads' names, for the small sites made here.
NAMES = FileNames("an-article")
# What a reader on a hanging connection waits at most for a page's heading.
HEADING_WITHIN_SECONDS = 6
SLOW_NETWORK_SECONDS = 1.5
TABS_AT_ONCE = 4


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# -- What it saves -------------------------------------------------------------------

def make_site(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


SITE = {"index.html": b"home", "a/index.html": b"a", "one.html": b"one", "404.html": b"404",
        "assets/stylesheets/main.1234abcd.min.css": b"css", "search/search_index.json": b"{}",
        "assets/javascripts/lunr/min/lunr.de.min.js": b"de", "assets/javascripts/lunr/tinyseg.js": b"ja",
        "assets/javascripts/bundle.js.map": b"map", "sitemap.xml": b"x", "sitemap.xml.gz": b"x",
        "robots.txt": b"x", NAMES.archive: b"zip", NAMES.pdf: b"pdf",
        "assets/images/social/index.png": b"card", WORKER: b"old worker"}


def test_it_saves_every_page_at_its_address_and_what_pages_load(tmp_path):
    site = make_site(tmp_path, SITE)
    assert [file.url for file in saved_files(site, ["en"], tmp_path / "docs", NAMES)] == [
        "404.html", "a/", "assets/stylesheets/main.1234abcd.min.css", "./", "one.html",
        "search/search_index.json"]
    assert "assets/javascripts/lunr/min/lunr.de.min.js" in [file.url for file in saved_files(site, ["de"], tmp_path / "docs", NAMES)]


def test_the_build_version_changes_with_any_saved_file_and_only_then(tmp_path):
    site = make_site(tmp_path, SITE)
    version = build_version(saved_files(site, ["en"], tmp_path / "docs", NAMES))
    assert version == build_version(saved_files(site, ["en"], tmp_path / "docs", NAMES))
    (site / "sitemap.xml").write_bytes(b"not saved, so no new name")
    assert build_version(saved_files(site, ["en"], tmp_path / "docs", NAMES)) == version
    (site / "a" / "index.html").write_bytes(b"a corrected")
    assert build_version(saved_files(site, ["en"], tmp_path / "docs", NAMES)) != version


def test_the_worker_carries_its_build(tmp_path):
    saved = saved_files(make_site(tmp_path, SITE), ["en"], tmp_path / "docs", NAMES)
    (tmp_path / WORKER).write_text(worker_js(saved), encoding="utf-8")
    build = worker_build(tmp_path)
    assert build == {"version": build_version(saved), "prefix": CACHE_PREFIX,
                     "files": [file.url for file in saved], "notFound": "404.html",
                     "networkTimeoutSeconds": NETWORK_TIMEOUT_SECONDS}


def loaded_by(page: Path, site: Path, builder: str) -> set[str]:
    """What a page of the built site loads, as paths from the site's root."""
    document = soup(page)
    addresses = [tag["src"] for tag in document.find_all(["script", "img"], src=True)]
    addresses += [link["href"] for link in document.find_all("link", href=True)
                  if set(link["rel"]) & {"stylesheet", "icon", "manifest", "apple-touch-icon"}]
    config = json.loads(document.find(id="__config").string)
    addresses += [config["search"], *(config["base"] + "/" + index for index in SEARCH[builder].index)]
    return {(page.parent / address).resolve().relative_to(site.resolve()).as_posix() for address in addresses}


@both_builders
def test_the_list_is_every_page_and_everything_they_load(built):
    site = built.site
    listed = worker_build(site)["files"]
    assert all((site / file).is_file() for file in listed if not file.endswith("/"))
    assert {path or "./" for path in site_pages(site)} <= set(listed)
    needed = set().union(*(loaded_by(site / path / "index.html", site, built.builder) for path in site_pages(site)))
    assert needed - set(listed) == set()
    assert {MANIFEST, *map(icon_path, ICON_SIZES)} <= set(listed)


@both_builders
def test_every_page_registers_it_and_offers_the_home_screen(built):
    manifest = json.loads((built.site / MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["start_url"], manifest["scope"]) == ("./", "./")
    assert manifest["name"] and manifest["short_name"] and manifest["display"]
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for path in site_pages(built.site):
        page = soup(built.site / path / "index.html")
        assert page.find("script", src=re.compile(re.escape(REGISTRATION) + "$")), path
        assert page.find("link", rel="manifest"), path
        assert {meta["media"] for meta in page.find_all("meta", attrs={"name": "theme-color"})} == {
            "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"}


@both_builders
def test_the_offline_copy_has_no_worker(offline_copy):
    for name in (WORKER, MANIFEST, REGISTRATION):
        assert not (offline_copy / name).exists(), name
    for page in offline_copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "offline-reading.js" not in text and 'rel="manifest"' not in text, page


def test_one_setting_turns_it_off(tmp_path):
    project = copy_project(tmp_path / "project")
    change_config(project, f"  {SETTING}: true", f"  {SETTING}: false")
    site = build_project(project).site
    for name in (WORKER, MANIFEST, REGISTRATION):
        assert not (site / name).exists(), name
    home = soup(site / "index.html")
    assert not home.find("link", rel="manifest")
    # The opening page no longer promises the site itself offline.
    assert len(home.find("section", id="read-offline").find_all("li")) == 2


# -- In Chromium ---------------------------------------------------------------------

@dataclass(frozen=True)
class Corrected:
    build: Build
    path: str       # the corrected page's path on the site
    sentence: str   # the sentence as corrected


@pytest.fixture(scope="module")
def corrected(built, tmp_path_factory) -> Corrected:
    """The project with one sentence corrected, built by the same builder as `built`."""
    project = copy_project(tmp_path_factory.mktemp("corrected"))
    sentence = plain_sentence(project)
    correction = sentence.text.removesuffix(".") + ", as a corrected build says."
    page = project / sentence.file
    page.write_text(page.read_text(encoding="utf-8").replace(sentence.text, correction), encoding="utf-8")
    return Corrected(build_project(project, built.builder), site_path(sentence.file.removeprefix("docs/")), correction)


@pytest.fixture(scope="module")
def corrected_pages(built, corrected, tmp_path_factory) -> Path:
    """The corrected site under `built`'s worker: no new worker installs, so only
    the pages' own answers can bring the correction."""
    site = Path(shutil.copytree(corrected.build.site, tmp_path_factory.mktemp("corrected-pages") / "site"))
    shutil.copy(built.site / WORKER, site / WORKER)
    return site


# The pages' policy refuses the eval that wait_for_function uses, so these wait through evaluate.
def until_controlled(page) -> None:
    """Wait until the worker has saved the site and answers for the page."""
    page.evaluate("""() => navigator.serviceWorker.controller || new Promise(resolve =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, {once: true}))""")


def until_saved_only(page, *caches: str, seconds: float = 30) -> None:
    """Wait until `caches` are the only copies the browser keeps."""
    deadline = time.monotonic() + seconds
    while sorted(saved_caches(page)) != sorted(caches):
        assert time.monotonic() < deadline, f"still kept: {saved_caches(page)}, not only {caches}"
        page.wait_for_timeout(100)


def cache_of(site: Path, url: str) -> str:
    """The cache that `site`'s worker, served at `url` (its scope), keeps it in."""
    return f"{CACHE_PREFIX}{url} {worker_build(site)['version']}"


def saved_caches(page) -> list[str]:
    return page.evaluate("caches.keys()")


def port_of(url: str) -> int:
    return int(url.split(":")[2].split("/")[0])


def heading(site: Path, path: str) -> str:
    return soup(site / path / "index.html").select_one("article h1").get_text().strip()


def installed(browser, site: Path, headers: dict | None = None):
    """A browser context whose worker has saved `site`, and the server's address, now stopped."""
    context = browser.new_context()
    page = context.new_page()
    with serve(site, PREFIX, headers=headers) as url:
        page.goto(url)
        until_controlled(page)
    return context, page, url


@both_builders
def test_after_one_visit_the_site_reads_with_the_server_gone(browser, built):
    context, page, url = installed(browser, built.site)
    # The server has stopped: a real outage.
    for path in site_pages(built.site):
        response = page.goto(url + path)
        assert response.ok, path
        assert response.from_service_worker, path
        assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky", path
    word, on_page = search_word(built.project)
    sentence_page = site_path(on_page)
    found = search(page, built.builder, word)
    # A search result's address carries the words searched for (?h=...): still the saved page.
    result = next(link for link in found if re.split("[?#]", link)[0] == url + sentence_page)
    from_result = page.goto(result)
    result_page = (from_result.status, page.locator("article h1").inner_text().strip())
    # An address never saved gets the site's own "not found" page, as a 404.
    missing = page.goto(url + "no-such-page/")
    missing_page = (missing.from_service_worker, missing.status, page.locator("article h1").inner_text())
    context.close()
    assert "?h=" in result and result_page == (200, heading(built.site, sentence_page))
    assert missing_page[:2] == (True, 404) and missing_page[2].startswith("404")


def heading_seconds(page, expected: str) -> float:
    """Seconds from the start of the page's navigation until `expected` is its heading on screen."""
    page.locator("article h1", has_text=expected).wait_for(timeout=HEADING_WITHIN_SECONDS * 2000)
    return page.evaluate("performance.now()") / 1000


def test_a_hanging_connection_never_hides_the_saved_article(browser, built, corrected, corrected_pages):
    context, page, url = installed(browser, built.site)
    paths = site_pages(built.site)
    waited = {}
    with hanging(port_of(url)):
        # A few pages at a time, each in a tab of its own: the wait is the network's, not two busy cores'.
        for batch in range(0, len(paths), TABS_AT_ONCE):
            tabs = {path: context.new_page() for path in paths[batch:batch + TABS_AT_ONCE]}
            for path, tab in tabs.items():
                tab.evaluate("address => { location.href = address }", url + path)
            for path, tab in tabs.items():
                waited[path or "/"] = heading_seconds(tab, heading(built.site, path))
                tab.close()
    # The connection comes back: the network answers again, so a correction shows at once...
    with serve(corrected_pages, PREFIX, port=port_of(url)):
        asked = time.monotonic()
        answer = page.goto(url + corrected.path)
        fresh = page.locator("article").inner_text()
        # ...and every page loads.
        loaded = [path for path in paths if page.goto(url + path).ok]
    context.close()
    slowest = max(waited, key=waited.get)
    assert waited[slowest] <= HEADING_WITHIN_SECONDS, f"{slowest}: heading after {waited[slowest]:.1f} s"
    # Answered since it was asked for: the network's answer, not a saved copy that a late answer refreshed.
    assert float(answer.headers.get(ANSWERED_AT.lower(), "0")) >= asked, f"{corrected.path}: a saved copy answered"
    assert corrected.sentence in fresh
    assert loaded == paths


def saved_text(page, address: str) -> str:
    return page.evaluate("address => caches.match(address).then(saved => saved.text())", address)


def test_a_slow_network_still_wins_and_a_late_one_refreshes_the_saved_copy(browser, built, corrected,
                                                                          corrected_pages):
    context, page, url = installed(browser, built.site)
    page_url = url + corrected.path
    # Every answer slower than the worker waits: the reader reads the saved page...
    with serve(corrected_pages, PREFIX, port=port_of(url), delay=NETWORK_TIMEOUT_SECONDS + 1):
        page.goto(page_url, wait_until="commit")
        late = page.locator("article").inner_text()
        # ...and the late answer is saved for the next visit.
        deadline = time.monotonic() + NETWORK_TIMEOUT_SECONDS + 5
        while corrected.sentence not in saved_text(page, page_url) and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        refreshed = saved_text(page, page_url)
    # Slow, but within the limit: the network's answer shows on the first load.
    with serve(corrected_pages, PREFIX, port=port_of(url), delay=SLOW_NETWORK_SECONDS):
        page.goto(url + "whole-article/")
        slow = page.locator("article").inner_text()
    context.close()
    assert corrected.sentence not in late and corrected.sentence in refreshed
    assert corrected.sentence in slow


@both_builders
def test_a_corrected_sentence_reaches_the_reader_on_the_next_visit(browser, built, corrected):
    # Both builds are served as a host may, for the HTTP cache to keep ten minutes.
    headers = {"Cache-Control": "max-age=600"}
    context, page, url = installed(browser, built.site, headers=headers)
    assert saved_caches(page) == [cache_of(built.site, url)]
    with serve(corrected.build.site, PREFIX, port=port_of(url), headers=headers):
        # The first load after the correction shows it: pages come from the network first.
        page.goto(url + "whole-article/")
        assert corrected.sentence in page.locator("article").inner_text()
        # The corrected build's worker takes over and drops the older build's copy.
        until_saved_only(page, cache_of(corrected.build.site, url))
    # What it saved came from the server, not the HTTP cache's older build: offline, the
    # page not visited since the correction has it.
    page.goto(url + corrected.path)
    offline = page.locator("article").inner_text()
    context.close()
    assert corrected.sentence in offline


def test_a_browser_asked_to_save_data_keeps_nothing_in_the_background(browser, built):
    context = browser.new_context()
    page = context.new_page()
    # Chromium's own Save-Data setting, as a reader turns it on.
    context.new_cdp_session(page).send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    with serve(built.site, PREFIX) as url:
        page.goto(url)
        assert page.evaluate("navigator.connection.saveData")
        # Past the load event, when the worker would register, and a while after.
        page.wait_for_timeout(2000)
        kept = (saved_caches(page), page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)"))
        # The page still works: its search finds the article.
        search(page, built.builder, search_word(built.project)[0])
    context.close()
    assert kept == ([], 0)


def test_two_sites_on_one_origin_keep_each_others_copy(browser, built, corrected, tmp_path):
    # Two articles published from this repository under one github.io account:
    # one server, one origin, the sites under /a/ and /b/.
    root = tmp_path / "origin"
    for folder in ("a", "b"):
        shutil.copytree(built.site, root / folder)
    context = browser.new_context()
    page = context.new_page()
    with serve(root) as url:
        for folder in ("a", "b"):
            page.goto(f"{url}{folder}/")
            until_controlled(page)
        both = sorted(saved_caches(page))
        # A new build of the site under /a/: its worker drops its own older copy only.
        shutil.rmtree(root / "a")
        shutil.copytree(corrected.build.site, root / "a")
        page.goto(f"{url}a/")
        until_saved_only(page, cache_of(corrected.build.site, f"{url}a/"), cache_of(built.site, f"{url}b/"))
    # The server has stopped: the site under /b/ still reads from its saved copy.
    offline = page.goto(f"{url}b/{corrected.path}")
    context.close()
    assert both == sorted([cache_of(built.site, f"{url}a/"), cache_of(built.site, f"{url}b/")])
    assert offline.ok and offline.from_service_worker


def test_a_copy_saved_before_caches_named_their_site_goes_only_if_it_is_this_sites(browser, built, tmp_path):
    # The first workers named each cache "trust-in-therapy-" and a version: a
    # reader may keep one from this site, and one from another site on the origin.
    root = tmp_path / "origin"
    shutil.copytree(built.site, root / "a")
    (root / "blank.html").write_text("<!doctype html><title>No worker here</title>", encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    with serve(root) as url:
        page.goto(url + "blank.html")
        earlier = {folder: f"trust-in-therapy-{folder * 16}" for folder in ("a", "b")}
        for folder, name in earlier.items():
            page.evaluate("([name, address]) => caches.open(name).then(cache => cache.put(address, new Response('old')))",
                          [name, f"{url}{folder}/"])
        page.goto(url + "a/")
        until_controlled(page)
        until_saved_only(page, cache_of(built.site, f"{url}a/"), earlier["b"])
    context.close()
