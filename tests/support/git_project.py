"""A project copy made a git repository with a history of its own: the
commits that built its pages, then corrections, each on a day of its own."""

import os
import subprocess
from pathlib import Path

from tests.support.article import as_first_publication
from tests.support.project import Build, build_project, copy_project, set_extra, use_test_project
from trustsite.original import ORIGINAL
from trustsite.sources import article_units

# The test project's own day of first publication, whatever the article's mkdocs.yml says.
PUBLISHED = "2025-01-21"
SENTENCE = "The test project's page, which the tests break."
CORRECTED = "The test project's page, which the tests correct."
ROW = "Method B | Describes method B | Why method B matters"
# A reason and a cell as a hostile or careless hand may write them: shown as written, never run.
CELL_REASON = "Fix method B's description <script>alert(1)</script>"
REFERENCE_REASON = "Correct the year of work B"
REFERENCE = ("Author, B. | {year} | Title of work B | Journal B | 11–20 | 10.5555/test-b | "
             "Claim B of the test page.")


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


def commit_the_first_publication(project: Path) -> None:
    """The sources as they stand recorded as first published, and committed as
    the commits that built the pages made them: the conclusion's sentence last,
    on the day of first publication, PUBLISHED, which mkdocs.yml is set to."""
    set_extra(project, published=f'"{PUBLISHED}"')
    record_first_publication(project)
    start_repository(project)
    conclusion = project / "docs" / "conclusion.md"
    finished = conclusion.read_text(encoding="utf-8")
    conclusion.write_text("# A test page\n", encoding="utf-8")
    commit(project, "Start the article", "2025-01-10")
    conclusion.write_text(finished, encoding="utf-8")
    commit(project, "Finish the article", PUBLISHED)


def build_corrected_project(folder: Path) -> Build:
    """The test project in `folder`, a repository whose commits built its pages
    (the conclusion's sentence last, on the day of first publication), then
    corrected a sentence, a table cell and a reference, each on a day of its
    own, with white space and a setting changed between: built."""
    project = use_test_project(copy_project(folder / "project"))
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + '\n{{ data_table("methods") }}\n', encoding="utf-8")
    commit_the_first_publication(project)
    replace_text(project, "docs/conclusion.md", SENTENCE, CORRECTED)
    commit(project, "Correct the test page's sentence", "2025-02-03")
    # White space alone, and the site's own settings: no correction.
    replace_text(project, "docs/index.md", "opening page, which", "opening page,\nwhich")
    replace_text(project, "mkdocs.yml", "strict: true", "strict: true  # every warning stops the build")
    commit(project, "Rewrap the opening page", "2025-02-10")
    replace_text(project, "data/methods.yml", "description: Describes method B\n",
                 "description: Describes method B & C\n")
    commit(project, CELL_REASON, "2025-03-05")
    replace_text(project, "data/references.yml", "year: 2002", "year: 2012")
    commit(project, REFERENCE_REASON, "2025-04-01")
    return build_project(project)
