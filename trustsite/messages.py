"""Build messages a publisher can act on: where each problem is, and not too many.

Every message starts with the file's path from the repository's root and,
where known, its line: `docs/conclusion.md, line 8: …`. MkDocs words its link
warnings otherwise; `link_problem` rewrites them in the same form. A report
stays short: `ShortReport` lets through about ten problems of one kind in
full and counts the rest.
"""

import difflib
import logging
import posixpath
import re
from collections import Counter
from functools import cached_property
from pathlib import Path

from trustsite.data import quoted

# "docs/x.md, line 8: …", "data/x.yml, row 4 (line 18), field 'f': …" or "data/x.yml: …".
_WHERE = re.compile(r"(?P<file>\S+?\.(?:md|yml|yaml))"
                    r"(?:, line (?P<line>\d+)|, row \d+ \(line (?P<row_line>\d+)\))?[,:]")
# How MkDocs 1.6 reports a link it cannot follow (mkdocs/structure/pages.py).
_MKDOCS_LINK = re.compile(r"Doc file '(?P<page>.+?)' contains (?:a|an absolute|an unrecognized relative) "
                          r"link '(?P<link>.*)', (?P<problem>.*)", re.DOTALL)
_NOT_FOUND = re.compile(r"but the target(?: '.*')? is not found among documentation files\."
                        r"(?: Did you mean '(?P<meant>.*)'\?)?$", re.DOTALL)
_NO_ANCHOR = re.compile(r"but the doc '(?P<doc>.*)' does not contain an anchor '(?P<anchor>#.*)'\.$", re.DOTALL)
# How MkDocs 1.6 names the page an exception came from (mkdocs/commands/build.py).
_MKDOCS_PAGE_ERROR = re.compile(r"Error (?:reading|building) page '(?P<page>.+?)':(?P<problem>.*)", re.DOTALL)
# How mkdocs-macros reports a macro call that fails (mkdocs_macros/plugin.py,
# on its logger): a Markdown report naming the page, then the traceback.
MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros.util"
MACROS_PAGE = re.compile(r"_File_: `([^`]+)`")
MACROS_ERROR = re.compile(r"_Macro (Rendering|Syntax) Error_")
BROKEN_LINKS = "broken links"


def where(message: str) -> tuple[str, int | None] | None:
    """The file and line a message names at its start, if it names one."""
    found = _WHERE.match(message)
    if not found:
        return None
    line = found["line"] or found["row_line"]
    return found["file"], int(line) if line else None


def _line_of(text: str, link: str, occurrence: int) -> int | None:
    """The line of the `occurrence`-th (from 0) place `link` appears in `text`, or of its last."""
    starts = [found.start() for found in re.finditer(re.escape(link), text)] if link else []
    if not starts:
        return None
    return text.count("\n", 0, starts[min(occurrence, len(starts) - 1)]) + 1


def closest_page(link: str, page: str, pages: list[str]) -> str | None:
    """The page `link` (written in `page`) probably meant, if one of `pages` (paths
    under docs/) has a close name: a letter or two apart, compared without the
    ".md" that every page shares."""
    folder = posixpath.dirname(page)
    relative = [posixpath.relpath(other, folder or ".").removesuffix(".md") for other in pages]
    close = difflib.get_close_matches(link.split("#")[0].removesuffix(".md"), relative, n=1, cutoff=0.8)
    return close[0] + ".md" if close else None


def no_page(link: str, meant: str | None) -> str:
    """What is wrong with `link`, which goes to no page; `meant` is the page it probably meant."""
    return f"the link {quoted(link)} goes to no page of the site" + (
        f"; did you mean {quoted(meant)}?" if meant else "")


def no_heading(link: str, page: str | None) -> str:
    """What is wrong with `link`, whose #anchor is no heading of `page` (under docs/; None: its own)."""
    return f"the link {quoted(link)} goes to no heading of " + (quoted(page) if page else "this page")


def page_problem(message: str, docs: str) -> str | None:
    """MkDocs' "Error reading page 'x.md': problem" as "docs/x.md: problem"; "" when
    it names no problem (MkDocs then prints the problem on a line of its own); None
    for any other message."""
    found = _MKDOCS_PAGE_ERROR.fullmatch(message)
    if not found:
        return None
    problem = found["problem"].strip()
    return f"{docs}/{found['page']}: {problem}" if problem else ""


class LinkProblems:
    """Rewrites MkDocs' link warnings as `docs/page.md, line N: …`."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self._seen: Counter[tuple[str, str]] = Counter()
        # Read once a build: a page can hold thousands of broken links.
        self._texts: dict[str, str | None] = {}

    @cached_property
    def _pages(self) -> list[str]:
        return [path.relative_to(self.docs_dir).as_posix() for path in sorted(self.docs_dir.rglob("*.md"))]

    def _text(self, page: str) -> str | None:
        if page not in self._texts:
            try:
                self._texts[page] = (self.docs_dir / page).read_text(encoding="utf-8")
            except OSError:
                self._texts[page] = None
        return self._texts[page]

    def rewrite(self, message: str) -> str | None:
        """The message in this site's words, or None if it is not about a link."""
        found = _MKDOCS_LINK.fullmatch(message)
        if not found:
            return None
        page, link, problem = found["page"], found["link"], found["problem"]
        occurrence = self._seen[page, link]
        self._seen[page, link] += 1
        text = self._text(page)
        line = _line_of(text, link, occurrence) if text is not None else None
        place = f"{self.docs_dir.name}/{page}" + (f", line {line}" if line else "")
        if not_found := _NOT_FOUND.fullmatch(problem):
            said = no_page(link, not_found["meant"] or closest_page(link, page, self._pages))
        elif no_anchor := _NO_ANCHOR.fullmatch(problem):
            said = no_heading(link, no_anchor["doc"])
        elif problem.startswith("but there is no such anchor on this page"):
            said = no_heading(link, None)
        else:
            said = f"the link {quoted(link)} {problem}"
        return f"{place}: {said}"


class KeptMessages(logging.Handler):
    """Keeps the warnings and errors a logger prints, each as printed: for rewording,
    or for showing elsewhere (the preview's error page)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# How many problems of one kind in one file a report shows in full.
SHOWN_PER_KIND = 10


class ShortReport:
    """Decides which problems a report shows: `per_kind` of each kind in each
    file and `most` in all; `rest()` then counts what was held back."""

    def __init__(self, per_kind: int = SHOWN_PER_KIND, most: int = 20) -> None:
        self.per_kind, self.most = per_kind, most
        self._counts: Counter[tuple[str, str]] = Counter()
        self._held: Counter[tuple[str, str]] = Counter()
        self._shown = 0

    def admit(self, message: str, kind: str = "problems") -> bool:
        file = (where(message) or ("the build",))[0]
        self._counts[kind, file] += 1
        if self._counts[kind, file] <= self.per_kind and self._shown < self.most:
            self._shown += 1
            return True
        self._held[kind, file] += 1
        return False

    def rest(self, lines: int = 10) -> list[str]:
        """One line per kind and file held back, at most `lines` of them."""
        held = [_more(count, kind) + f" in {file}" for (kind, file), count in self._held.items()]
        if len(held) > lines:
            others = sum(list(self._held.values())[lines - 1:])
            held = held[:lines - 1] + [_more(others, "problems") + " in other files"]
        return held


def _more(count: int, kind: str) -> str:
    """"… and 2,990 more broken links", or "… and 1 more broken link"."""
    return f"… and {count:,} more {kind if count != 1 else kind.removesuffix('s')}"
