"""Shared fixtures: one real build of the project, and disposable copies of it."""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# What a project copy needs in order to build; everything else stays behind.
PROJECT_SOURCES = ["docs", "data", "overrides", "includes", "hooks", "trustsite",
                   "scripts", "macros.py", "mkdocs.yml"]


@dataclass(frozen=True)
class Build:
    project: Path
    site: Path
    dist: Path


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together, as a publisher sees them


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def run_build(project: Path, *extra: str, env: dict | None = None) -> BuildResult:
    """`make build`'s command, run in `project`."""
    result = subprocess.run(
        [sys.executable, "scripts/build.py", *extra],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    return BuildResult(result.returncode, result.stdout + result.stderr)


def build_project(project: Path) -> Build:
    result = run_build(project)
    assert result.returncode == 0, result.output
    return Build(project, project / "site", project / "dist")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Build:
    """The project as committed, built once for the whole session."""
    return build_project(copy_project(tmp_path_factory.mktemp("project")))
