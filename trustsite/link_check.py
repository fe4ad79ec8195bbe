"""Links between the pages, checked before either builder runs.

MkDocs names a link that goes nowhere (trustsite/plugin/log_rewrites.py rewrites its
words as `docs/page.md, line N: …`); Zensical only says that its --strict
build was aborted. So the check stage finds them itself, in MkDocs' way: each
page rendered as the builders render it (its macro calls, then Markdown with
the site's extensions), every `<a href>` read with a parser, a link to a `.md`
page resolved from the page it is on, and its `#anchor` looked up among the
ids of the page it goes to. The messages are MkDocs' rewritten ones, word for
word (trustsite.messages), so a publisher reads one message whichever builder
follows. Images are another check's; links to anything but a page are left
to the builders.
"""

import bisect
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import jinja2
import markdown
from bs4 import BeautifulSoup

from trustsite.data import DataError
from trustsite.messages import SHOWN_PER_KIND, closest_page, no_heading, no_page
from trustsite.prose import EXTENSIONS as PROSE_EXTENSIONS

# The Markdown extensions that decide a page's links and ids: MkDocs' own
# toc and fenced_code, then those mkdocs.yml lists, as the sources read them
# (tests/site/test_bad_input.py holds the lists together).
EXTENSIONS = ["toc", "fenced_code", *PROSE_EXTENSIONS]


class BrokenLinks(ValueError):
    """Links that go to no page or no heading, one message each."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__(messages[0])


@dataclass(frozen=True)
class _Rendered:
    links: list[str]  # every href, in the page's order
    ids: frozenset[str] | None  # None: unknown, its macros could not be run here


def _render(source: str, environment: jinja2.Environment, macros: Mapping[str, Callable],
            converter: markdown.Markdown) -> _Rendered:
    """The links and ids of a page whose source is `source`."""
    try:
        # Only macro calls with literal arguments get here (trustsite.page_jinja).
        text, ids_known = environment.from_string(source).render(macros), True
    except (jinja2.TemplateError, ValueError, TypeError):
        # A wrong macro call, for mkdocs-macros to report: what the macros would add is unknown.
        text, ids_known = source, False
    soup = BeautifulSoup(converter.reset().convert(text), "html.parser")
    # MkDocs finds an anchor among ids and the names of <a name="…">.
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    ids |= {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    links = [tag["href"] for tag in soup.find_all("a", href=True)]
    return _Rendered(links, frozenset(ids) if ids_known else None)


def _problem(link: str, page: str, rendered: dict[str, _Rendered], *, suggest: bool) -> str | None:
    """What is wrong with `link` on `page`, if it goes to a page or a heading that
    is not there; with the page it probably meant, if `suggest`."""
    try:
        parts = urlsplit(link)
    except ValueError:  # such as "http://[x", which the builders report in their own words
        return None
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return None  # another site's address, or an absolute one, which MkDocs warns of itself
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        ids = rendered[page].ids
        return no_heading(link, None) if anchor and ids is not None and anchor not in ids else None
    if not path.endswith(".md"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if target not in rendered:
        return no_page(link, closest_page(link, page, list(rendered)) if suggest else None)
    ids = rendered[target].ids
    return no_heading(link, target) if anchor and ids is not None and anchor not in ids else None


class _LinkLines:
    """The line of each broken link of a page, asked for in the order the page holds them.

    Reading on from the last link found keeps a page of 70,000 links to one
    pass. A link not found after it (a reference-style link, whose address is
    defined above) costs a search to the end and one from the top: after
    _MISSES of them no more lines are looked for, since a page can hold
    thousands of links written otherwise than they read (`&#109;`).
    """

    _MISSES = 100

    def __init__(self, source: str) -> None:
        self.source, self.cursor, self.misses = source, 0, 0
        self.line_starts = [0] + [found.end() for found in re.finditer("\n", source)]

    def line(self, link: str) -> int | None:
        if not link or self.misses == self._MISSES:
            return None
        start = self.source.find(link, self.cursor)
        if start >= 0:
            self.cursor = start + len(link)
        else:
            self.misses += 1
            start = self.source.find(link)
        return bisect.bisect_right(self.line_starts, start) if start >= 0 else None


def check_links(docs: str, sources: Mapping[str, str], environment: jinja2.Environment,
                macros: Mapping[str, Callable]) -> None:
    """BrokenLinks for every link of `sources` (each page's text, keyed by its
    path under the folder `docs`) that goes to no page or no heading.

    `environment` and `macros` render the pages' macro calls, as mkdocs-macros does.
    """
    converter = markdown.Markdown(extensions=EXTENSIONS)
    rendered = {}
    for page, source in sources.items():
        try:
            rendered[page] = _render(source, environment, macros, converter)
        except TimeoutError as error:  # the build's time limit, met in a page Python-Markdown finds pathological
            raise DataError(f"{docs}/{page}", str(error)) from None
    messages = []
    for page, source in sources.items():
        lines, found = _LinkLines(source), 0
        for link in rendered[page].links:
            # Only the problems a report shows in full are worth a "did you mean".
            if problem := _problem(link, page, rendered, suggest=found < SHOWN_PER_KIND):
                found += 1
                line = lines.line(link)
                messages.append(f"{docs}/{page}" + (f", line {line}" if line else "") + f": {problem}")
    if messages:
        raise BrokenLinks(messages)
