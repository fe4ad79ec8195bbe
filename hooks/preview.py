"""The publishing steps for the preview too, so `mkdocs serve` shows what a build publishes.

`mkdocs serve` rebuilds on every save without scripts/build.py, so it runs the
steps here, after each rebuild, over its own folder; the preview gets no
policy (its live-reload script would be refused) and no service worker.
"""

import os
from pathlib import Path

from trustsite.build_kind import is_preview
from trustsite.history.corrections import read_history
from trustsite.publish import publish
from trustsite.settings import load_settings


def on_post_build(config):
    if is_preview():
        config_file = Path(config.config_file_path)
        publish(Path(config.site_dir), load_settings(config_file), offline_copy=False, pdf=False,
                epoch=int(os.environ.get("SOURCE_DATE_EPOCH", "0")), history=read_history(config_file.parent),
                preview=True)
