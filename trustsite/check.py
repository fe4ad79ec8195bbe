"""The first stage of a build: check the sources before any builder reads them.

The data files (their schema and limits, trustsite.data) and every page under
docs/ (size, UTF-8, the rule that a page only calls macros,
trustsite.page_jinja, and links that go nowhere, trustsite.link_check), in
plain Python, so a mistake gets the same one-line message naming file, row,
line and field whichever builder follows.
"""

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2

from trustsite.data import DataError, decode_utf8, read_capped
from trustsite.link_check import check_links
from trustsite.page_jinja import LARGEST_PAGE, check_macro_calls
from trustsite.pictures.image_check import check_images
from trustsite.prose import check_prose

# The endings MkDocs reads as a page (mkdocs.utils.markdown_extensions).
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")

# The publisher's content budget: the most docs/ may hold, far past one long
# article's sections, and what a build of that size costs is measured by
# `python -m trustsite_tools.bench` (Scaling). Past it, a stranger's pull request
# could fill the build machine's memory well before the time limit stops it.
MOST_PAGES = 500
MOST_MARKDOWN = 4 * 2**20


def pages_under(docs_dir: Path) -> list[Path]:
    """Every page under `docs_dir`, in symlinked folders too, as MkDocs finds them.

    A DataError for a folder reached a second time: MkDocs, which follows links
    without looking back, would read a link to a folder it is in without end,
    and links to one folder from many places many times over. Each folder is
    read once, so a hostile tree of links costs only its own size. A DataError
    too once the walk finds more than MOST_PAGES pages.
    """
    pages, seen, folders = [], {os.path.realpath(docs_dir)}, [docs_dir]
    while folders:
        folder = folders.pop()
        for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
            if entry.is_dir():
                real = os.path.realpath(entry.path)
                if real in seen:
                    shown = f"{docs_dir.name}/{Path(entry.path).relative_to(docs_dir).as_posix()}"
                    raise DataError(shown, "links to a folder that docs/ already holds, so its pages would "
                                           "be read again (or without end); link each folder once")
                seen.add(real)
                folders.append(Path(entry.path))
            elif entry.name.endswith(PAGE_SUFFIXES):
                pages.append(Path(entry.path))
                if len(pages) > MOST_PAGES:
                    raise DataError(docs_dir.name, f"holds more than {MOST_PAGES} pages, the most this site "
                                                   "builds; join some sections into one page")
    return sorted(pages)


def read_page(path: Path, shown: str) -> str:
    """The text of the page at `path`; a DataError, naming it `shown`, if it is
    too large or not UTF-8."""
    return decode_utf8(read_capped(path, shown, LARGEST_PAGE), shown)


def read_pages(docs_dir: Path) -> dict[str, str]:
    """The text of every page under `docs_dir`, by its path there; a DataError
    for a page too large or not UTF-8, or once they hold more than MOST_MARKDOWN
    bytes in all, before any page is rendered."""
    sources, size = {}, 0
    for page in pages_under(docs_dir):
        relative = page.relative_to(docs_dir).as_posix()
        sources[relative] = read_page(page, f"{docs_dir.name}/{relative}")
        size += len(sources[relative].encode())
        if size > MOST_MARKDOWN:
            raise DataError(docs_dir.name, f"its pages hold more than {MOST_MARKDOWN / 2**20:g} MB of text in all, "
                                           "the most this site builds; no article needs that much")
    return sources


def check_pages(docs_dir: Path, macros: Mapping[str, Callable]) -> None:
    """A DataError for the first page under `docs_dir` that breaks a rule, then
    BrokenLinks for every link that goes nowhere; `macros` are the functions a
    page may call, by name."""
    environment = jinja2.Environment()
    sources = read_pages(docs_dir)
    for relative, source in sources.items():
        shown = f"{docs_dir.name}/{relative}"
        check_macro_calls(source, environment, macros, shown)
        check_prose(source, shown)
        check_images(source, docs_dir / relative, docs_dir, shown)
    check_links(docs_dir.name, sources, environment, macros)
