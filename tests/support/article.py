"""What the sources say, and whether a built page says it: the helpers every
fidelity test shares.

The units (sentences, headings, table rows, reference values) come from the
project's own pages and data files (trustsite/sources.py), so a publisher's
correction is the new truth. A built page is read as its reader meets it,
top to bottom, each table row one line of its cells.
"""

import functools
import itertools
import re
import unicodedata
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from trustsite.sources import Unit, article_pages, article_units, page_units, squash
from trustsite.urls import output_path, page_url
from trustsite_tools import publisher_edits

ROOT = Path(__file__).resolve().parents[2]


def article_texts(project: Path = ROOT) -> list[str]:
    """The text of every unit of the article's sections, in the nav's order."""
    return [unit.text for unit in article_units(project)]


def page_texts(project: Path, page: str) -> list[str]:
    return [unit.text for unit in page_units(project, page)]


def table_count(site: Path, project: Path = ROOT) -> int:
    """How many tables the article's section pages hold as built in `site`, its
    data tables and any a page writes in Markdown: what an edition of the whole
    article must hold too."""
    return sum(len(BeautifulSoup(built_page(site, page).read_text(encoding="utf-8"), "html.parser")
                   .find("article").find_all("table"))
               for page in article_pages(project))


def plain_sentence(project: Path = ROOT) -> Unit:
    """A sentence of the article's words alone (no quote, dash or markup), written
    once in its page: one that any index or copy holds just as it is written."""
    return publisher_edits.plain_sentence(project, article_pages(project))


def site_path(page: str) -> str:
    """Where docs/`page` is on the online site, from its root: "" for index.md, "conclusion/"."""
    return page_url(page, offline=False)


def built_page(site: Path, page: str, *, offline: bool = False) -> Path:
    """The HTML file docs/`page` becomes: conclusion/index.html online, conclusion.html offline."""
    return site / output_path(page, offline=offline)


def reading_text(element) -> str:
    """The text of `element` as a reader meets it, top to bottom, each table
    row as one line of its cells."""
    element = BeautifulSoup(str(element), "html.parser")
    for row in element.find_all("tr"):
        row.replace_with(" ".join(squash(cell.get_text()) for cell in row.find_all(["th", "td"])) + "\n")
    return squash(element.get_text())


def article_text(html: Path) -> str:
    """The reading text of a built page's article."""
    return reading_text(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find("article"))


def unplaced_units(text: str, units: list[str]) -> list[str]:
    """The units that `text` does not hold, or holds out of their order.

    Each unit is looked for after the last one found, so a unit dropped,
    changed or moved is reported. A unit the list holds more than once (a
    year, a journal's name) is only looked for somewhere in `text`.
    """
    counts = Counter(units)
    unplaced, position = [], 0
    for unit in units:
        if counts[unit] > 1:
            if unit not in text:
                unplaced.append(unit)
            continue
        found = text.find(unit, position)
        if found < 0:
            unplaced.append(unit)
        else:
            position = found + len(unit)
    return unplaced


def first_page_saying(project: Path, word: str) -> str | None:
    """The first page of the nav whose text, as a reader sees it, holds `word` as a word."""
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    return next((page for page in article_pages(project)
                 if any(pattern.search(text) for text in page_texts(project, page))), None)


@functools.cache
def search_word(project: Path = ROOT) -> tuple[str, str]:
    """A word of the article that one page alone says, in any of its forms, and
    that page: the longest such word, which no search drops as too common.

    Worked out once for each project: call it only on one that no test edits
    (ROOT, a session build's), as it renders every page twice.
    """
    texts = {page: " ".join(page_texts(project, page)).lower() for page in article_pages(project)}
    words = {word for unit in article_units(project) if not unit.added
             for word in re.findall(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])", unit.text)}
    for word in sorted(words, key=lambda word: (-len(word), word)):
        stem = word.lower()[:max(5, len(word) - 3)]  # "breaches" and "breach" alike
        (page, *others) = [page for page, text in texts.items() if stem in text] or [None]
        if page and not others:
            return word, page
    raise AssertionError("no word of the article is on one page alone")


def running_text(page_text: str) -> str:
    """A page's text as one line: ligatures undone, a line broken after a
    hyphen or dash ("need-to-|know", "alliance—|built", "252–|260") joined up again, and
    the page number at its foot ("6 / 17") left out, so that a sentence that
    runs on to the next page reads whole."""
    text = unicodedata.normalize("NFKC", page_text)
    text = re.sub(r"\s*\d+ / \d+\s*$", "", text)
    return " ".join(re.sub(r"(?<=[-–—])\n", "", text).split())


def as_first_publication(units: list[Unit]) -> str:
    """`units` written as original/article.txt is (trustsite/original.py):
    each sentence or heading a block of its own, a table's rows one block."""
    written = [unit for unit in units if not unit.added]
    blocks = [["\n".join(unit.text for unit in group)] if is_row else [unit.text for unit in group]
              for is_row, group in itertools.groupby(written, key=lambda unit: bool(unit.cells))]
    return "\n\n".join(block for group in blocks for block in group) + "\n"
