"""In a preview, refuse a page that is not UTF-8, or too large to build, with one line naming the file.

MkDocs would report bad UTF-8 twice, with a byte offset a publisher cannot act
on, and would read a page of any size. `mkdocs serve` rebuilds without
scripts/build.py, whose check stage (trustsite.check) refuses such a page in a
build, so this hook acts only in a preview.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from trustsite.build_kind import is_preview
from trustsite.check import read_page
from trustsite.data import DataError


def on_files(files, config):
    if not is_preview():
        return files
    docs = Path(config.docs_dir)
    for page in files.documentation_pages():
        shown = f"{docs.name}/{page.src_uri}"
        try:
            read_page(Path(page.abs_src_path), shown)
        except DataError as error:
            raise PluginError(str(error)) from None
    return files
