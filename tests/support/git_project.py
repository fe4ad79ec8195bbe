"""A project copy made a git repository with a history of its own: the
commits that built its pages, then corrections, each on a day of its own."""

import os
import subprocess
from pathlib import Path

from tests.support.article import as_first_publication
from trustsite.original import ORIGINAL
from trustsite.sources import article_units


def git(project: Path, *arguments: str, day: str = "2025-01-01") -> str:
    """git's output for `arguments` in `project`, as a publisher's commit on `day` (YYYY-MM-DD)."""
    when = f"{day}T12:00:00+00:00"
    return subprocess.run(["git", "-c", "user.name=A publisher", "-c", "user.email=publisher@example.org",
                           "-c", "init.defaultBranch=main", *arguments], cwd=project, check=True,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}).stdout


def start_repository(project: Path) -> None:
    """`project` a git repository that leaves out what a build writes."""
    git(project, "init", "--quiet")
    (project / ".git" / "info" / "exclude").write_text("/site/\n/dist/\n__pycache__/\n", encoding="utf-8")


def commit(project: Path, message: str, day: str) -> None:
    git(project, "add", "--all", day=day)
    git(project, "commit", "--quiet", "--allow-empty", "--message", message, day=day)


def record_first_publication(project: Path) -> None:
    """The sources as they stand, written as the project's first publication."""
    (project / ORIGINAL).parent.mkdir(parents=True, exist_ok=True)
    (project / ORIGINAL).write_text(as_first_publication(article_units(project)), encoding="utf-8")


def replace_text(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {file} once"
    path.write_text(text.replace(old, new), encoding="utf-8")
