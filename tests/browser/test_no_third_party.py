"""In a real Chromium: the offline copy works from file:// with every other request
blocked, and neither build asks any host but its own for anything."""

import contextlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.article import article_text, built_page, search_word, site_path
from tests.support.built_site import site_pages
from tests.support.project import ROOT, both_builders
from tests.support.reader import SEARCH, search
from tests.support.server import serve
from trustsite.sources import article_pages

pytestmark = both_builders


@pytest.fixture(scope="module")
def docs_count(built) -> int:
    """How many pages the site has: one a Markdown file."""
    return len(list((built.project / "docs").rglob("*.md")))


@contextlib.contextmanager
def recording(browser, allowed):
    """A browser context that lets through only requests `allowed` accepts,
    and lists every request it saw, let through or not."""
    context = browser.new_context(color_scheme="light")
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    context.route("**/*", lambda route: route.continue_() if allowed(route.request.url)
                  else route.abort("blockedbyclient"))
    try:
        yield context.new_page(), requests
    finally:
        context.close()


def offline_pages(copy: Path) -> list[Path]:
    return [copy / (path or "index.html") for path in site_pages(copy)]


def is_file(url: str) -> bool:
    return url.startswith("file:")


def assert_themed(page, where):
    # Material's stylesheet makes the header sticky; unstyled, it is static.
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky", where


def test_offline_copy_works_from_file_with_the_network_blocked(browser, offline_copy, docs_count):
    pages = offline_pages(offline_copy)
    assert len(pages) == docs_count
    with recording(browser, is_file) as (page, requests):
        for path in pages:
            page.goto(path.as_uri())
            assert_themed(page, path.name)
            links = page.eval_on_selector_all(".md-nav--primary a.md-nav__link[href]:not([href^='#'])",
                                              "links => links.map(a => a.href)")
            assert len(links) == docs_count, path.name
            for link in links:
                target = Path(urlsplit(link).path)
                assert target.suffix == ".html" and target.is_file(), (path.name, link)
    assert requests and not [url for url in requests if not is_file(url)]


def test_offline_search_lists_the_pages_that_hold_the_word(browser, built, offline_copy):
    with recording(browser, is_file) as (page, requests):
        word, on_page = search_word()
        opens = built_page(offline_copy, on_page, offline=True).name
        page.goto((offline_copy / "index.html").as_uri())
        found = {Path(urlsplit(url).path) for url in search(page, built.builder, word)}
        # Every page that has the word, and only those (the one-page copy is not searched).
        assert found == {path for path in offline_pages(offline_copy)
                         if path.name != "whole-article.html" and word.lower() in article_text(path).lower()}
        # A result opens its page, still with no request to any host.
        page.click(f"{SEARCH[built.builder].results}[href*='{opens}']")
        page.wait_for_load_state()
        assert Path(urlsplit(page.url).path).name == opens
        assert_themed(page, page.url)
    assert not [url for url in requests if not is_file(url)]


WHITE = "rgb(255, 255, 255)"


def toggle(page) -> tuple[str, str]:
    """Click the palette toggle; the colour scheme and background it leaves."""
    page.click("form[data-md-component=palette] label:not([hidden])")
    return (page.get_attribute("body", "data-md-color-scheme"),
            page.eval_on_selector("body", "e => getComputedStyle(e).backgroundColor"))


def test_offline_light_and_dark_toggle(browser, offline_copy):
    with recording(browser, is_file) as (page, requests):
        page.goto(built_page(offline_copy, article_pages(ROOT)[-1], offline=True).as_uri())
        # The toggle cycles from the system's (light) scheme to light, dark, and back.
        seen = [toggle(page), toggle(page), toggle(page)]
        assert seen == [("default", WHITE), ("slate", seen[1][1]), ("default", WHITE)]
        assert seen[1][1] != WHITE
        # The reader's choice holds on the next page.
        toggle(page), toggle(page)
        page.goto((offline_copy / "index.html").as_uri())
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert not [url for url in requests if not is_file(url)]


def test_online_site_asks_only_its_own_host(browser, built, docs_count):
    pages = site_pages(built.site)
    assert len(pages) == docs_count
    with serve(built.site) as url:
        own = urlsplit(url).netloc
        with recording(browser, lambda request: urlsplit(request).netloc == own) as (page, requests):
            for path in pages:
                page.goto(url + path)
                assert_themed(page, path)
            # Searching fetches the index and starts the worker: still only this host.
            word, on_page = search_word()
            assert url + site_path(on_page) in {u.split("?")[0] for u in search(page, built.builder, word)}
    assert requests and not [r for r in requests if urlsplit(r).netloc != own]
