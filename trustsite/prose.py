"""What a publisher may write in a page besides plain Markdown (README.md,
"Write"), and the check that refuses what would reach readers as typed.

EXTENSIONS are mkdocs.yml's Markdown extensions that shape what a reader
reads: footnotes, notes, collapsible notes, tables, definition lists.
trustsite/sources.py reads pages with them; check_prose renders each page
with them before any builder runs, and refuses a footnote or a note that
would be published as literal marks, or not at all, naming file and line.
"""

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterator

import markdown
from bs4 import BeautifulSoup
from markdown.extensions.admonition import AdmonitionProcessor
from pymdownx.details import DetailsProcessor

from trustsite.data import QUOTE_LIMIT, DataError, quoted

# mkdocs.yml's markdown_extensions, but for the table of contents' permalinks
# and the abbreviations it appends to every page, which add no sentence.
EXTENSIONS = ["abbr", "attr_list", "md_in_html", "footnotes", "admonition", "pymdownx.details",
              "tables", "def_list", "pymdownx.superfences", "pymdownx.smartsymbols"]

# The note types Material for MkDocs styles, each with its documented aliases.
NOTE_TYPES = {
    "note": [], "abstract": ["summary", "tldr"], "info": ["todo"], "tip": ["hint", "important"],
    "success": ["check", "done"], "question": ["help", "faq"], "warning": ["caution", "attention"],
    "failure": ["fail", "missing"], "danger": ["error"], "bug": [], "example": [], "quote": ["cite"],
}
_KNOWN_TYPES = {name for kind, aliases in NOTE_TYPES.items() for name in (kind, *aliases)}
# Words after the type that place a note beside the text rather than name a type.
_PLACEMENTS = {"inline", "end"}

# The lines that open a note and a collapsible note: the extensions' own patterns.
_NOTE_START = (re.compile(AdmonitionProcessor.RE.pattern.removeprefix("(?:^|\\n)")),
               re.compile(DetailsProcessor.START.pattern.removeprefix("(?:^|\\n)")))
_NOTE_MARKS = ("!!!", "???")
_FENCE = re.compile(r"(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"(`+)")
_FOOTNOTE_TEXT = re.compile(r"\s*\[\^([^\]]+)\]:")
# A footnote mark as typed; in rendered text, one the extension left alone.
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\n]*\]")
# A footnote's name becomes part of two ids, which hold no space or quote.
_FOOTNOTE_NAME = re.compile(r"[\w-]+")
_CODE = ["code", "pre", "kbd", "script", "style"]


def page_body(text: str) -> tuple[list[str], int]:
    """A page's lines after its front matter, and the number of the first."""
    lines = text.splitlines()
    if lines and lines[0] == "---" and "---" in lines[1:]:
        end = lines.index("---", 1)
        return lines[end + 1:], end + 2
    return lines, 1


@functools.cache
def _converter() -> markdown.Markdown:
    """One converter, reset before each text: making one loads every extension again."""
    return markdown.Markdown(extensions=EXTENSIONS)


def render(text: str) -> BeautifulSoup:
    """Markdown `text` as both builders render a page's prose."""
    return BeautifulSoup(_converter().reset().convert(text), "html.parser")


def _outside_code(lines: list[str], first: int) -> Iterator[tuple[int, str]]:
    """Each line that is not in a fenced code block, numbered from `first`,
    its code spans taken out: what a reader reads as text, not as code."""
    fence = None
    for number, line in enumerate(lines, start=first):
        stripped = line.strip()
        if fence:
            if re.fullmatch(rf"{re.escape(fence[0])}{{{len(fence)},}}", stripped):
                fence = None
        elif opening := _FENCE.match(stripped):
            fence = opening.group(1)
        else:
            yield number, _without_code_spans(line)


def _without_code_spans(line: str) -> str:
    """`line` with its code spans (`...`, ``...``) taken out, in time linear in its length."""
    parts = _BACKTICKS.split(line)  # text, backticks, text, backticks, ..., text
    runs = defaultdict(list)
    for index in range(1, len(parts), 2):
        runs[parts[index]].append(index)
    kept, index = [], 0
    while index < len(parts):
        if index % 2:  # a run of backticks: a span to the next run as long, or text if none
            later = runs[parts[index]]
            after = bisect.bisect_right(later, index)
            if after < len(later):
                index = later[after] + 1
                continue
        kept.append(parts[index])
        index += 1
    return "".join(kept)


def _note_problem(line: str) -> str | None:
    """What is wrong with a line that opens a note (or looks as if it does)."""
    stripped = line.strip()
    for pattern in _NOTE_START:
        if found := pattern.fullmatch(stripped):
            words = (found.group(1) if pattern is _NOTE_START[0] else found.group(2) or found.group(4) or "").split()
            if words and (words[0] not in _KNOWN_TYPES or not set(words[1:]) <= _PLACEMENTS):
                return (f"{quoted(words[0])} is not a kind of note; use one of: "
                        f"{', '.join(NOTE_TYPES)} (README.md, \"Write\")")
            return None
    return (f"{stripped[:3]} starts a note, but this line is not one and would show as typed; "
            f'write {stripped[:3]} note "Its title", then the note\'s text indented by four spaces')


def _mark(name: str) -> str:
    """The footnote mark `name` as a message quotes it: a line's worth at most."""
    return f"[^{name}]" if len(name) <= QUOTE_LIMIT else f"[^{name[:QUOTE_LIMIT - 1]}…]"


def _footnote_problems(soup: BeautifulSoup, lines: list[tuple[int, str]]) -> list[tuple[int | None, str]]:
    """Each footnote problem of a rendered page, with the line of `lines` it is on."""
    problems, texts = [], {}
    for number, line in lines:
        if found := _FOOTNOTE_TEXT.match(line):
            name = found.group(1)
            if name in texts:
                problems.append((number, f"the footnote {_mark(name)} is given its text twice (first on "
                                         f"line {texts[name]}); the first would be lost: give each its own name"))
            texts.setdefault(name, number)
    marks = {link["href"].removeprefix("#fn:") for link in soup.find_all("a", class_="footnote-ref", href=True)}
    footnote_items = [item for notes in soup.find_all("div", class_="footnote")
                   for numbered in notes.find_all("ol", recursive=False)
                   for item in numbered.find_all("li", id=True, recursive=False)]
    for item in footnote_items:
        name = item["id"].removeprefix("fn:")
        shown = _mark(name)
        if not _FOOTNOTE_NAME.fullmatch(name):
            problems.append((texts.get(name), f"the footnote {shown} needs a name of letters, digits and "
                                              "hyphens only, such as [^1] or [^smith]"))
        elif name not in marks:
            problems.append((texts.get(name), f"the footnote {shown} has its text but no mark in the page; put "
                                              f"{shown} after the words it explains, or delete its text"))
    first_lines = _mark_lines(lines)
    for link in [link for link in soup.find_all("a", class_="footnote-ref") if link.find_parent("a")]:
        name = link["href"].removeprefix("#fn:")
        problems.append((first_lines.get(f"[^{name}]"), f"the footnote {_mark(name)} is inside a link's text, "
                                                         "where it cannot be a link too; put it after the link"))
    for string in soup.find_all(string=_FOOTNOTE_MARK):
        if string.find_parent(_CODE):
            continue
        for mark in _FOOTNOTE_MARK.findall(string):
            name = mark[2:-1]
            problem = (f"the footnote {_mark(name)} has no text, so it would show as typed; add a line "
                       f'"{_mark(name)}: its text" at the end of the page' if name not in texts else
                       f"the footnote {_mark(name)} would show as typed here; put it right after a word "
                       "of a paragraph, a list or a table")
            problems.append((first_lines.get(mark), problem))
    return problems


def _mark_lines(lines: list[tuple[int, str]]) -> dict[str, int]:
    """The line each footnote mark of `lines` is first on, outside a footnote's
    own text line's opening: found in one reading, however many marks."""
    first_lines = {}
    for number, line in lines:
        start = found.end() if (found := _FOOTNOTE_TEXT.match(line)) else 0
        for mark in _FOOTNOTE_MARK.finditer(line, start):
            first_lines.setdefault(mark.group(), number)
    return first_lines


def check_prose(text: str, shown: str) -> None:
    """A DataError, naming `shown` and the line, for the first note of the page
    `text` that would not be published as one, else for its first footnote.

    The notes are checked on the page's lines, before it is rendered: a page
    of thousands of broken notes would take Python-Markdown minutes.
    """
    body, first = page_body(text)
    lines = list(_outside_code(body, first))
    for number, line in lines:
        if line.lstrip().startswith(_NOTE_MARKS) and (problem := _note_problem(line)):
            raise DataError(shown, problem, line=number)
    if "[^" not in text:
        return  # no footnote to check: the page is not rendered for nothing
    try:
        soup = render("\n".join(body))
    except TimeoutError as error:  # the build's time limit (trustsite/build.py): name the page
        raise TimeoutError(f"{shown}: {error}") from None
    if problems := _footnote_problems(soup, lines):
        line, problem = min(problems, key=lambda found: (found[0] or 0, found[1]))
        raise DataError(shown, problem, line=line)
