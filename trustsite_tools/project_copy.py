"""Copies of the project, for the tests, the bench and the drill: what a
build needs, and what the Pages workflow's `make test` needs besides."""

import shlex
import shutil
from pathlib import Path

from trustsite.history import PAGE as CHANGES_PAGE
from trustsite.history import SITE_PAGES
from trustsite.whole_article import PAGE as WHOLE_ARTICLE_PAGE

ROOT = Path(__file__).resolve().parent.parent
# What a project copy needs in order to build; everything else stays behind.
# original/ is the publisher's record of the first publication (make check-original).
PROJECT_SOURCES = ["docs", "data", "overrides", "includes", "trustsite", "macros.py", "mkdocs.yml", "original"]
# What the workflow needs beyond what a build needs: the tests, their tools and the commands,
# the requirements with their locks, which the tests compare, and the two
# documents, which the tests hold to the commands and settings.
WORKFLOW_SOURCES = ["tests", "trustsite_tools", "scripts", "pyproject.toml", "pytest.ini", "Makefile", ".github", "requirements.in", "requirements.txt",
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


def make_command(arguments: str) -> list[str]:
    """`make arguments` (a target, then any variables, as a shell reads them),
    told that the shared environments are installed already."""
    return ["make", *[part for shared in SHARED for part in ("-o", f"{shared}/.installed")], *shlex.split(arguments)]


FIXTURES = ROOT / "tests" / "fixtures"
TEST_PROJECT = FIXTURES / "test-project"
# The test project's menu, which use_test_project puts in place of the article's.
TEST_PROJECT_NAV = [{"Introduction": "index.md"}, {"Conclusion": "conclusion.md"},
                    {"References": "references.md"}, {"Whole article on one page": WHOLE_ARTICLE_PAGE},
                    {"Changes since first publication": CHANGES_PAGE}]


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
