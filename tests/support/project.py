"""Copies of the project, their builds and what a build names: what the tests
of every tier build with."""

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.project_copy import ROOT, copy_project  # noqa: F401  (the tests copy the project through here)
from trustsite.builders import BUILDERS, ZENSICAL_SETTING, zensical_program
from trustsite.settings import FileNames, load_settings
from trustsite.history import PAGE as CHANGES_PAGE
from trustsite.history import SITE_PAGES
from trustsite.whole_article import PAGE as WHOLE_ARTICLE_PAGE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEST_PROJECT = FIXTURES / "test-project"
# The test project's menu, which use_test_project puts in place of the article's.
TEST_PROJECT_NAV = [{"Introduction": "index.md"}, {"Conclusion": "conclusion.md"},
                    {"References": "references.md"}, {"Whole article on one page": WHOLE_ARTICLE_PAGE},
                    {"Changes since first publication": CHANGES_PAGE}]

# Zensical's own venv, which a project copy has not got.
ZENSICAL = zensical_program(ROOT)


@dataclass(frozen=True)
class Build:
    project: Path
    site: Path
    dist: Path
    builder: str = "mkdocs"

    @property
    def names(self) -> FileNames:
        """What this build named its downloads, from its mkdocs.yml."""
        return file_names(self.project)


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together, as a publisher sees them


def file_names(project: Path, site_url: str | None = None) -> FileNames:
    """The names a build of `project` gives its downloads, for the address
    `site_url` if the build was given one (SITE_URL)."""
    with pytest.MonkeyPatch.context() as patch:
        if site_url:
            patch.setenv("SITE_URL", site_url)
        return load_settings(project / "mkdocs.yml").file_names


def use_test_project(project: Path) -> Path:
    """`project` with the test project's own pages, menu and data files in place
    of the article's, for tests that name a row or a line: a publisher's edit
    moves none, and no page of the article is left to link into invented data.

    What the site adds (the one-page view, the changes page, the stylesheet) stays.
    """
    for page in (project / "docs").rglob("*.md"):
        if page.relative_to(project / "docs").as_posix() not in SITE_PAGES:
            page.unlink()
    for folder in ("docs", "data"):
        shutil.copytree(TEST_PROJECT / folder, project / folder, dirs_exist_ok=True)
    replace_nav(project, TEST_PROJECT_NAV)
    return project


def nav_replaced(config: str, nav: list[dict[str, str]]) -> str:
    """The text of a mkdocs.yml, `config`, with its menu made `nav`, the rest as it was."""
    lines = config.splitlines(keepends=True)
    start = lines.index("nav:\n")
    end = next(n for n in range(start + 1, len(lines)) if lines[n].strip() and not lines[n][0].isspace())
    entries = [f"  - {title}: {page}\n" for item in nav for title, page in item.items()]
    return "".join(lines[:start + 1] + entries + ["\n"] + lines[end:])


def replace_nav(project: Path, nav: list[dict[str, str]]) -> None:
    """The project's mkdocs.yml with its menu made `nav`."""
    config = project / "mkdocs.yml"
    config.write_text(nav_replaced(config.read_text(encoding="utf-8"), nav), encoding="utf-8")


# A methods file whose one row misspells a field on its line 3, and what the build says of it.
MISSPELT_FIELD = "- name: A method\n  description: What it is\n  importanse: Why it matters\n"
MISSPELT_MESSAGE = ("data/methods.yml, row 1 (line 3), field 'importanse': is not a known field; "
                    "use only: name, description, importance")


def change_config(project: Path, line: str, new_line: str) -> None:
    """Replace one line of the project's mkdocs.yml, which must be there."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(line + "\n") == 1, f"{line!r} is not one line of mkdocs.yml"
    config.write_text(text.replace(line + "\n", new_line + "\n"), encoding="utf-8")


def run_build(project: Path, *extra: str, env: dict | None = None,
              program: tuple[str, ...] = ("scripts/build.py",)) -> BuildResult:
    """`make build`'s command, run in `project`.

    `program` is what Python runs instead of scripts/build.py, such as
    ("-c", code) for code that changes something and then runs it.
    """
    result = subprocess.run(
        [sys.executable, *program, *extra],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", ZENSICAL_SETTING: str(ZENSICAL), **(env or {})},
    )
    return BuildResult(result.returncode, result.stdout + result.stderr)


def build_project(project: Path, builder: str = "mkdocs") -> Build:
    result = run_build(project, "--builder", builder)
    assert result.returncode == 0, result.output
    return Build(project, project / "site", project / "dist", builder)


# Tests of what a reader gets run on both builders' output: `@both_builders`
# (or `pytestmark = both_builders`) parametrises `built`, and so every fixture made from it.
both_builders = pytest.mark.parametrize("built", BUILDERS, indirect=True)

def unzip_offline_copy(archive_file: Path, folder: Path) -> Path:
    """The offline archive `archive_file`, unzipped into `folder` as a reader would: its one top folder."""
    with zipfile.ZipFile(archive_file) as archive:
        archive.extractall(folder)
    (top,) = folder.iterdir()
    return top
