"""Refuse a page that is not UTF-8, or too large to build, with one line naming the file.

MkDocs would report bad UTF-8 twice, with a byte offset a publisher cannot act
on, and would read a page of any size.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from trustsite.check import read_page
from trustsite.data import DataError


def on_files(files, config):
    docs = Path(config.docs_dir)
    for page in files.documentation_pages():
        shown = f"{docs.name}/{page.src_uri}"
        try:
            read_page(Path(page.abs_src_path), shown)
        except DataError as error:
            raise PluginError(str(error)) from None
    return files
