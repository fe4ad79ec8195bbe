"""README.md (for publishers) and ARCHITECTURE.md (for maintainers) keep up
with what they describe: every `make` command, every setting a publisher may
put under mkdocs.yml's `extra:`, every README section a build message
sends a publisher to, and the sizes the build refuses past. Each rule is read from the Makefile, mkdocs.yml and the
package's code, never from the documents' present wording."""

import re

from tests.support.project import ROOT
from trustsite.check import MOST_MARKDOWN, MOST_PAGES
from trustsite.data import LARGEST_DATA_FILE
from trustsite.page_jinja import LARGEST_PAGE
from trustsite.feedback import SETTING as FEEDBACK_SETTING
from trustsite.review import SETTING as REVIEW_SETTING
from trustsite.credits import AUTHORS, PUBLISHER, REVIEWERS
from trustsite.service_worker import SETTING as OFFLINE_SETTING
from trustsite.settings import FILE_NAME_SETTING, load_settings

# The Makefile's own help: "## target: what it does".
MAKE_TARGET_HELP = re.compile(r"^## ([\w-]+):", re.M)
# How a message names a README section: (README.md, "Write").
README_SECTION_REFERENCE = re.compile(r'README\.md, \\?"([^"\\]+)\\?"')
MARKDOWN_HEADING = re.compile(r"^#{1,6} +(.+?) *$", re.M)


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def commands_shown(document: str, targets: set[str]) -> set[str]:
    return {target for target in targets if re.search(rf"\bmake\s+{re.escape(target)}\b", document)}


def headings(document: str) -> set[str]:
    return set(MARKDOWN_HEADING.findall(re.sub(r"^(`{3,}).*?^\1", "", document, flags=re.M | re.S)))


def test_every_make_command_is_in_one_of_the_documents():
    targets = set(MAKE_TARGET_HELP.findall(text("Makefile")))
    assert targets, "the Makefile's ## help lines were not found"
    shown = commands_shown(text("README.md") + text("ARCHITECTURE.md"), targets)
    assert targets - shown == set(), "make commands neither README.md nor ARCHITECTURE.md mentions"


def test_every_publisher_setting_is_in_the_readme():
    """mkdocs.yml's extra: settings, and those the code reads there that are
    commented out by default, each named in README.md."""
    settings = set(load_settings(ROOT / "mkdocs.yml").extra) | {FILE_NAME_SETTING, OFFLINE_SETTING, REVIEW_SETTING,
                                                                   FEEDBACK_SETTING, PUBLISHER, AUTHORS, REVIEWERS}
    readme = text("README.md")
    assert {setting for setting in settings if not re.search(rf"\b{setting}\b", readme)} == set()


def test_every_readme_section_a_message_names_is_a_heading():
    referenced = {
        (path.relative_to(ROOT).as_posix(), section)
        for path in (ROOT / "trustsite").rglob("*.py")
        for section in README_SECTION_REFERENCE.findall(path.read_text(encoding="utf-8"))
    }
    assert referenced, "no message names a README section: the pattern no longer matches the code"
    present = headings(text("README.md"))
    assert {(path, section) for path, section in referenced if section not in present} == set()


def test_the_readme_states_the_sizes_the_build_refuses_past():
    megabyte = 2**20
    stated = (f"up to {LARGEST_DATA_FILE / megabyte:g} MB; a page, {LARGEST_PAGE / megabyte:g} MB; "
              f"`docs/`, {MOST_PAGES} pages, {MOST_MARKDOWN / megabyte:g} MB.")
    assert stated in " ".join(text("README.md").split())
