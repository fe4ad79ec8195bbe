"""The one MkDocs plugin of the site: small adapters that must run inside MkDocs.

- Builds and previews: one-line errors and no chatter (log_rewrites.py).
- Under `mkdocs serve` (`make serve`) alone, which rebuilds on every save
  without the build driver (trustsite.build): the check stage's page rules
  (preview_checks.py), a mistake shown on every page rather than a stuck
  server (preview_server.py), and the publishing steps after each rebuild.

Its state is its own: MkDocs keeps one instance, which has on_startup, for all
the rebuilds of a `mkdocs serve`.
"""

import os
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from trustsite.plugin.log_rewrites import LogRewrites
from trustsite.plugin.plugin_config import TrustsiteConfig
from trustsite.plugin.preview_checks import check_encodings, check_page_jinja
from trustsite.plugin.preview_server import show_mistakes
from trustsite.history.corrections import PreviewHistory
from trustsite.publish import publish
from trustsite.settings import load_settings

# The MkDocs command that previews the site.
PREVIEW = "serve"


class TrustsitePlugin(BasePlugin[TrustsiteConfig]):
    def __init__(self) -> None:
        # A configuration loaded without the on_startup event (as some tests do) is a plain build.
        self.preview = False
        self.rewrites = LogRewrites()
        # The preview's corrections, made with its first rebuild, when the project is known.
        self.history: PreviewHistory | None = None

    def on_startup(self, *, command, dirty):
        # MkDocs names its command ("build", "gh-deploy" or "serve") only here.
        self.preview = command == PREVIEW
        self.rewrites.quiet_macros()

    def on_shutdown(self):
        self.rewrites.remove()

    def on_config(self, config):
        # In a preview a mistake must not stop the server: mkdocs-macros would exit
        # the process. The error is still shown, and the next save rebuilds.
        if self.preview:
            config.plugins[self.config.macros_plugin].config["on_error_fail"] = False
        self.rewrites.rewrite_for(config.docs_dir)

    def on_files(self, files, *, config):
        if self.preview:
            check_encodings(files, config)
        return files

    # mkdocs-macros renders the page at the default priority, 0.
    @event_priority(100)
    def on_page_markdown(self, markdown, *, page, config, files):
        if self.preview:
            check_page_jinja(page, config, config.plugins[self.config.macros_plugin])
        return markdown

    def on_serve(self, server, *, config, builder):
        return show_mistakes(server, builder)

    def on_post_build(self, *, config):
        # The publishing steps, so the preview shows what a build publishes; it
        # gets no policy (its live-reload script would be refused) and no service worker.
        if self.preview:
            config_file = Path(config.config_file_path)
            if self.history is None:
                self.history = PreviewHistory(config_file.parent)
            publish(Path(config.site_dir), load_settings(config_file), offline_copy=False, pdf=False,
                    epoch=int(os.environ.get("SOURCE_DATE_EPOCH", "0")), history=self.history(), preview=True)
