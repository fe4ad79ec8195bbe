"""A section's two names, as README.md's "Rename a section" tells a publisher:
the heading on its page, and the name its entry in mkdocs.yml's menu may give
it, which is the menu's, the browser tab's and the link preview's. An entry
without a name of its own takes the heading, so the section has one name."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.article import built_page, site_path
from tests.support.project import build_project, copy_project, use_test_project
from trustsite.builders import BUILDERS

# The test project's page (conftest.use_test_project).
PAGE = "conclusion.md"


def name_in_menu(project: Path, name: str | None) -> None:
    """The menu entry of PAGE given `name`, or no name of its own (None)."""
    config = project / "mkdocs.yml"
    entry = re.compile(rf"^(\s*- ).*: {re.escape(PAGE)}$", re.MULTILINE)
    text, count = entry.subn(lambda found: found[1] + (f"{name}: {PAGE}" if name else PAGE),
                             config.read_text(encoding="utf-8"))
    assert count == 1, f"no one menu entry names {PAGE}"
    config.write_text(text, encoding="utf-8")


def heading(project: Path) -> str:
    """The page's own `# heading`, as its Markdown says it."""
    lines = (project / "docs" / PAGE).read_text(encoding="utf-8").splitlines()
    return next(line.removeprefix("# ") for line in lines if line.startswith("# "))


def names_shown(site: Path) -> dict[str, str]:
    """Where a reader sees the page's name: its heading, the tab, the link preview
    and the menu of the first page."""
    page = BeautifulSoup(built_page(site, PAGE).read_text(encoding="utf-8"), "html.parser")
    first = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    (menu,) = {link.get_text(" ", strip=True) for link in first.select("nav.md-nav--primary a[href]")
               if link["href"].rstrip("/").endswith(site_path(PAGE).rstrip("/"))}
    return {
        "heading": next(page.h1.stripped_strings),
        "tab": page.title.string.split(" - ")[0],
        "preview": page.find("meta", property="og:title")["content"],
        "menu": menu,
    }


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_menu_entry_without_a_name_shows_the_heading_everywhere(tmp_path, builder):
    project = use_test_project(copy_project(tmp_path / "project"))
    name_in_menu(project, None)
    shown = names_shown(build_project(project, builder).site)
    assert shown == dict.fromkeys(shown, heading(project))


def test_a_name_in_the_menu_leaves_the_heading_as_it_is(tmp_path):
    """Why README.md says to rename a section in both places, or in its heading alone."""
    project = use_test_project(copy_project(tmp_path / "project"))
    name_in_menu(project, "A renamed section")
    shown = names_shown(build_project(project).site)
    assert shown == {"heading": heading(project), "tab": "A renamed section",
                     "preview": "A renamed section", "menu": "A renamed section"}
