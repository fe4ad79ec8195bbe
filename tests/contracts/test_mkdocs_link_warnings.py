"""MkDocs' own words for a link it cannot follow, as trustsite/messages.py reads them.

The build rewrites MkDocs' link warnings as "docs/page.md, line N: …". Those
warnings are MkDocs' text, not ours: a release that words them otherwise would
let them through unrewritten, far from this cause. So a tiny project with
broken links is built here through MkDocs' API, and each raw warning must
still have the shape the rewrite expects.
"""

import logging

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from trustsite.messages import _MKDOCS_LINK, _NO_ANCHOR, _NOT_FOUND, KeptMessages, LinkProblems

# The logger MkDocs warns of links on, which the plugin filters (trustsite/plugin/log_rewrites.py).
LINKS_LOGGER = "mkdocs.structure.pages"
CONFIG = """site_name: Contract
theme: mkdocs
validation:
  anchors: warn
"""
# Each broken link on a line of its own: (link, the problem's pattern, what the rewrite says).
LINKS = {
    "missing.md": (_NOT_FOUND, "docs/index.md, line 3: the link 'missing.md' goes to no page of the site"),
    "other.md#nowhere": (_NO_ANCHOR, "docs/index.md, line 5: the link 'other.md#nowhere' goes to no heading of 'other.md'"),
}


@pytest.fixture(scope="module")
def warnings(tmp_path_factory) -> tuple[list[str], LinkProblems]:
    """MkDocs' raw link warnings for a project whose home page holds LINKS."""
    project = tmp_path_factory.mktemp("contract")
    docs = project / "docs"
    docs.mkdir()
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n" + "".join(f"\n[A link]({link})\n" for link in LINKS),
                                   encoding="utf-8")
    (docs / "other.md").write_text("# Other\n", encoding="utf-8")
    kept = KeptMessages()
    logger = logging.getLogger(LINKS_LOGGER)
    # Our own rewriting, if an earlier build in this process left the plugin's: MkDocs' words are wanted raw.
    ours = list(logger.filters)
    for rewrite in ours:
        logger.removeFilter(rewrite)
    logger.addHandler(kept)
    try:
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    finally:
        logger.removeHandler(kept)
        for rewrite in ours:
            logger.addFilter(rewrite)
    return kept.messages, LinkProblems(docs)


@pytest.mark.parametrize("link", LINKS)
def test_mkdocs_words_a_broken_link_as_the_rewrite_reads_it(warnings, link):
    messages, problems = warnings
    about = [message for message in messages if f"'{link}'" in message]
    assert about, f"MkDocs gave no warning naming the link {link!r} on logger {LINKS_LOGGER}; it said: {messages}"
    (raw,) = about
    found = _MKDOCS_LINK.fullmatch(raw)
    assert found, (f"MkDocs' link warning no longer has the shape trustsite/messages.py reads, "
                   f"_MKDOCS_LINK = {_MKDOCS_LINK.pattern!r}; MkDocs said: {raw!r}")
    pattern, rewritten = LINKS[link]
    assert pattern.fullmatch(found["problem"]), (
        f"MkDocs words the problem with {link!r} otherwise than trustsite/messages.py reads it, "
        f"{pattern.pattern!r}; MkDocs said: {found['problem']!r}")
    assert problems.rewrite(raw) == rewritten
