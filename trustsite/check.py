"""The first stage of a build: check the sources before any builder reads them.

The data files (their schema and limits, trustsite.data) and every page under
docs/ (size, UTF-8, and the rule that a page only calls macros,
trustsite.page_jinja), in plain Python, so a mistake gets the same one-line
message naming file, row, line and field whichever builder follows.
"""

import os
from collections.abc import Collection
from pathlib import Path

import jinja2

from trustsite.data import decode_utf8, read_capped
from trustsite.page_jinja import LARGEST_PAGE, check_macro_calls

# The endings MkDocs reads as a page (mkdocs.utils.markdown_extensions).
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def pages_under(docs_dir: Path) -> list[Path]:
    """Every page under `docs_dir`, in symlinked folders too, as MkDocs finds them."""
    return sorted(Path(folder) / name for folder, _, names in os.walk(docs_dir, followlinks=True)
                  for name in names if name.endswith(PAGE_SUFFIXES))


def read_page(path: Path, shown: str) -> str:
    """The text of the page at `path`; a DataError, naming it `shown`, if it is
    too large or not UTF-8."""
    return decode_utf8(read_capped(path, shown, LARGEST_PAGE), shown)


def check_pages(docs_dir: Path, macros: Collection[str]) -> None:
    """A DataError for the first page under `docs_dir` that breaks a rule; `macros`
    are the names a page may call."""
    environment = jinja2.Environment()
    for page in pages_under(docs_dir):
        shown = f"{docs_dir.name}/{page.relative_to(docs_dir).as_posix()}"
        check_macro_calls(read_page(page, shown), environment, macros, shown)
