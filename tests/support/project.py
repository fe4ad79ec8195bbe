"""Copies of the project, their builds and what a build names: what the tests
of every tier build with."""

import os
import subprocess
import sys
import textwrap
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from trustsite.builders import BUILDERS, ZENSICAL_SETTING, zensical_program
from trustsite.settings import FileNames, load_settings
# The tests copy the project through here; the bench copies it too.
from trustsite_tools.project_copy import (ROOT, TEST_PROJECT, TEST_PROJECT_NAV, copy_project,  # noqa: F401
                                          nav_replaced, replace_nav, use_test_project)

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


# A methods file whose one row misspells a field on its line 3, and what the build says of it.
MISSPELT_FIELD = "- name: A method\n  description: What it is\n  importanse: Why it matters\n"
MISSPELT_MESSAGE = ("data/methods.yml, row 1 (line 3), field 'importanse': is not a known field; "
                    "use only: name, description, importance")


# Who stands behind the test project's article, named under mkdocs.yml's extra:
# as README.md ("Who stands behind the article") says, with text a page must escape.
CREDITS = {
    "publisher": {"name": "Riverside Clinic", "address": "1 <High> Street & Square",
                  "contact": "info@example.org", "url": "https://example.org/"},
    "authors": [{"name": "Jane Anne Smith", "role": "Clinical psychologist, PhD", "url": "https://example.org/jane"},
                {"name": "de la Cruz, Mary", "role": "<script>alert(1)</script>"}],
    "reviewers": [{"name": "Sam Lee", "role": "Family therapist", "url": "https://example.org/sam"}],
}


def name_credits(project: Path) -> Path:
    """`project` with CREDITS under its mkdocs.yml's extra:."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    settings = textwrap.indent(yaml.safe_dump(CREDITS, sort_keys=False, allow_unicode=True), "  ")
    assert text.count("\nextra:\n") == 1
    config.write_text(text.replace("\nextra:\n", "\nextra:\n" + settings), encoding="utf-8")
    return project


def expected_apa(project: Path) -> str:
    """The reference in APA 7 of a project named by CREDITS, written here from its
    settings: two authors; the site's name left out, as it is the title."""
    config = load_settings(project / "mkdocs.yml")
    day = config.published
    month = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")[day.month - 1]
    return (f"Smith, J. A., & de la Cruz, M. ({day.year}, {month} {day.day}). "
            f"{config.site_name}. {config.site_url}")


def change_config(project: Path, line: str, new_line: str) -> None:
    """Replace one line of the project's mkdocs.yml, which must be there."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(line + "\n") == 1, f"{line!r} is not one line of mkdocs.yml"
    config.write_text(text.replace(line + "\n", new_line + "\n"), encoding="utf-8")


def set_extra(project: Path, **settings: str | None) -> None:
    """The project's mkdocs.yml with each of `settings` under extra: given the
    YAML value written (such as '"2025-06-01"'), or taken out if None, whatever it said before."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("extra:\n") + 1
    kept, dropping = lines[:start], False
    for line in lines[start:]:
        # A setting's own line and, in YAML's block style, the more deeply indented lines under it.
        dropping = (dropping and line.startswith("   ")) or any(line.startswith(f"  {name}:") for name in settings)
        kept += [] if dropping else [line]
    added = [f"  {name}: {value}\n" for name, value in settings.items() if value is not None]
    config.write_text("".join(kept[:start] + added + kept[start:]), encoding="utf-8")


# `make build`'s command, after Python's.
BUILD = ("-m", "trustsite", "build")


def run_build(project: Path, *extra: str, env: dict | None = None,
              program: tuple[str, ...] = BUILD) -> BuildResult:
    """`make build`'s command, run in `project`.

    `program` is what Python runs instead of `-m trustsite build`, such as
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
