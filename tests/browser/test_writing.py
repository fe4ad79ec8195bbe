"""What a publisher may write besides plain Markdown (README.md, "Write"):
footnotes, notes, collapsible notes, tables in the text, definition lists and
a paragraph in another language. Each renders, styled and readable, in every
edition, and what would be left as typed is refused before any builder runs.

The pages are the test project's own (conftest.use_test_project), with one
footnote added to the first page of the nav too: two sections with a
footnote [^1], which the one-page views must keep apart.
"""

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.support.article import (article_text, article_texts, built_page, page_texts, reading_text, running_text,
                                   unplaced_units)
from tests.support.project import (ROOT, Build, build_project, copy_project, file_names, run_build,
                                   unzip_offline_copy, use_test_project)
from tests.support.reader import PHONE, axe_violations, choose_palette, settle
from tests.support.refusal import MEGABYTES, SECONDS, assert_refused, broken_copy, on_line_3, run_build_measured
from tests.support.server import serve
from trustsite.builders import BUILDERS
from trustsite.prose import EXTENSIONS
from trustsite.settings import read_config
from trustsite.sources import article_pages, page_units

PAGE = "conclusion.md"
WRITTEN = """# A test page

Trust grows slowly.[^grow] It can break[^break] in a moment.

!!! note "Before you start"

    A note's first sentence. Its second one.

??? tip "A collapsible note"

    Hidden until the reader opens it.

| Term | Meaning |
| ---- | ------- |
| Alliance | The bond between client and therapist. |
| Rupture | A break in that bond. |
| Countertransference-informed-collaboration | A long word. |

Alliance
:   The working bond between a client and a therapist.

La confiance se construit lentement.
{ lang=fr }

[^grow]: Footnote one says where this comes from.
[^break]: Footnote two.

    Its second paragraph.
"""
# Added to the first page of the nav: a second section with its own [^1].
SECOND = "\n\nA claim on another page.[^1]\n\n[^1]: The other page's footnote.\n"
# Where each unit of WRITTEN is, in the order a reader meets it.
UNITS = [
    ("A test page", 1), ("Trust grows slowly.", 3), ("It can break", 3), ("in a moment.", 3),
    ("Before you start", 5), ("A note's first sentence.", 7), ("Its second one.", 7),
    ("A collapsible note", 9), ("Hidden until the reader opens it.", 11),
    ("Term", 13), ("Meaning", 13), ("Alliance", 15), ("The bond between client and therapist.", 15),
    ("Rupture", 16), ("A break in that bond.", 16),
    ("Countertransference-informed-collaboration", 17), ("A long word.", 17),
    ("Alliance", 19), ("The working bond between a client and a therapist.", 20),
    ("La confiance se construit lentement.", 22),
    ("Footnote one says where this comes from.", 25), ("Footnote two.", 26), ("Its second paragraph.", 28),
]


def write_pages(project: Path) -> Path:
    use_test_project(project)
    (project / "docs" / PAGE).write_text(WRITTEN, encoding="utf-8")
    first = project / "docs" / article_pages(project)[0]
    first.write_text(first.read_text(encoding="utf-8") + SECOND, encoding="utf-8")
    return project


@pytest.fixture(scope="module", params=BUILDERS)
def written(request, tmp_path_factory) -> Build:
    """The project with the pages above, built by each builder."""
    return build_project(write_pages(copy_project(tmp_path_factory.mktemp(f"written-{request.param}"))),
                         request.param)


@pytest.fixture(scope="module")
def written_offline(written, tmp_path_factory) -> Path:
    return unzip_offline_copy(written.dist / written.names.archive, tmp_path_factory.mktemp(f"written-offline-{written.builder}"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def editions(build: Build, offline: Path) -> dict[str, BeautifulSoup]:
    """The page of each edition that holds the written page: its own, and the one-page views."""
    return {"site": soup(built_page(build.site, PAGE)), "offline": soup(built_page(offline, PAGE, offline=True)),
            "whole-article": soup(build.site / "whole-article" / "index.html"),
            "whole-article offline": soup(offline / "whole-article.html"),
            "one-file": soup(build.dist / build.names.one_file)}


# -- The sources ---------------------------------------------------------------------

def test_mkdocs_yml_renders_what_the_sources_and_the_check_read():
    listed = [next(iter(item)) if isinstance(item, dict) else item
              for item in read_config(ROOT / "mkdocs.yml")["markdown_extensions"]]
    assert sorted(listed) == sorted([*EXTENSIONS, "toc", "pymdownx.snippets"])


def test_each_construct_is_read_in_the_readers_order_with_its_line(tmp_path):
    project = write_pages(copy_project(tmp_path / "project"))
    assert [(unit.text, unit.line) for unit in page_units(project, PAGE)] == UNITS


# -- Every edition ---------------------------------------------------------------------

def test_each_construct_renders_in_every_edition(written, written_offline):
    for edition, page in editions(written, written_offline).items():
        section = page.find(id="conclusion") or page.find("article")
        assert [note.find(class_="admonition-title").get_text() for note in section.select("div.admonition.note")] \
            == ["Before you start"], edition
        assert [summary.get_text() for summary in section.select("details.tip > summary")] \
            == ["A collapsible note"], edition
        assert [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in section.find("table")("tr")] \
            == [["Term", "Meaning"], ["Alliance", "The bond between client and therapist."],
                ["Rupture", "A break in that bond."],
                ["Countertransference-informed-collaboration", "A long word."]], edition
        assert [item.get_text() for item in section.find("dl")(["dt", "dd"])] \
            == ["Alliance", "The working bond between a client and a therapist."], edition
        assert section.find(lang="fr").get_text() == "La confiance se construit lentement.", edition
        assert len(section.select("sup > a.footnote-ref")) == 2, edition
        text = reading_text(section)
        assert "[^" not in text and "!!!" not in text and "???" not in text, edition


def test_footnotes_link_both_ways_with_ids_unique_on_each_page(written, written_offline):
    for edition, page in editions(written, written_offline).items():
        ids = Counter(element["id"] for element in page.find_all(id=True))
        assert [name for name, count in ids.items() if count > 1] == [], edition
        marks = page.select("sup[id] > a.footnote-ref[href^='#']")
        # Two on the written page, one on the first page of the nav where that page is joined in.
        assert len(marks) == (3 if "whole-article" in edition or edition == "one-file" else 2), edition
        for mark in marks:
            note = page.find(id=mark["href"][1:])
            assert note is not None and note.name == "li" and note.find_parent(class_="footnote"), (edition, mark)
            backs = [back["href"] for back in note.select("a.footnote-backref")]
            assert backs == [f"#{mark.parent['id']}"], (edition, mark)


def test_every_unit_is_in_every_edition_in_order(written, written_offline):
    units = article_texts(written.project)
    for page in (PAGE, article_pages(written.project)[0]):
        expected = page_texts(written.project, page)
        assert unplaced_units(article_text(built_page(written.site, page)), expected) == [], page
        assert unplaced_units(article_text(built_page(written_offline, page, offline=True)), expected) == [], page
    for edition in ("whole-article", "whole-article offline", "one-file"):
        page = editions(written, written_offline)[edition]
        assert unplaced_units(reading_text(page.find("article") or page.body), units) == [], edition


def test_the_pdf_holds_every_unit_the_collapsible_note_open(tmp_path):
    project = write_pages(copy_project(tmp_path / "project"))
    result = run_build(project, "--pdf")
    assert result.returncode == 0, result.output
    pages = [running_text(page.extract_text()) for page in PdfReader(project / "dist" / file_names(project).pdf).pages]
    assert unplaced_units(" ".join(pages), article_texts(project)) == []


# -- In Chromium ---------------------------------------------------------------------

NOTE_STYLE = """note => {
    const style = getComputedStyle(note), title = getComputedStyle(note.querySelector('.admonition-title'));
    return [style.borderLeftStyle !== 'none' && parseFloat(style.borderLeftWidth) > 0,
            Number(title.fontWeight) >= 700];
}"""
# Whether the text inside each collapsible note is laid out, so shown.
DETAILS_SHOWN = "notes => notes.map(note => note.querySelector('summary ~ *').checkVisibility())"
# How wide the page is, and the table in the text, as laid out and in the box that would scroll it.
OVERFLOW = """() => {
    const table = document.querySelector('table:not(.data-table table)');
    const box = table.closest('.md-typeset__scrollwrap') || table;
    return [document.documentElement.scrollWidth, innerWidth, table.getBoundingClientRect().right,
            box.scrollWidth, box.clientWidth];
}"""


@pytest.fixture(scope="module")
def written_url(written):
    with serve(written.site) as url:
        yield url


@pytest.mark.parametrize("palette", ["default", "slate"])
def test_axe_finds_no_violation_on_the_written_pages(browser, written, written_url, palette):
    context = browser.new_context(color_scheme="dark" if palette == "default" else "light")
    page = context.new_page()
    page.goto(written_url)
    choose_palette(page, palette)
    found = []
    for path in ("conclusion/", "whole-article/"):
        page.goto(written_url + path)
        page.click("details.tip > summary")  # and open, as a reader opens it
        settle(page)
        found += [f"{path}: {violation}" for violation in axe_violations(page)]
    context.close()
    file = browser.new_context(color_scheme="light" if palette == "default" else "dark")
    page = file.new_page()
    page.goto((written.dist / written.names.one_file).as_uri())
    found += [f"one-file: {violation}" for violation in axe_violations(page)]
    file.close()
    assert not found, f"axe, {palette}:\n" + "\n".join(found)


def test_notes_keep_their_box_in_the_one_file_edition(browser, written):
    page = browser.new_page()
    page.goto((written.dist / written.names.one_file).as_uri())
    assert page.eval_on_selector("div.admonition.note", NOTE_STYLE) == [True, True]
    assert page.eval_on_selector_all("details", DETAILS_SHOWN) == [False]
    page.close()


def test_collapsible_notes_are_open_in_print(browser, written, written_url):
    page = browser.new_page()
    for address in (written_url + "whole-article/", (written.dist / written.names.one_file).as_uri()):
        page.goto(address)
        page.emulate_media(media="print")
        assert page.eval_on_selector_all("details", DETAILS_SHOWN) == [True], address
        page.emulate_media(media="screen")
    page.close()


def test_the_table_in_the_text_does_not_widen_a_phone_screen(browser, written, written_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for address in (written_url + "conclusion/", (written.dist / written.names.one_file).as_uri()):
        page.goto(address)
        page_width, width, table_edge, table_width, box_width = page.evaluate(OVERFLOW)
        assert page_width <= width and table_edge <= width and table_width <= box_width, address
    context.close()


# -- Refused before any builder runs ------------------------------------------------------

NOTE_TYPES = "note, abstract, info, tip, success, question, warning, failure, danger, bug, example, quote"
# id: (the page's third line and on, what the build says of it)
CASES = {
    "footnote-without-text": (
        "Trust grows.[^1]",
        'docs/conclusion.md, line 3: the footnote [^1] has no text, so it would show as typed; '
        'add a line "[^1]: its text" at the end of the page'),
    # The same mark shown as code earlier on is not the one meant.
    "footnote-without-text-after-code": (
        "A mark `[^1]` in code.\n\nTrust grows.[^1]",
        'docs/conclusion.md, line 5: the footnote [^1] has no text, so it would show as typed; '
        'add a line "[^1]: its text" at the end of the page'),
    "footnote-text-without-mark": (
        "Trust grows.\n\n[^1]: Where it comes from.",
        "docs/conclusion.md, line 5: the footnote [^1] has its text but no mark in the page; "
        "put [^1] after the words it explains, or delete its text"),
    "footnote-text-twice": (
        "Trust grows.[^1]\n\n[^1]: One.\n[^1]: Two.",
        "docs/conclusion.md, line 6: the footnote [^1] is given its text twice (first on line 5); "
        "the first would be lost: give each its own name"),
    "footnote-name-with-a-space": (
        "Trust grows.[^a b]\n\n[^a b]: One.",
        "docs/conclusion.md, line 5: the footnote [^a b] needs a name of letters, digits and hyphens only, "
        "such as [^1] or [^smith]"),
    "footnote-in-a-link": (
        "[Trust grows[^1]](references.md).\n\n[^1]: One.",
        "docs/conclusion.md, line 3: the footnote [^1] is inside a link's text, where it cannot be a link too; "
        "put it after the link"),
    "footnote-mark-with-a-space": (
        "Trust grows.[^ 1]\n\nAnd grows.[^1]\n\n[^1]: One.",
        'docs/conclusion.md, line 3: the footnote [^ 1] has no text, so it would show as typed; '
        'add a line "[^ 1]: its text" at the end of the page'),
    "footnote-mark-in-html": (
        "<div>Trust grows.[^1]</div>\n\nAnd grows.[^1]\n\n[^1]: One.",
        "docs/conclusion.md, line 3: the footnote [^1] would show as typed here; put it right after a word "
        "of a paragraph, a list or a table"),
    "footnote-name-very-long": (
        f"Trust grows.[^{'x' * 5000}]",
        f"docs/conclusion.md, line 3: the footnote [^{'x' * 59}…] has no text, so it would show as typed; "
        f'add a line "[^{"x" * 59}…]: its text" at the end of the page'),
    "note-of-unknown-type": (
        "!!! notes\n    Its text.",
        f"docs/conclusion.md, line 3: 'notes' is not a kind of note; use one of: {NOTE_TYPES} (README.md, \"Write\")"),
    "collapsible-note-of-unknown-type": (
        'Text.\n\n??? danger-zone "Careful"\n    Its text.',
        "docs/conclusion.md, line 5: 'danger-zone' is not a kind of note; use one of: "
        f'{NOTE_TYPES} (README.md, "Write")'),
    "note-left-as-typed": (
        '!!! "A title with no type"\n    Its text.',
        'docs/conclusion.md, line 3: !!! starts a note, but this line is not one and would show as typed; '
        'write !!! note "Its title", then the note\'s text indented by four spaces'),
}
# A page of thousands of them is refused as fast as one.
FLOODS = {
    "notes": ("!!! x\n" * 50_000, "docs/conclusion.md, line 3: 'x' is not a kind of note; use one of: "
                                  f'{NOTE_TYPES} (README.md, "Write")'),
    "footnote-marks": ("\n".join(f"[^{number}]" for number in range(100_000)),
                       'docs/conclusion.md, line 3: the footnote [^0] has no text, so it would show as typed; '
                       'add a line "[^0]: its text" at the end of the page'),
}
# Written as code, the same marks are shown as typed, as their writer meant.
AS_CODE = "A mark `[^1]` in code.\n\n```\n[^2]\n!!! nonsense\n```\n\n!!! quote inline end\n    Aliases: `???`."


@pytest.fixture(scope="module")
def good_project(tmp_path_factory):
    return build_project(use_test_project(copy_project(tmp_path_factory.mktemp("good")))).project


@pytest.mark.parametrize("case", CASES)
def test_what_would_show_as_typed_is_refused_clearly(good_project, tmp_path, case):
    text, message = CASES[case]
    project, before = broken_copy(good_project, tmp_path, on_line_3(text))
    assert_refused(project, before, run_build_measured(project).result, message)


@pytest.mark.parametrize("flood", FLOODS)
def test_a_flood_of_them_is_refused_fast_in_little_memory(good_project, tmp_path, flood):
    text, message = FLOODS[flood]
    project, before = broken_copy(good_project, tmp_path, on_line_3(text))
    build = run_build_measured(project)
    assert_refused(project, before, build.result, message)
    assert build.seconds < SECONDS and build.peak_megabytes < MEGABYTES


def test_marks_in_code_are_left_as_code(good_project, tmp_path):
    project, _ = broken_copy(good_project, tmp_path, on_line_3(AS_CODE))
    result = run_build(project)
    assert result.returncode == 0, result.output
    article = soup(built_page(project / "site", PAGE)).find("article")
    assert [code.get_text() for code in article.find_all("code")] == ["[^1]", "[^2]\n!!! nonsense\n", "???"]
    assert article.select("div.admonition.quote.inline.end")
