"""Search on first use (online site only): pages fetch the search settings, and
the documents only when the reader first focuses the search box.

The offline copy keeps the whole index: from file:// Material reads it only
when search opens, and it costs no download.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from trustsite.build_kind import is_offline
from trustsite.search_index import split_search_index


# After the search plugin has written the index (it runs at the default priority).
@event_priority(-50)
def on_post_build(config):
    if not is_offline(config):
        split_search_index(Path(config.site_dir) / "search")
