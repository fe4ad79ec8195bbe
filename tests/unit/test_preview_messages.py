"""The preview's words: mkdocs-macros' INFO chatter shown only with --verbose,
and the error page showing a message as text."""

import importlib.util
import logging

import pytest

from tests.support.project import ROOT
from trustsite.preview_error import error_page


def load_clean_errors_hook():
    spec = importlib.util.spec_from_file_location("clean_errors_under_test", ROOT / "hooks" / "clean_errors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("mkdocs_level, macros_info_shown", [(logging.INFO, False), (logging.DEBUG, True)])
def test_verbose_mode_still_shows_the_macros_chatter(mkdocs_level, macros_info_shown):
    hook = load_clean_errors_hook()
    mkdocs, macros = logging.getLogger("mkdocs"), logging.getLogger(hook.MACROS_LOGGER)
    saved = mkdocs.level, macros.level
    try:
        mkdocs.setLevel(mkdocs_level)  # what `mkdocs serve` does without and with --verbose
        macros.setLevel(logging.NOTSET)
        hook.on_startup(command="serve", dirty=False)
        assert macros.isEnabledFor(logging.INFO) == macros_info_shown
        assert macros.isEnabledFor(logging.WARNING)
    finally:
        mkdocs.setLevel(saved[0])
        macros.setLevel(saved[1])


def test_the_error_page_shows_a_message_as_text():
    page = error_page(['docs/a.md, line 2: the link \'<script>alert(1)</script>\' goes to no page of the site'])
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
