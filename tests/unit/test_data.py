"""trustsite.data on hostile input: messages quote a line's worth at most, and
reading is bounded, whatever a data file holds."""

from pathlib import Path

import pytest

from trustsite.data import DataError, load_rows, quoted
from trustsite.schema import Reference, TableRow

HUGE = "x" * 10 * 2**20


def test_a_short_value_is_quoted_whole():
    assert quoted("Method A") == "'Method A'"
    assert quoted(["a", 1]) == "['a', 1]"


def test_a_long_value_is_cut_to_sixty_characters_with_an_ellipsis():
    shown = quoted("y" * 61)
    assert len(shown) == 60
    assert shown == "'" + "y" * 58 + "…"


def test_a_ten_megabyte_value_is_cut_too():
    assert quoted([HUGE]) == "['" + "x" * 57 + "…"


def load(tmp_path: Path, text: str, schema=TableRow) -> str:
    """The one message loading `text` as data/methods.yml gives."""
    path = tmp_path / "methods.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_rows(path, schema, shown="data/methods.yml")
    return str(refused.value)


ROW = "- name: {name}\n  description: {description}\n  importance: Why it matters\n"
LONG = "z" * 2**19  # twice in a file still fits its 2 MB

# Each quotes something a publisher wrote; a megabyte of it in each case.
QUOTING = {
    "text read as a list": ROW.format(name=f'["{LONG}"]', description="d"),
    "text read as a mapping": ROW.format(name=f'{{a: "{LONG}"}}', description="d"),
    "a row that is not a mapping": f"- {LONG}\n",
    "a name used twice": ROW.format(name=LONG, description="d") * 2,
    "a field given twice": f"- name: a\n  ? {LONG}\n  : 1\n  ? {LONG}\n  : 2\n",
    "an unknown field": f"- name: a\n  description: d\n  importance: i\n  ? {LONG}\n  : 1\n",
    "a tag": f"- name: !<{LONG}> a\n",
    "a number": ROW.format(name="1" * 2**20, description="d"),
}


@pytest.mark.parametrize("case", QUOTING)
def test_a_message_quotes_a_line_at_most(tmp_path, case):
    message = load(tmp_path, QUOTING[case])
    assert message.startswith("data/methods.yml")
    assert "\n" not in message
    assert len(message) < 250, message
    assert "…" in message


def test_a_year_in_quotes_is_quoted_short(tmp_path):
    reference = (f'- id: a\n  authors: "A, B."\n  year: "{"1" * 2**20}"\n  title: T\n  container: null\n'
                 "  volume: null\n  issue: null\n  pages: null\n  doi: null\n  supports: S\n")
    message = load(tmp_path, reference, schema=Reference)
    assert message == ("data/methods.yml, row 1 (line 3), field 'year': must be a whole number, "
                       f"not '{'1' * 58}…; remove the quotes")


def test_a_date_where_text_belongs_is_named_a_date(tmp_path):
    message = load(tmp_path, ROW.format(name="2025-01-21", description="d"))
    assert message == ("data/methods.yml, row 1 (line 1), field 'name': must be text, but YAML read "
                       "'2025-01-21' as a date; put the value in quotes")
