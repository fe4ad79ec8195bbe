"""Lean pages: minified HTML, few stylesheets before first paint, and search
that loads only when the reader uses it."""

import json
import re
import zipfile

from bs4 import BeautifulSoup

from tests.support.article import built_page, search_word, site_path
from tests.support.built_site import site_pages
from tests.support.project import ROOT
from tests.support.reader import search
from trustsite.sources import article_pages, nav_pages

# Text that keeps its line breaks and spacing: minifying must not touch it.
VERBATIM = re.compile(r"<(pre|script|style|textarea)\b.*?</\1>", re.S)


def minified_problems(name: str, html: str) -> list[str]:
    problems = []
    if "<!--" in html:
        problems.append(f"{name}: has an HTML comment")
    if re.search(r"\s{2,}", VERBATIM.sub("<kept/>", html)):
        problems.append(f"{name}: has a run of white space outside <pre> and <script>")
    return problems


def test_pages_of_both_builds_are_minified(built):
    problems = []
    for page in sorted(built.site.rglob("*.html")):
        problems += minified_problems(str(page.relative_to(built.site)),
                                      page.read_text(encoding="utf-8"))
    with zipfile.ZipFile(built.dist / built.names.archive) as archive:
        for name in archive.namelist():
            if name.endswith(".html"):
                problems += minified_problems(name, archive.read(name).decode("utf-8"))
    assert not problems, "\n".join(problems)


def test_minifying_keeps_the_space_between_inline_elements(built):
    # "…<strong>bold</strong> <em>word</em>…" must not become "boldword".
    page = (built.site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"</a> <", page) or re.search(r"</(em|strong|abbr)> \w", page)
    assert not re.search(r"</(em|strong|abbr|a)><(em|strong|abbr|a)\b", page)


def test_online_index_leaves_the_documents_for_first_use(built):
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = json.loads((built.site / "search" / "search_docs.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == ["en"]
    assert {doc["location"].split("#")[0] for doc in docs} >= {site_path(page) for page in article_pages(ROOT)}


def worker_and_documents(urls: list[str]) -> list[str]:
    return [url for url in urls if "/workers/search" in url or "search_docs.json" in url]


def found_pages(page, builder: str, word: str) -> set[str]:
    """The addresses search lists for `word`, without their query or fragment."""
    return {re.split(r"[?#]", link)[0] for link in search(page, builder, word)}


def test_search_loads_on_first_use_online(browser, built, site_url):
    page = browser.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    word, on_page = search_word()
    # A page other than the one that holds the word.
    page.goto(site_url + site_path(nav_pages(ROOT)[-1]), wait_until="networkidle")
    assert not worker_and_documents(requested), "search loaded before the reader used it"

    links = found_pages(page, built.builder, word)
    assert site_url + site_path(on_page) in links
    assert len(worker_and_documents(requested)) == 2
    page.close()


def test_search_loads_on_first_use_offline(browser, built, offline_copy):
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto((offline_copy / "index.html").as_uri())
    page.wait_for_load_state("networkidle")
    # From file:// the worker runs in a hidden iframe (iframe-worker): none yet.
    assert page.eval_on_selector_all("iframe", "frames => frames.length") == 0

    word, on_page = search_word()
    links = found_pages(page, built.builder, word)
    assert built_page(offline_copy, on_page, offline=True).as_uri() in links
    context.close()


def test_first_paint_waits_for_three_stylesheets_at_most(built):
    # Material's two and the site's one; a rule for paper only would load with media="print".
    for path in site_pages(built.site):
        head = BeautifulSoup((built.site / path / "index.html").read_text(encoding="utf-8"), "html.parser").head
        blocking = [link["href"] for link in head.find_all("link", rel="stylesheet")
                    if link.get("media", "all") in ("all", "screen")]
        assert len(blocking) <= 3, (path, blocking)
