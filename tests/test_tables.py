"""The two tables: seed ⇄ YAML ⇄ rendered HTML, and escaping."""

import json
from html import unescape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from article import table_blocks
from trustsite.data import load_rows
from trustsite.schema import TableRow
from trustsite.tables import TABLES, TableSpec, render_table

DATA = Path(__file__).resolve().parent.parent / "data"
PAGES = {"methods": "fostering-connections", "components": "therapeutic-alliance"}


def seed_table(spec: TableSpec) -> list[str]:
    """The seed's lines for this table, header first."""
    header = " ".join(spec.headings)
    return next(block for block in table_blocks() if block[0] == header)


@pytest.mark.parametrize("name", TABLES)
def test_yaml_rows_match_the_seed_table(name):
    spec = TABLES[name]
    rows = load_rows(DATA / spec.data_file, TableRow)
    assert [" ".join(spec.headings)] + [
        f"{row.name} {row.description} {row.importance}" for row in rows
    ] == seed_table(spec)


@pytest.mark.parametrize("name", TABLES)
def test_rendered_cells_match_the_yaml(built, name):
    spec = TABLES[name]
    rows = load_rows(DATA / spec.data_file, TableRow)
    html = (built.site / PAGES[name] / "index.html").read_text(encoding="utf-8")
    table = BeautifulSoup(html, "html.parser").find(id=spec.anchor).find("table")

    assert table.caption.get_text() == spec.caption
    assert [(th.get_text(), th["scope"]) for th in table.thead.find_all("th")] == [
        (heading, "col") for heading in spec.headings]
    body = [[(cell.name, cell.get("scope"), cell.get_text()) for cell in tr.find_all(["th", "td"])]
            for tr in table.tbody.find_all("tr")]
    assert body == [[("th", "row", row.name), ("td", None, row.description),
                     ("td", None, row.importance)] for row in rows]


def test_table_container_is_focusable_and_named_by_its_caption(built):
    html = (built.site / PAGES["methods"] / "index.html").read_text(encoding="utf-8")
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


@pytest.mark.parametrize("name", TABLES)
def test_search_indexes_each_row_as_separate_words(built, name):
    """A search for a row's first word finds it: cells do not run together."""
    spec = TABLES[name]
    # search_index.json holds the settings; search_docs.json the documents,
    # fetched on first use (hooks/search_on_first_use.py).
    documents = json.loads((built.site / "search" / "search_docs.json").read_text(encoding="utf-8"))
    indexed = unescape(" ".join(document["text"] for document in documents))
    for row in load_rows(DATA / spec.data_file, TableRow):
        assert f"{row.name} {row.description} {row.importance}" in indexed
