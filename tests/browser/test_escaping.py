"""Markup typed into a table cell is shown as text and never runs."""

import pytest
from playwright.sync_api import expect

from tests.support.article import built_page, site_path
from tests.support.project import build_project, copy_project
from tests.support.server import serve
from trustsite.sources import page_calling

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
# A word of the hostile row alone, to find it by in search.
SEARCHED = "Quixotically"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A build whose methods table holds markup in a row heading and a cell, in a row of its own."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    methods = project / "data" / "methods.yml"
    row = f'- name: "{IMAGE}"\n  description: "{SCRIPT}"\n  importance: {SEARCHED} hostile markup\n'
    methods.write_text(methods.read_text(encoding="utf-8") + row, encoding="utf-8")
    return build_project(project)


def test_cell_markup_is_escaped_in_the_html(hostile):
    html = built_page(hostile.site, page_calling(hostile.project, "methods")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html


def test_cell_markup_runs_nothing_in_chromium(hostile, browser):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(hostile.site) as url:
        page.goto(url + site_path(page_calling(hostile.project, "methods")))
        table = page.locator("#methods-table")
        assert table.get_by_role("rowheader", name=IMAGE, exact=True).is_visible()
        assert table.get_by_role("cell", name=SCRIPT, exact=True).is_visible()
        # Search results show indexed text too: they must not turn it back into markup.
        page.keyboard.press("/")
        # Material reads the query on keyup, so type it rather than fill it in.
        page.locator(".md-search__input").press_sequentially(SEARCHED.lower())
        expect(page.locator(".md-search-result__list")).to_contain_text(SCRIPT)
        page.wait_for_load_state("networkidle")

    assert dialogs == []
    assert page.locator("img[src='x'], [onerror]").count() == 0
    assert not page.evaluate("[...document.scripts].some(s => s.textContent.includes('alert(1)'))")
    page.close()
