"""The seed article, cut into the units that must all appear in the site."""

import re
from pathlib import Path

from bs4 import BeautifulSoup

ARTICLE = Path(__file__).resolve().parent / "fixtures" / "article.txt"

_BULLET = "• "
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _blocks(text: str) -> list[list[str]]:
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def table_blocks(text: str | None = None) -> list[list[str]]:
    """The seed's tables: runs of lines with no blank line between them,
    other than the bulleted list."""
    text = text if text is not None else ARTICLE.read_text(encoding="utf-8")
    return [block for block in _blocks(text)
            if len(block) > 1 and not block[0].startswith(_BULLET)]


def units(text: str | None = None) -> list[str]:
    """Every sentence, heading and table row of the article, in order."""
    text = text if text is not None else ARTICLE.read_text(encoding="utf-8")
    found = []
    tables = table_blocks(text)
    for block in _blocks(text):
        if block in tables:
            found.extend(block)
            continue
        for line in block:
            line = line.removeprefix(_BULLET)
            found.extend(_SENTENCE_END.split(line))
    return found


def _squash(text: str) -> str:
    return " ".join(text.split())


def site_text(site: Path) -> str:
    """The readable text of every page's article body, table rows one per line."""
    parts = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        body = soup.find("article")
        if body is None:
            continue
        for row in body.find_all("tr"):
            parts.append(" ".join(_squash(cell.get_text()) for cell in row.find_all(["th", "td"])))
        for table in body.find_all("table"):
            table.decompose()
        parts.append(_squash(body.get_text()))
    return "\n".join(parts)


def units_missing_from(text: str) -> list[str]:
    return [unit for unit in units() if unit not in text]


def missing_units(site: Path) -> list[str]:
    return units_missing_from(site_text(site))


def reading_text(element) -> str:
    """The text of `element` as a reader meets it, top to bottom, each table
    row as one line of its cells."""
    element = BeautifulSoup(str(element), "html.parser")
    for row in element.find_all("tr"):
        row.replace_with(" ".join(_squash(cell.get_text()) for cell in row.find_all(["th", "td"])) + "\n")
    return _squash(element.get_text())


def out_of_order_units(text: str) -> list[str]:
    """The units of the seed that `text` does not hold in the seed's order.

    Only units that occur once in the seed are followed: the title, for one,
    is repeated there, and the site shows it once. Each unit is looked for
    after the last one found; a unit not found there is out of order.
    """
    every = units()
    out_of_order, position = [], 0
    for unit in (unit for unit in every if every.count(unit) == 1):
        found = text.find(unit, position)
        if found < 0:
            out_of_order.append(unit)
        else:
            position = found + len(unit)
    return out_of_order
