"""The article as first published (original/article.txt, the publisher's record), against the sources.

The first publication is plain text: a block of lines per paragraph, heading
or table, a blank line between blocks, "• " before each item of a list. A
table is a block of several lines, one per row. Every change to the words
since then shows as a difference, where the sources now hold it.
"""

import difflib
from dataclasses import dataclass
from pathlib import Path

from trustsite.sources import Unit, article_units, blocks, sentences

ORIGINAL = Path("original") / "article.txt"
_BULLET = "• "


def original_units(text: str) -> list[Unit]:
    """Every sentence, heading and table row of the first publication, in order."""
    units = []
    for start, block in blocks(text.splitlines(), 1):
        is_list = block[0].strip().startswith(_BULLET)
        for number, line in enumerate((line.strip() for line in block), start):
            if len(block) > 1 and not is_list:  # a table: each line is one row
                units.append(Unit(line, str(ORIGINAL), number))
            else:
                units += [Unit(sentence, str(ORIGINAL), number)
                          for sentence in sentences(line.removeprefix(_BULLET))]
    return units


def _first_of_each(units: list[Unit]) -> list[Unit]:
    # The first publication repeats its title and its closing list's titles;
    # the site shows each once. Only a text's first appearance is compared.
    seen, first = set(), []
    for unit in units:
        if unit.text not in seen:
            seen.add(unit.text)
            first.append(unit)
    return first


@dataclass(frozen=True)
class Difference:
    now: Unit | None     # what the sources say, where; None if removed
    was: Unit | None     # what the first publication said; None if added
    where: Unit          # the source unit at or after the place of the difference

    def __str__(self) -> str:
        line = self.where.line
        if self.now is not None and self.was is not None:
            # A changed table row: the line of its first changed cell.
            line = next((at for text, at in self.now.cells if text not in self.was.text), line)
        place = f"{self.where.file}, line {line}"
        if self.was is None:
            return f'{place}: added "{self.now.text}"'
        if self.now is None:
            return f'{place}: removed "{self.was.text}" (article.txt line {self.was.line})'
        return f'{place}: "{self.now.text}", first published as "{self.was.text}"'


def differences(original: list[Unit], sources: list[Unit]) -> list[Difference]:
    """How `sources` differ from `original`, in the order of the sources.

    Text the site adds and labels as added (editor's notes, the reference
    list) is not compared.
    """
    was = _first_of_each(original)
    now = _first_of_each([unit for unit in sources if not unit.added])
    found = []
    matcher = difflib.SequenceMatcher(a=[u.text for u in was], b=[u.text for u in now], autojunk=False)
    for tag, was_start, was_end, now_start, now_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = was[was_start:was_end], now[now_start:now_end]
        place = now[min(now_start, len(now) - 1)]
        for index in range(max(len(old), len(new))):
            before = old[index] if index < len(old) else None
            after = new[index] if index < len(new) else None
            found.append(Difference(after, before, after or place))
    return found


def check_original(project: Path) -> list[Difference]:
    """The differences between the project's sources and its first publication."""
    text = (project / ORIGINAL).read_text(encoding="utf-8")
    return differences(original_units(text), article_units(project))
