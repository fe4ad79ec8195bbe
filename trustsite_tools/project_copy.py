"""Copies of the project, for the tests and for scripts/drill.py: what a
build needs, and what the Pages workflow's `make test` needs besides."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a project copy needs in order to build; everything else stays behind.
PROJECT_SOURCES = ["docs", "data", "overrides", "includes", "hooks", "trustsite",
                   "scripts", "macros.py", "mkdocs.yml"]
# What the workflow needs beyond what a build needs: the tests and the commands,
# the requirements with their locks, which the tests compare, and the two
# documents, which the tests hold to the commands and settings.
WORKFLOW_SOURCES = ["tests", "pytest.ini", "Makefile", ".github", "requirements.in", "requirements.txt",
                    "requirements-zensical.in", "requirements-zensical.txt", "package.json", "package-lock.json",
                    "README.md", "ARCHITECTURE.md"]
# The installed environments, shared with a copy rather than reinstalled:
# make in the copy must not remake them (`make -o .venv/.installed`, see make_command).
SHARED = [".venv", ".venv-zensical", "node_modules"]


def copy_project(dest: Path, *extra: str) -> Path:
    """The project's PROJECT_SOURCES copied into `dest`, and the files or folders
    `extra` names (the Makefile, the tests), without Python's or pytest's caches."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in [*PROJECT_SOURCES, *extra]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def copy_with_tests(dest: Path) -> Path:
    """A copy that runs the workflow's make commands, on the shared environments."""
    copy_project(dest, *WORKFLOW_SOURCES)
    for name in SHARED:
        (dest / name).symlink_to((ROOT / name).resolve())
    return dest


def make_command(target: str) -> list[str]:
    """`make target`, told that the shared environments are installed already."""
    return ["make", *[part for shared in SHARED for part in ("-o", f"{shared}/.installed")], target]
