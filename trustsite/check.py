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


def pages_under(docs_dir: Path) -> list[Path]:
    """Every page under `docs_dir`, in symlinked folders too, as MkDocs finds them.

    A DataError for a folder reached a second time: MkDocs, which follows links
    without looking back, would read a link to a folder it is in without end,
    and links to one folder from many places many times over. Each folder is
    read once, so a hostile tree of links costs only its own size.
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
    return sorted(pages)


def read_page(path: Path, shown: str) -> str:
    """The text of the page at `path`; a DataError, naming it `shown`, if it is
    too large or not UTF-8."""
    return decode_utf8(read_capped(path, shown, LARGEST_PAGE), shown)


def check_pages(docs_dir: Path, macros: Mapping[str, Callable]) -> None:
    """A DataError for the first page under `docs_dir` that breaks a rule, then
    BrokenLinks for every link that goes nowhere; `macros` are the functions a
    page may call, by name."""
    environment = jinja2.Environment()
    sources = {}
    for page in pages_under(docs_dir):
        shown = f"{docs_dir.name}/{page.relative_to(docs_dir).as_posix()}"
        sources[page.relative_to(docs_dir).as_posix()] = source = read_page(page, shown)
        check_macro_calls(source, environment, macros, shown)
        check_prose(source, shown)
        check_images(source, page, docs_dir, shown)
    check_links(docs_dir.name, sources, environment, macros)
