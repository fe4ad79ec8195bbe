"""The one-file edition: the whole article in one HTML file that needs nothing else,
checked alone in a folder of its own, in a real Chromium with the network blocked."""

import gzip
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.article import article_texts, reading_text, table_count, unplaced_units
from tests.support.built_site import site_pages
from tests.support.project import both_builders
from tests.support.reader import AXE_TAGS, PHONE, axe_violations
from trustsite.one_file.downloads import size_text

# The edition's own markup, styles and contents around the article's sections;
# the publisher's words and pictures are not ours to budget.
OWN_MAX_BYTES, OWN_MAX_GZIPPED = 30_000, 10_000
# Each picture, inlined: a phone's width of it.
PICTURE_MAX_BYTES = 150_000


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def alone(built, tmp_path_factory) -> Path:
    """The edition copied alone into an empty folder, as a reader saves it."""
    folder = tmp_path_factory.mktemp("alone")
    return Path(shutil.copy(built.dist / built.names.one_file, folder))


# -- Made from plain arguments ------------------------------------------------------


# -- The built file -----------------------------------------------------------------

@both_builders
def test_it_is_written_beside_the_site_and_within_its_budgets(built):
    data = (built.dist / built.names.one_file).read_bytes()
    assert (built.site / built.names.one_file).read_bytes() == data
    page = BeautifulSoup(data.decode("utf-8"), "html.parser")
    pictures = [len(img["src"]) for img in page.find_all("img") if img["src"].startswith("data:")]
    assert all(size <= PICTURE_MAX_BYTES for size in pictures), pictures
    for section in page.select("section.whole-article__section"):
        section.clear()
    own = str(page).encode("utf-8")
    assert len(own) <= OWN_MAX_BYTES and len(gzip.compress(own, 9)) <= OWN_MAX_GZIPPED


@both_builders
@pytest.mark.sources
def test_it_holds_the_whole_article_in_the_sources_order(built, alone):
    assert unplaced_units(reading_text(soup(alone).body), article_texts(built.project)) == []
    assert len(soup(alone).find_all("table")) == table_count(built.site, built.project)


def test_every_link_stays_in_the_file_or_goes_to_the_web(alone):
    page = soup(alone)
    ids = {element["id"] for element in page.find_all(id=True)}
    hrefs = [a["href"] for a in page.find_all("a", href=True)]
    assert [href for href in hrefs if not (href.startswith("#") or href.startswith("https://"))] == []
    assert {href[1:] for href in hrefs if href.startswith("#")} - ids == set()
    assert len([href for href in hrefs if href.startswith("#")]) > 20


def test_it_asks_for_nothing_and_runs_no_script(alone):
    page = soup(alone)
    assert page.find_all("script") == [] and page.find_all("link", rel="stylesheet") == []
    loads = [e.get("src") or e.get("href") for e in page.find_all(["img", "link", "source", "iframe"])]
    assert all(address.startswith("data:") for address in loads)


@both_builders
def test_every_online_footer_offers_it_with_its_size(built):
    size = size_text((built.site / built.names.one_file).stat().st_size)
    for path in site_pages(built.site):
        page = built.site / path / "index.html"
        (link,) = soup(page).select(f"footer a[href$='{built.names.one_file}']")
        assert link.get_text() == f"Download the article as one file ({size})", path
        assert (page.parent / link["href"]).resolve() == (built.site / built.names.one_file).resolve()


# -- In Chromium, alone, with the network blocked -----------------------------------

@pytest.mark.parametrize("javascript", [False, True], ids=["javascript-off", "javascript-on"])
def test_it_opens_alone_with_no_request_beyond_itself(browser, alone, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    context.route("**/*", lambda route: route.continue_() if route.request.url == alone.as_uri()
                  else route.abort("blockedbyclient"))
    page = context.new_page()
    page.goto(alone.as_uri())
    page.wait_for_load_state("networkidle")
    # Styled, so the policy let its own stylesheet through.
    assert page.eval_on_selector("body", "e => getComputedStyle(e).maxWidth") == "672px"
    assert page.eval_on_selector("table", "e => getComputedStyle(e).borderCollapse") == "collapse"
    context.close()
    assert requests == [alone.as_uri()]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violation_and_nothing_scrolls_sideways(browser, alone, scheme, viewport):
    context = browser.new_context(color_scheme=scheme, viewport=viewport)
    page = context.new_page()
    page.goto(alone.as_uri())
    background = page.eval_on_selector("html", "e => getComputedStyle(e).backgroundColor")
    assert (background == "rgb(255, 255, 255)") is (scheme == "light")
    width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    violations = axe_violations(page)
    context.close()
    assert violations == [], f"axe ({', '.join(AXE_TAGS)}), {scheme}:\n" + "\n".join(violations)
    assert width[0] <= width[1]


def test_the_first_tab_reaches_the_skip_link_past_the_contents(browser, alone):
    page = browser.new_page()
    page.goto(alone.as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "md-skip"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    page.close()


def test_it_prints_with_the_sites_rules(browser, alone):
    page = browser.new_page()
    page.goto(alone.as_uri())
    page.emulate_media(media="print")
    assert page.eval_on_selector(".md-skip", "e => getComputedStyle(e).display") == "none"
    tables = page.eval_on_selector_all("table", "ts => ts.map(t => getComputedStyle(t).breakInside)")
    assert tables and set(tables) == {"avoid"}  # every table, however many the article has
    # The shadow that shows on screen where a table scrolls on is not printed.
    edges = page.eval_on_selector_all(".data-table", "ts => ts.map(t => getComputedStyle(t).backgroundImage)")
    assert edges and set(edges) == {"none"}
    doi = page.eval_on_selector("a[href^='https://doi.org/']", "a => [a.href, getComputedStyle(a, '::after').content]")
    assert doi[1] == f'" ({doi[0]})"'
    breaks = page.eval_on_selector_all("main > section", "s => s.map(e => getComputedStyle(e).breakBefore)")
    assert breaks[0] != "page" and set(breaks[1:]) == {"page"}
    page.close()
