"""The preview's words: mkdocs-macros' INFO chatter shown only with --verbose,
and the error page showing a message as text."""

import logging

import pytest

from trustsite.plugin.log_rewrites import MACROS_LOGGER
from trustsite.plugin.site_plugin import TrustsitePlugin
from trustsite.preview_error import error_page


@pytest.mark.parametrize("mkdocs_level, macros_info_shown", [(logging.INFO, False), (logging.DEBUG, True)])
def test_verbose_mode_still_shows_the_macros_chatter_and_the_plugin_puts_its_level_back(mkdocs_level, macros_info_shown):
    mkdocs, macros = logging.getLogger("mkdocs"), logging.getLogger(MACROS_LOGGER)
    saved = mkdocs.level, macros.level
    plugin = TrustsitePlugin()
    try:
        mkdocs.setLevel(mkdocs_level)  # what `mkdocs serve` does without and with --verbose
        macros.setLevel(logging.NOTSET)
        plugin.on_startup(command="serve", dirty=False)
        assert macros.isEnabledFor(logging.INFO) == macros_info_shown
        assert macros.isEnabledFor(logging.WARNING)
        plugin.on_shutdown()
        # mkdocs-macros' logger is another library's: as it was once the plugin's builds are over.
        assert macros.level == logging.NOTSET
    finally:
        mkdocs.setLevel(saved[0])
        macros.setLevel(saved[1])


def test_the_error_page_shows_a_message_as_text():
    page = error_page(['docs/a.md, line 2: the link \'<script>alert(1)</script>\' goes to no page of the site'])
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
