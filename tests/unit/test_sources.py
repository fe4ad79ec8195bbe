"""What the sources say (trustsite/sources.py) and how they differ from the
first publication (trustsite/original.py), read from a small project of their own."""

from pathlib import Path

import pytest

from trustsite.original import differences, original_units
from trustsite.sources import Unit, article_units, nav_pages, page_units, sentences

PAGE = """---
description: "Not part of the page's text."
---

# A *title*

A tagline
{ .lead }

First sentence with **bold**, a [link](b.md) and CBT. Second one? Third!
A line wrapped
within the paragraph.

- **Name:** An item.
- Another item.

{{ data_table("methods") }}

Editor's note: added by the site.
{ .editor-note }

**A title**  
A subtitle

*[CBT]: Cognitive Behavioral Therapy
"""
ROW = "- name: {}\n  description: {}\n  importance: {}\n"


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "a.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text("# B\n\nThe end.\n", encoding="utf-8")
    (tmp_path / "docs" / "whole-article.md").write_text("# All\n\nThe site's page.\n", encoding="utf-8")
    (tmp_path / "data" / "methods.yml").write_text(
        "# A comment\n" + ROW.format("One", "Two", "Three") + ROW.format("Four", "Five", "Six"), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: !ENV [SITE_URL, 'https://example.org/']\n"
        "nav:\n  - A: a.md\n  - Part:\n    - B: b.md\n  - All: whole-article.md\n", encoding="utf-8")
    return tmp_path


def test_a_page_reads_as_its_reader_sees_it_each_unit_with_its_line(project):
    units = page_units(project, "a.md")
    assert [(unit.text, unit.file, unit.line) for unit in units
            if not unit.file.startswith("data/") and not unit.text.startswith("Method")] == [
        ("A title", "docs/a.md", 5),
        ("A tagline", "docs/a.md", 7),
        ("First sentence with bold, a link and CBT.", "docs/a.md", 10),
        ("Second one?", "docs/a.md", 10),
        ("Third!", "docs/a.md", 10),
        ("A line wrapped within the paragraph.", "docs/a.md", 11),
        ("Name: An item.", "docs/a.md", 14),
        ("Another item.", "docs/a.md", 15),
        ("Editor's note: added by the site.", "docs/a.md", 19),
        ("A title", "docs/a.md", 22),
        ("A subtitle", "docs/a.md", 23),
    ]
    assert [unit.text for unit in units if unit.added] == ["Editor's note: added by the site."]


def test_a_table_call_is_replaced_by_its_rows_each_cell_with_its_line(project):
    units = page_units(project, "a.md")
    start = [unit.text for unit in units].index("Method Description Importance")
    assert [(unit.text, unit.file, unit.line) for unit in units[start:start + 3]] == [
        ("Method Description Importance", "docs/a.md", 17),
        ("One Two Three", "data/methods.yml", 2), ("Four Five Six", "data/methods.yml", 5)]
    rows = units[start:start + 3]
    assert rows[2].cells == (("Four", 5), ("Five", 6), ("Six", 7))
    # The rows come where the page calls for them.
    texts = [unit.text for unit in page_units(project, "a.md")]
    assert texts.index("Another item.") < texts.index("One Two Three") < texts.index("Editor's note: added by the site.")


def test_the_article_is_every_page_of_the_nav_but_the_one_page_view(project):
    assert nav_pages(project) == ["a.md", "b.md", "whole-article.md"]
    units = article_units(project)
    assert units[-1] == Unit("The end.", "docs/b.md", 3)
    assert "The site's page." not in [unit.text for unit in units]
    assert page_units(project, "whole-article.md")[-1].added


def test_sentences_end_at_a_stop_and_a_space():
    assert sentences("One. Two?  Three!\nr = .275 across.") == ["One.", "Two?", "Three!", "r = .275 across."]


ORIGINAL = """A title

First sentence. Second sentence.

Method Description Importance
One Two Three

  • An item.
"""


def test_the_first_publication_is_read_as_sentences_table_rows_and_items():
    assert [(unit.text, unit.line) for unit in original_units(ORIGINAL)] == [
        ("A title", 1), ("First sentence.", 3), ("Second sentence.", 3),
        ("Method Description Importance", 5), ("One Two Three", 6), ("An item.", 8)]


def test_each_difference_names_where_the_sources_hold_it():
    original = original_units(ORIGINAL)
    now = [Unit("A title", "docs/a.md", 1), Unit("First sentence, corrected.", "docs/a.md", 3),
           Unit("Method Description Importance", "data/t.yml", 1),
           Unit("One Two Four", "data/t.yml", 2, cells=(("One", 2), ("Two", 3), ("Four", 4))),
           Unit("Seven Eight Nine", "data/t.yml", 5), Unit("An item.", "docs/a.md", 9),
           Unit("A note the site added.", "docs/a.md", 11, added=True)]
    assert [str(difference) for difference in differences(original, now)] == [
        'docs/a.md, line 3: "First sentence, corrected.", first published as "First sentence."',
        'docs/a.md, line 3: removed "Second sentence." (article.txt line 3)',
        'data/t.yml, line 4: "One Two Four", first published as "One Two Three"',
        'data/t.yml, line 5: added "Seven Eight Nine"',
    ]
    assert differences(original, [unit for unit in original]) == []
