"""Every reader, in a real Chromium: axe-core on every page in both palettes,
the keyboard, a 320 px wide screen, and the tables as a screen reader meets them."""

import re

import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.article import first_page_saying, search_word, site_path
from tests.support.built_site import every_page, site_pages
from tests.support.project import ROOT, both_builders
from tests.support.reader import PHONE, SEARCH, axe_violations, choose_palette, scheme, settle
from trustsite.data import load_rows
from trustsite.schema import TableRow
from trustsite.sources import page_calling
from trustsite.tables import TABLES

PALETTES = ["default", "slate"]
TABLE_PAGES = {name: site_path(page_calling(ROOT, name)) for name in TABLES}


@both_builders
@pytest.mark.parametrize("palette", PALETTES)
def test_axe_finds_no_violation_on_any_page(browser, built, hosted, palette):
    # The system setting is the other palette, so the toggle has to be clicked.
    context = browser.new_context(color_scheme="dark" if palette == "default" else "light")
    page = context.new_page()
    page.goto(hosted)
    choose_palette(page, palette)
    found = []
    for path in every_page(built):
        page.goto(hosted + path)
        assert scheme(page) == palette, f"{path}: the chosen palette was not kept"
        found += [f"{path or '/'}: {violation}" for violation in axe_violations(page)]
    # The search panel, open with results, is part of every page too.
    page.keyboard.press("/")
    page.keyboard.type(search_word()[0])
    page.wait_for_selector(SEARCH[built.builder].results)
    settle(page)
    found += [f"open search: {violation}" for violation in axe_violations(page)]
    context.close()
    assert not found, f"axe, {palette} palette:\n" + "\n".join(found)


# -- Keyboard ---------------------------------------------------------------------

FOCUSED = """() => {
  const element = document.activeElement;
  // A palette option is a hidden radio button; the label on show is the toggle.
  const shown = element.matches(".md-option") ? element.form.querySelector("label:not([hidden])") : element;
  const style = getComputedStyle(shown), box = shown.getBoundingClientRect();
  // The middle of the part of it inside the window must be the element, not the header over it.
  const left = Math.max(box.left, 0), right = Math.min(box.right, innerWidth);
  const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
  const hit = left < right && top < bottom && document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
  return {
    name: element.tagName + "." + [...element.classList].join(".") + " " +
          (element.getAttribute("href") || element.id || element.textContent.trim().slice(0, 30)),
    href: element.getAttribute("href"),
    isBody: element === document.body,
    seen: Boolean(hit && (shown.contains(hit) || hit.contains(shown))),
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
          || style.boxShadow !== "none",
  };
}"""


def focused(page) -> dict:
    """The element that has the focus, read once it shows: a busy machine may
    not yet have begun the transition that brings it into view (the drawer
    sliding in, the header link fading in) when the key press returns. A stop
    still hidden after a second is hidden from the reader too."""
    settle(page)
    try:
        page.wait_for_function(f"() => {{ const stop = ({FOCUSED})(); return stop.isBody || (stop.seen && stop.ring); }}",
                               timeout=1000)
    except PlaywrightTimeout:
        pass
    return page.evaluate(FOCUSED)


def tab_stops(page, limit: int = 80) -> list[dict]:
    """Each element Tab reaches from the top of the page to the bottom."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop["isBody"]:  # past the last element, focus leaves the page
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("path", ["", TABLE_PAGES["methods"], "references/"])
def test_the_first_tab_reaches_the_skip_link(browser, site_url, path):
    page = browser.new_page()
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["name"].startswith("A.md-skip") and skip["seen"] and skip["ring"], skip
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    # The jump to the fragment is reported a moment after the key press returns.
    page.wait_for_url(site_url + path + target, timeout=5000)
    # The next Tab starts from the article, past the header and the menu.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article') !== null")
    page.close()


@pytest.mark.parametrize(("viewport", "palette"), [({"width": 1280, "height": 800}, "default"),
                                                   (PHONE, "slate")], ids=["desktop-light", "phone-dark"])
def test_focus_is_always_visible(browser, site_url, viewport, palette):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site_url + TABLE_PAGES["methods"])
    choose_palette(page, palette)
    page.reload()
    stops = tab_stops(page)
    last_link = page.evaluate("[...document.querySelectorAll('a[href]')].pop().getAttribute('href')")
    context.close()
    # The round went from the skip link to the last link on the page.
    assert stops[0]["name"].startswith("A.md-skip") and stops[-1]["href"] == last_link, stops
    hidden = [stop["name"] for stop in stops if not (stop["seen"] and stop["ring"])]
    assert not hidden, "focus not visible on:\n" + "\n".join(hidden)


def test_search_opens_and_is_used_with_the_keyboard(browser, site_url):
    page = browser.new_page()
    page.goto(site_url)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    # Search opens a moment after the focus (see below).
    page.wait_for_function("() => document.getElementById('__search').checked", timeout=5000)
    word, _ = search_word()
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    result = focused(page)
    assert result["name"].startswith("A.md-search-result__link") and result["seen"] and result["ring"], result
    chosen = page.evaluate("document.activeElement.href").split("#")[0]
    page.keyboard.press("Enter")
    page.wait_for_url(chosen + "**")
    assert word.casefold() in page.locator("article").inner_text().casefold()
    # Escape closes the search again.
    page.keyboard.press("/")
    # Material opens search a moment after the focus (its focus watcher is
    # debounced); an Escape before that would find nothing open to close.
    # A function, not an expression: the site's policy refuses the eval that polls an expression.
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.close()


# -- Small screens --------------------------------------------------------------------

def test_no_page_scrolls_sideways_at_320_px(browser, built, site_url):
    page = browser.new_page(viewport=PHONE)
    wide = []
    for path in site_pages(built.site):
        page.goto(site_url + path)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            wide.append(f"{path or '/'}: {width[0]} px wide")
    page.close()
    assert not wide, "\n".join(wide)


SCROLLERS = """table => {
  const scrolls = e => e.scrollWidth > e.clientWidth && ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
  const boxes = [];
  for (let e = table; e && e !== document.body; e = e.parentElement) if (scrolls(e)) boxes.push(e.id || e.className);
  return boxes;
}"""


@pytest.mark.parametrize("name", TABLES)
def test_a_wide_table_scrolls_in_its_own_labelled_box(browser, site_url, name):
    spec = TABLES[name]
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + TABLE_PAGES[name])
    box = page.locator(f"#{spec.anchor}")
    # The premise: at 320 px the table is wider than the column of text.
    assert box.evaluate("e => e.querySelector('table').offsetWidth > e.clientWidth")
    assert box.locator("table").evaluate(SCROLLERS) == [spec.anchor]
    # Keyboard users scroll it too: it takes focus, and the arrow keys move it.
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => document.getElementById('{spec.anchor}').scrollLeft > 0")
    page.close()


# -- Tables in the accessibility tree ---------------------------------------------------

def expected_tree(name: str) -> dict:
    """The table as Chromium's accessibility tree must present it, from its data."""
    spec = TABLES[name]
    rows = load_rows(ROOT / "data" / spec.data_file, TableRow)
    header = {f"row \"{' '.join(spec.headings)}\"": [f'columnheader "{h}"' for h in spec.headings]}
    body = [{f'row "{row.name} {row.description} {row.importance}"': [
        f'rowheader "{row.name}"', f'cell "{row.description}"', f'cell "{row.importance}"']} for row in rows]
    return {f'region "{spec.caption}"': [{f'table "{spec.caption}"': [
        {"caption": spec.caption}, {"rowgroup": [header]}, {"rowgroup": body}]}]}


@both_builders
@pytest.mark.parametrize("name", TABLES)
def test_screen_readers_meet_each_table_by_its_caption_and_headers(browser, site_url, name):
    page = browser.new_page()
    page.goto(site_url + TABLE_PAGES[name])
    tree = yaml.safe_load(page.locator(f"#{TABLES[name].anchor}").aria_snapshot())
    page.close()
    assert tree == [expected_tree(name)]


# -- Abbreviations ----------------------------------------------------------------------

ABBREVIATIONS = dict(re.findall(r"^\*\[(\w+)\]: (.+)$",
                                (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8"), re.M))


# Each abbreviation the pages use, and the first page that uses it.
USED = {short: page for short in ABBREVIATIONS if (page := first_page_saying(ROOT, short))}


def test_abbreviations_are_expanded_wherever_they_occur(built):
    seen = set()
    for html in sorted(built.site.rglob("*.html")):
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find("article")
        for text in article.find_all(string=True) if article else []:
            if not isinstance(text, NavigableString):
                continue
            for short in ABBREVIATIONS:
                if re.search(rf"\b{short}\b", text):
                    parent = text.parent
                    assert parent.name == "abbr" and parent["title"] == ABBREVIATIONS[short], (
                        f"{html.relative_to(built.site)}: {short} is not expanded in {str(parent)[:200]}")
                    seen.add(short)
    assert USED and seen == set(USED)


def accessible_name(page, selector: str) -> str:
    """The name Chromium's accessibility tree gives the element, as screen readers get it."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    (ax_node, *_) = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"]
    cdp.detach()
    return ax_node["name"]["value"]


@pytest.mark.parametrize("short", USED)
def test_screen_readers_get_each_abbreviation_spelt_out(browser, site_url, short):
    page = browser.new_page()
    page.goto(site_url + site_path(USED[short]))
    page.locator("article abbr", has_text=short).evaluate("abbr => abbr.setAttribute('data-probe', '')")
    assert accessible_name(page, "abbr[data-probe]") == ABBREVIATIONS[short]
    page.close()
