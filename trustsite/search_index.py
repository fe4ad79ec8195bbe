"""Split the search index so a page can load without the article's text.

Material fetches search/search_index.json on every page load. After the split
that file keeps only the search settings (all the page needs to highlight
terms), and the documents move to search/search_docs.json, which the reader's
browser fetches when they first use the search box (see
overrides/assets/javascripts/search-on-first-use.js).
"""

import json
from pathlib import Path

INDEX_FILE = "search_index.json"
DOCS_FILE = "search_docs.json"


def _dump(value) -> str:
    # The search plugin's own form: compact, keys in their given order.
    return json.dumps(value, separators=(",", ":"), default=str)


def split_search_index(folder: Path) -> None:
    """Move the documents of `folder`/search_index.json into `folder`/search_docs.json."""
    index_path = folder / INDEX_FILE
    index = json.loads(index_path.read_text(encoding="utf-8"))
    (folder / DOCS_FILE).write_text(_dump(index["docs"]), encoding="utf-8")
    index_path.write_text(_dump({**index, "docs": []}), encoding="utf-8")
