"""The preview's own checks, acting only under `mkdocs serve`: a build's check
stage (trustsite.check) refuses such pages before any builder runs, but
`mkdocs serve` rebuilds without it.

- A page that is not UTF-8, or too large to build, is refused with one line
  naming the file: MkDocs would report bad UTF-8 twice, with a byte offset a
  publisher cannot act on, and would read a page of any size.
- A page whose Jinja does more than call one of macros.py's macros is shown
  unrun, before mkdocs-macros renders it; the rule is in trustsite.page_jinja.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from trustsite.check import read_page
from trustsite.data import DataError
from trustsite.page_jinja import check_macro_calls

log = logging.getLogger("mkdocs.plugins.trustsite.preview_checks")


def check_encodings(files, config) -> None:
    """Refuse, as a PluginError, the first page that is not UTF-8 or too large."""
    docs = Path(config.docs_dir)
    for page in files.documentation_pages():
        shown = f"{docs.name}/{page.src_uri}"
        try:
            read_page(Path(page.abs_src_path), shown)
        except DataError as error:
            raise PluginError(str(error)) from None


def check_page_jinja(page, config, macros) -> None:
    """Log the page's refused Jinja as an error, and leave that page unrun by
    `macros` (mkdocs-macros): the preview keeps running, as for any mistake."""
    try:
        # The whole file: mkdocs-macros also renders a `title:` in the front matter.
        check_macro_calls(page.file.content_string, macros.env, macros.site_macros,
                          shown=f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    except DataError as error:
        log.error(str(error))
        page.meta["render_macros"] = False
