"""The tables: each data file's rows, rendered as HTML on the page that calls for them, and escaping."""

import json
from html import unescape

import pytest
from bs4 import BeautifulSoup

from tests.support.article import built_page
from tests.support.project import both_builders
from trustsite.data import load_rows
from trustsite.schema import TableRow
from trustsite.sources import page_calling
from trustsite.tables import TABLES, TableSpec, render_table


@both_builders
@pytest.mark.sources
@pytest.mark.parametrize("name", TABLES)
def test_rendered_cells_match_the_yaml(built, name):
    spec = TABLES[name]
    rows = load_rows(built.project / "data" / spec.data_file, TableRow)
    html = built_page(built.site, page_calling(built.project, name)).read_text(encoding="utf-8")
    table = BeautifulSoup(html, "html.parser").find(id=spec.anchor).find("table")

    assert table.caption.get_text() == spec.caption
    assert [(th.get_text(), th["scope"]) for th in table.thead.find_all("th")] == [
        (heading, "col") for heading in spec.headings]
    body = [[(cell.name, cell.get("scope"), cell.get_text()) for cell in tr.find_all(["th", "td"])]
            for tr in table.tbody.find_all("tr")]
    assert body == [[("th", "row", row.name), ("td", None, row.description),
                     ("td", None, row.importance)] for row in rows]


@both_builders
def test_table_container_is_focusable_and_named_by_its_caption(built):
    html = built_page(built.site, page_calling(built.project, "methods")).read_text(encoding="utf-8")
    wrapper = BeautifulSoup(html, "html.parser").find(id=TABLES["methods"].anchor)
    assert wrapper["role"] == "region" and wrapper["tabindex"] == "0"
    assert wrapper.find(id=wrapper["aria-labelledby"]).name == "caption"


def test_every_text_value_is_escaped():
    hostile = '<script>alert(1)</script> & "quotes"'
    row = TableRow(name=hostile, description="<img src=x onerror=alert(1)>", importance="a < b")
    spec = TableSpec("x.yml", "<b>caption</b>", ("<i>A</i>", "B", "C"))
    html = render_table(spec, [row])
    assert "<script>" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    cells = [cell.get_text() for cell in BeautifulSoup(html, "html.parser").find_all(["th", "td"])]
    assert cells == ["<i>A</i>", "B", "C", hostile, "<img src=x onerror=alert(1)>", "a < b"]


@pytest.mark.sources
@pytest.mark.parametrize("name", TABLES)
def test_search_indexes_each_row_as_separate_words(built, name):
    """A search for a row's first word finds it: cells do not run together."""
    spec = TABLES[name]
    # search_index.json holds the settings; search_docs.json the documents,
    # fetched on first use (trustsite/search_index.py, a publishing step).
    documents = json.loads((built.site / "search" / "search_docs.json").read_text(encoding="utf-8"))
    indexed = unescape(" ".join(document["text"] for document in documents))
    for row in load_rows(built.project / "data" / spec.data_file, TableRow):
        assert f"{row.name} {row.description} {row.importance}" in indexed
