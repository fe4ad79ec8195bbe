"""Refuse a page that is not UTF-8 with one line naming the file and line.

MkDocs would report it twice, with a byte offset a publisher cannot act on.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from trustsite.data import DataError, decode_utf8


def on_files(files, config):
    docs = Path(config.docs_dir)
    for page in files.documentation_pages():
        try:
            decode_utf8(Path(page.abs_src_path).read_bytes(), f"{docs.name}/{page.src_uri}")
        except DataError as error:
            raise PluginError(str(error)) from None
    return files
