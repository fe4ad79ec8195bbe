"""A long read, in a real Chromium, on the site and in the one-file edition: the
measure of the body text and text spacing a reader forces."""

import pytest

from conftest import site_pages
from trustsite.measure import ARTICLE, BODY_TEXT, LINE_LENGTHS
from trustsite.one_file import ONE_FILE_NAME

# Typography's long-standing range is 45 to 75 characters a line.
MOST_CHARACTERS = 75


def one_file_address(built) -> str:
    return (built.dist / ONE_FILE_NAME).as_uri()


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
