"""A long read, in a real Chromium, on the site and in the one-file edition: the
measure of the body text, text spacing a reader forces, and tables a phone shows whole."""

import io

import pytest
from PIL import Image, ImageStat

from tests.support.article import site_path
from tests.support.built_site import site_pages
from tests.support.project import ROOT
from tests.support.reader import axe_violations, choose_palette
from trustsite.sources import page_calling
from trustsite_tools.measure import ARTICLE, BODY_TEXT, LINE_LENGTHS, TABLE_TEXT_SIZES
from trustsite.tables import TABLES

# Typography's long-standing range is 45 to 75 characters a line.
MOST_CHARACTERS = 75
SMALLEST_TABLE_TEXT_PX = 14
PHONES = [320, 390]
# The pages that call for a table, from their Markdown.
TABLE_PAGES = [site_path(page_calling(ROOT, name)) for name in TABLES]


def one_file_address(built) -> str:
    return (built.dist / built.names.one_file).as_uri()


def documents(built, site_url, paths) -> list[str]:
    """The site's pages at `paths`, and the one-file edition."""
    return [site_url + path for path in paths] + [one_file_address(built)]


# -- The measure ----------------------------------------------------------------------

def test_lines_are_counted_character_by_character(browser):
    page = browser.new_page()
    page.set_content('<main id="article"><p style="font: 16px monospace; width: 10ch; word-break: break-all">'
                     + "a" * 35 + "</p></main>")
    assert page.evaluate(LINE_LENGTHS, BODY_TEXT) == [{"text": "a" * 35, "full": [10, 10, 10]}]
    page.close()


@pytest.mark.parametrize("width", [1024, 1280, 1440, 1920])
def test_no_full_line_of_body_text_holds_more_than_75_characters(browser, built, site_url, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    too_long, lines = [], 0
    for address in documents(built, site_url, site_pages(built.site)):
        page.goto(address)
        for element in page.evaluate(LINE_LENGTHS, BODY_TEXT):
            lines += len(element["full"])
            if max(element["full"]) > MOST_CHARACTERS:
                too_long.append(f"{address}: {max(element['full'])} characters in {element['text']!r}")
    page.close()
    assert lines, "no paragraph ran to a second line"
    assert not too_long, "\n".join(too_long)


# -- Text spacing (WCAG 1.4.12) ---------------------------------------------------------

SPACING = ("* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
           " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")
# Elements that hold text and cut it off at their bottom, and text blocks of the
# article drawn over the one before.
CLIPPED_OR_OVERLAPPING = """article => {
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : "")
    + " " + JSON.stringify(e.innerText.trim().slice(0, 40));
  const clipped = [...document.querySelectorAll("body *")].filter(e => {
    const overflow = getComputedStyle(e).overflowY;
    return ["hidden", "clip"].includes(overflow) && e.innerText && e.innerText.trim()
      && e.clientHeight > 1 && e.scrollHeight > e.clientHeight + 1;
  }).map(e => "clipped: " + name(e));
  const blocks = [...document.querySelectorAll(`${article} :is(h1, h2, h3, h4, p, li, .data-table)`)]
    .filter(e => !e.querySelector("p, li") && !e.parentElement.closest(".data-table") && e.getClientRects().length);
  const overlapping = [];
  for (let i = 1; i < blocks.length; i++) {
    const before = blocks[i - 1].getBoundingClientRect(), box = blocks[i].getBoundingClientRect();
    const across = Math.min(before.right, box.right) - Math.max(before.left, box.left);
    if (across > 1 && box.top < before.bottom - 1) overlapping.push("overlaps the one before: " + name(blocks[i]));
  }
  return clipped.concat(overlapping);
}"""


@pytest.mark.parametrize("width", [320, 1280])
def test_text_spacing_a_reader_forces_clips_nothing(browser, built, site_url, width):
    # The pages' policy refuses a style the site did not publish; a reader's own is not refused.
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    found = []
    for address in documents(built, site_url, site_pages(built.site)):
        page.goto(address)
        page.add_style_tag(content=SPACING)
        assert page.eval_on_selector("body", "e => getComputedStyle(e).wordSpacing") != "0px"
        found += [f"{address}: {problem}" for problem in page.evaluate(CLIPPED_OR_OVERLAPPING, ARTICLE)]
    context.close()
    assert not found, "\n".join(found)


# -- Tables -----------------------------------------------------------------------------

@pytest.mark.parametrize("width", PHONES + [1280, 1920])
def test_table_text_is_at_least_14_px(browser, built, site_url, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    sizes = {}
    for address in documents(built, site_url, TABLE_PAGES):
        page.goto(address)
        sizes[address] = min(page.evaluate(TABLE_TEXT_SIZES))
    page.close()
    assert min(sizes.values()) >= SMALLEST_TABLE_TEXT_PX, sizes


# Each cell's and caption's text, unless it is in the window: the box it scrolls
# in, or what cuts it off.
HIDDEN_CELLS = """() => {
  const scrolls = e => e.scrollWidth > e.clientWidth && ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
  const range = document.createRange();
  return [...document.querySelectorAll("table caption, table th, table td")].map(cell => {
    range.selectNodeContents(cell);
    const text = range.getBoundingClientRect();
    if (text.left >= -0.5 && text.right <= innerWidth + 0.5) return null;
    let box = cell.parentElement;
    while (box && box !== document.body && !scrolls(box)) box = box.parentElement;
    if (!box || box === document.body) return {cell: cell.textContent, cut: true};
    const edge = box.getBoundingClientRect();
    const start = text.left - edge.left + box.scrollLeft, end = text.right - edge.left + box.scrollLeft;
    const reachable = start >= -0.5 && end <= box.scrollWidth + 0.5 && edge.left >= 0 && edge.right <= innerWidth + 0.5;
    return {cell: cell.textContent, cut: !reachable, box: box.id};
  }).filter(Boolean);
}"""


def edge_shade(page, box_id: str) -> float:
    """The mean lightness of the right edge inside the box, text and rules hidden."""
    clip = page.evaluate("""id => {
      const box = document.getElementById(id), edge = box.getBoundingClientRect();
      return {x: edge.left + box.clientLeft + box.clientWidth - 6, y: edge.top + scrollY + box.clientTop,
              width: 6, height: Math.min(box.clientHeight, 400)};
    }""", box_id)
    shot = page.screenshot(full_page=True, clip=clip)
    return ImageStat.Stat(Image.open(io.BytesIO(shot)).convert("L")).mean[0]


@pytest.mark.parametrize("colours", ["light", "dark"])
@pytest.mark.parametrize("width", PHONES)
def test_on_a_phone_every_cell_shows_or_scrolls_in_a_box_that_shows_it_goes_on(
        browser, built, site_url, width, colours):
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True,
                                  color_scheme=colours)
    page = context.new_page()
    problems, scrolled = [], 0
    for address in documents(built, site_url, TABLE_PAGES):
        page.goto(address)
        if address.startswith(site_url):
            choose_palette(page, {"light": "default", "dark": "slate"}[colours])
        problems += [f"{address}: {violation}" for violation in axe_violations(page)]
        cells = page.evaluate(HIDDEN_CELLS)
        problems += [f"{address}: {cell['cell']!r} is cut off" for cell in cells if cell["cut"]]
        # Where a table goes on past its box, the box's edge shows it, and not once scrolled to the end.
        page.add_style_tag(content=".data-table, .data-table * { color: transparent !important;"
                                   " border-color: transparent !important; }")
        for box in {cell["box"] for cell in cells if not cell["cut"]}:
            scrolled += 1
            going_on = edge_shade(page, box)
            page.evaluate("id => { const box = document.getElementById(id); box.scrollLeft = box.scrollWidth }", box)
            if abs(going_on - edge_shade(page, box)) < 10:
                problems.append(f"{address}: #{box} does not show that it scrolls")
    context.close()
    assert not problems, "\n".join(problems)
    # The premise: at these widths at least one table is wider than its box.
    assert scrolled >= len(TABLES)
