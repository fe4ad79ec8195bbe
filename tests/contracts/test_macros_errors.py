"""mkdocs-macros' own words for a macro call that fails, as trustsite/messages.py reads them.

The build rewrites mkdocs-macros' report of a failing macro call (a Markdown
report and a traceback) as "docs/page.md, line N: …", finding the page and
the kind of error by MACROS_PAGE and MACROS_ERROR. A release that words its
report otherwise would let a traceback through to a publisher. So a tiny
project with a failing call and a broken one is built here, and each raw
report must still have the shape the rewrite reads.
"""

import logging

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from trustsite.messages import MACROS_ERROR, MACROS_LOGGER, MACROS_PAGE, KeptMessages

CONFIG = """site_name: Contract
theme: mkdocs
plugins:
  - macros:
      module_name: contract_macros
"""
MACROS = '''def define_env(env):
    @env.macro
    def refuses():
        raise ValueError("a row is missing its title")
'''
# Each page, with the kind of error mkdocs-macros names for it.
PAGES = {"rendering.md": ("# Rendering\n\n{{ refuses() }}\n", "Rendering"),
         "syntax.md": ("# Syntax\n\n{{ unclosed(\n", "Syntax")}


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[str]:
    """mkdocs-macros' raw messages for a project whose pages hold PAGES."""
    project = tmp_path_factory.mktemp("macros-contract")
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (project / "contract_macros.py").write_text(MACROS, encoding="utf-8")
    for name, (text, _) in PAGES.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    kept = KeptMessages()
    logger = logging.getLogger(MACROS_LOGGER)
    # Our own rewriting, if an earlier build in this process loaded the hooks: mkdocs-macros' words are wanted raw.
    ours, level = list(logger.filters), logger.level
    for rewrite in ours:
        logger.removeFilter(rewrite)
    logger.addHandler(kept)
    logger.setLevel(logging.WARNING)
    try:
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    finally:
        logger.removeHandler(kept)
        logger.setLevel(level)
        for rewrite in ours:
            logger.addFilter(rewrite)
    return kept.messages


@pytest.mark.parametrize("page", PAGES)
def test_mkdocs_macros_reports_a_failing_call_as_the_rewrite_reads_it(reports, page):
    about = [message for message in reports if (found := MACROS_PAGE.search(message)) and found[1] == page]
    assert about, (f"mkdocs-macros no longer names the page {page!r} as trustsite/messages.py's MACROS_PAGE, "
                   f"{MACROS_PAGE.pattern!r}, reads it; it said: {[message[:300] for message in reports]}")
    kinds = {found[1] for message in about if (found := MACROS_ERROR.search(message))}
    assert kinds == {PAGES[page][1]}, (f"mkdocs-macros no longer names a {PAGES[page][1]} error as "
                                       f"trustsite/messages.py's MACROS_ERROR, {MACROS_ERROR.pattern!r}, "
                                       f"reads it; it said: {[message[:300] for message in about]}")
