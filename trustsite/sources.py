"""What the sources say: every sentence of every page and every row of every
data file, in the order a reader meets them, each with the file and line it
comes from.

A page's Markdown is read as a reader sees it: Markdown syntax, front matter,
attribute lists and abbreviation definitions gone, footnotes at the page's
end, and a macro call replaced by the rows its data file holds. The tests
check the built site against these units, and `python -m trustsite check-original`
checks them against the first publication. No MkDocs import: Python-Markdown
renders, with the extensions of mkdocs.yml (trustsite.prose), and
BeautifulSoup reads.
"""

import ast
import copy
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from trustsite.data import load_located_rows
from trustsite.history import SITE_PAGES
from trustsite.prose import page_body, render
from trustsite.publication_date import long_date, published_date
from trustsite.references import sorted_references
from trustsite.schema import SCHEMAS, Reference
from trustsite.settings import nav_files, read_config
from trustsite.tables import TABLES

# Where a sentence ends: after ".", "!" or "?" and a space.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A macro call on a line of its own, the only Jinja a page may hold.
_MACRO_CALL = re.compile(r"^\{\{\s*(\w+)\((.*)\)\s*\}\}$")
# The elements that hold a reader's text, one unit or more each.
_TEXT_ELEMENTS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary", "pre"]
# A paragraph the site added, labelled so for readers ({ .editor-note }).
ADDED_CLASS = "editor-note"
# Where a line break (<br>, two spaces at a line's end) or a footnote's number cuts a paragraph.
_BREAK = "\u2028"
# How many of a sentence's first words tell its line.
_OPENING_WORDS = 8
# The attribute of the element that stands, in a rendered page, for a macro call.
_CALL = "data-macro-call"


@dataclass(frozen=True)
class Unit:
    text: str
    file: str  # from the project's root: docs/conclusion.md, data/methods.yml
    line: int
    # Text the site added and says so (an editor's note, the reference list,
    # the one-page view): not part of the article as first published.
    added: bool = False
    # A table row's cells, each with its own line.
    cells: tuple[tuple[str, int], ...] = ()


def squash(text: str) -> str:
    """`text` with each run of white space made one space, as a browser shows it."""
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    """`text` cut into its sentences, white space squashed."""
    return [part for part in _SENTENCE_END.split(squash(text)) if part]


def _render(text: str) -> BeautifulSoup:
    soup = render(text)
    for line_break in soup.find_all("br"):
        line_break.replace_with(_BREAK)
    return soup


def text_pieces(element) -> list[str]:
    """The units of one element's text: its sentences, cut at line breaks and
    at footnote numbers too. A footnote's number and its way back are the
    site's, not the publisher's words, and read nowhere else."""
    element = copy.copy(element)
    # find_all, not select: soupsieve compiles its patterns on first use, a tenth of a build.
    for mark in [sup for sup in element.find_all("sup") if sup.find("a", class_="footnote-ref", recursive=False)]:
        mark.replace_with(_BREAK)
    for back in element.find_all("a", class_="footnote-backref"):
        back.decompose()
    return [sentence for part in element.get_text().split(_BREAK) for sentence in sentences(part)]


def blocks(lines: list[str], first: int) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the number of its first line."""
    blocks, current, start = [], [], first
    for number, line in enumerate(lines, start=first):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _is_added(element) -> bool:
    """Whether `element` is in a paragraph or block the site added and labels so."""
    return any(ADDED_CLASS in tag.get("class", []) for tag in (element, *element.parents))


def _line_of(piece: str, plain: list[str], at: int) -> int:
    """The index of the line of `plain` that `piece` starts on: the first at or
    after `at` that holds the longest opening of it (a heading and the
    paragraph below it may open alike; a sentence may wrap), else the first
    before it (a footnote's text, read at the page's end, may be written
    anywhere), else `at`."""
    words, order = piece.split(), (*range(at, len(plain)), *range(at))
    for count in range(min(len(words), _OPENING_WORDS), 0, -1):
        opening = " ".join(words[:count])
        if (found := next((n for n in order if opening in plain[n]), None)) is not None:
            return found
    return at


def _unit_or_call(element) -> bool:
    return element.name in _TEXT_ELEMENTS or element.has_attr(_CALL)


def _table_units(project: Path, name: str, call: Unit) -> list[Unit]:
    """The table's column headings, where the page calls for it, then each row of its data file."""
    spec = TABLES[name]
    file = f"data/{spec.data_file}"
    schema = SCHEMAS[spec.data_file]
    units = [Unit(" ".join(spec.headings), call.file, call.line)]
    for row, lines in load_located_rows(project / file, schema):
        cells = tuple((getattr(row, field), lines.of(field)) for field in schema.model_fields)
        units.append(Unit(" ".join(text for text, _ in cells), file, lines.start, cells=cells))
    return units


def _reference_units(project: Path) -> list[Unit]:
    """Every value of every reference, in the order the References page shows them."""
    located = load_located_rows(project / "data" / "references.yml", Reference)
    line_of = {reference.id: lines.start for reference, lines in located}
    units = []
    for reference in sorted_references([reference for reference, _ in located]):
        values = [reference.authors, str(reference.year), reference.title, reference.container,
                  reference.pages, reference.doi, reference.url, reference.supports]
        units += [Unit(value, "data/references.yml", line_of[reference.id], added=True)
                  for value in values if value is not None]
    return units


def _macro_units(project: Path, call: re.Match, where: Unit) -> list[Unit]:
    """The units a macro call on a page stands for; `where` is the call's place."""
    name, arguments = call.group(1), ast.literal_eval(f"({call.group(2)},)") if call.group(2) else ()
    if name == "data_table":
        return _table_units(project, *arguments, where)
    if name == "references":
        return _reference_units(project)
    if name == "publication_date":
        extra = read_config(project / "mkdocs.yml").get("extra") or {}
        return [Unit(long_date(published_date(extra, "mkdocs.yml")), where.file, where.line)]
    raise ValueError(f"no units are known for the macro {name}()")


def page_units(project: Path, page: str) -> list[Unit]:
    """The units of docs/`page`, in order, its macros' rows in their place.

    The page is rendered whole, as a builder renders it, so that a footnote
    or a note reads as on the site: a footnote's text at the page's end. A
    macro call on a line of its own stands in the rendered page for its rows.
    """
    file = f"docs/{page}"
    lines, first = page_body((project / file).read_text(encoding="utf-8"))
    added = page in SITE_PAGES
    calls = []
    for start, block in blocks(lines, first):
        if len(block) == 1 and (call := _MACRO_CALL.match(block[0].strip())):
            lines[start - first] = f'<div {_CALL}="{len(calls)}"></div>'
            calls.append((call, Unit(block[0], file, start)))
    # Each line alone, as plain text, to tell which line a sentence starts on.
    plain = [squash(_render(line).get_text()) for line in lines]
    units, at = [], 0
    for element in _render("\n".join(lines)).find_all(_unit_or_call):
        if element.has_attr(_CALL):
            units += _macro_units(project, *calls[int(element[_CALL])])
            continue
        if element.find(_TEXT_ELEMENTS):  # its text is read from the elements inside it
            continue
        for piece in text_pieces(element):
            at = _line_of(piece, plain, at)
            units.append(Unit(piece, file, first + at, added or _is_added(element)))
    return units


def nav_pages(project: Path) -> list[str]:
    """The pages of mkdocs.yml's nav, in order, as paths under docs/."""
    return nav_files(read_config(project / "mkdocs.yml")["nav"])


def article_pages(project: Path) -> list[str]:
    """The nav's pages that are the article's sections: all but the site's own pages."""
    return [page for page in nav_pages(project) if page not in SITE_PAGES]


def article_units(project: Path) -> list[Unit]:
    """Every unit of the article's sections, in the order of the nav."""
    return [unit for page in article_pages(project) for unit in page_units(project, page)]


def page_calling(project: Path, table: str) -> str:
    """The one page of the nav whose Markdown calls for the table named `table`."""
    (page,) = [page for page in article_pages(project)
               if f'data_table("{table}")' in (project / "docs" / page).read_text(encoding="utf-8")]
    return page
