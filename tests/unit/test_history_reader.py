"""Reading the corrections from a repository's history (trustsite/history/):
which commits are corrections, what each changed, and the one line said
where the history cannot be read, within bounds a hostile repository cannot
break. Small repositories of the test project's sources; no build."""

import subprocess
import time
from datetime import date

import pytest

from tests.support.git_project import (commit, commit_the_first_publication, git, record_first_publication,
                                      replace_text, start_repository)
from tests.support.project import copy_project, use_test_project
from trustsite.history import PAGE as CHANGES_PAGE
from trustsite.history import Change, History
from trustsite.history.corrections import PreviewHistory, read_history
from trustsite.history.git_history import LONGEST_REASON, Limits
from trustsite.original import ORIGINAL, differences, original_units
from trustsite.sources import article_pages, article_units
from trustsite.whole_article import PAGE as WHOLE_ARTICLE_PAGE

SENTENCE = "The test project's page, which the tests break."
TYPO = "The test project's page, which the tests braek."


@pytest.fixture
def project(tmp_path):
    """The test project, its sources as first published, in a repository of its own not yet committed."""
    project = use_test_project(copy_project(tmp_path / "project"))
    record_first_publication(project)
    start_repository(project)
    return project


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> History:
    project = use_test_project(copy_project(tmp_path_factory.mktemp("history") / "project"))
    commit_the_first_publication(project)
    conclusion = project / "docs" / "conclusion.md"
    replace_text(project, "docs/conclusion.md", SENTENCE, TYPO)
    commit(project, "Publish the conclusion with a typo", "2025-02-01")
    # Back to sources already read: a correction all the same.
    replace_text(project, "docs/conclusion.md", TYPO, SENTENCE)
    commit(project, "Correct the typo", "2025-02-02")
    # The site's labelled note, and white space: no correction.
    conclusion.write_text(conclusion.read_text(encoding="utf-8") + "\nA note.\n{ .editor-note }\n\n\n",
                          encoding="utf-8")
    commit(project, "Add an editor's note", "2025-02-03")
    return read_history(project)


def test_a_correction_changes_what_the_publisher_wrote(history):
    assert history.missing is None
    assert [(c.number, c.day, c.reason) for c in history.corrections] == [
        (1, date(2025, 2, 1), "Publish the conclusion with a typo"), (2, date(2025, 2, 2), "Correct the typo")]
    assert history.corrections[0].changes == (Change("conclusion.md", "Conclusion", SENTENCE, TYPO),)
    assert history.corrections[1].changes == (Change("conclusion.md", "Conclusion", TYPO, SENTENCE),)


def test_the_last_update_is_the_newest_correction_after_first_publication(history):
    assert history.last_updated("conclusion.md", date(2025, 1, 21)) == date(2025, 2, 2)
    assert history.last_updated(None, date(2025, 1, 21)) == date(2025, 2, 2)
    # The one-page view shows every page; the changes page is none of the article's.
    assert history.last_updated(WHOLE_ARTICLE_PAGE, date(2025, 1, 21)) == date(2025, 2, 2)
    assert history.last_updated(CHANGES_PAGE, date(2025, 1, 21)) is None
    assert history.last_updated("index.md", date(2025, 1, 21)) is None
    # A first publication dated after the correction: nothing later to show.
    assert history.last_updated("conclusion.md", date(2025, 2, 2)) is None


def test_a_preview_reads_the_history_again_only_when_a_commit_or_the_first_publication_changes(monkeypatch,
                                                                                              tmp_path):
    project = use_test_project(copy_project(tmp_path / "project"))
    commit_the_first_publication(project)
    reads = []
    monkeypatch.setattr("trustsite.history.corrections.read_history",
                        lambda *arguments: reads.append(arguments) or read_history(*arguments))
    preview = PreviewHistory(project)
    first = preview()
    # A page saved, not committed: the same history, not read again.
    replace_text(project, "docs/conclusion.md", SENTENCE, TYPO)
    assert preview() is first and len(reads) == 1
    commit(project, "Publish the conclusion with a typo", "2025-02-01")
    assert [correction.reason for correction in preview().corrections] == ["Publish the conclusion with a typo"]
    (project / ORIGINAL).write_text("", encoding="utf-8")
    assert preview().missing and len(reads) == 3


def test_not_a_repository_says_so_in_one_line(tmp_path):
    project = use_test_project(copy_project(tmp_path / "project"))
    record_first_publication(project)
    assert read_history(project) == History(missing="this folder is not a git repository (a download, or a copy)")


def test_a_shallow_clone_says_so(project, tmp_path):
    commit(project, "The article", "2025-01-21")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", project.as_uri(), str(clone)], check=True,
                   capture_output=True, timeout=60)
    assert "shallow clone" in read_history(clone).missing


def test_without_git_or_a_first_publication_it_says_so(project, monkeypatch):
    commit(project, "The article", "2025-01-21")
    (project / ORIGINAL).unlink()
    assert "no first publication" in read_history(project).missing
    record_first_publication(project)
    monkeypatch.setenv("PATH", str(project / "nowhere"))
    assert read_history(project).missing == "git is not installed"


def test_a_hostile_history_is_read_within_bounds(project):
    commit(project, "The article", "2025-01-21")
    replace_text(project, "docs/conclusion.md", SENTENCE, TYPO)
    message = project.parent / "message.txt"
    message.write_text("x" * 1_000_000, encoding="utf-8")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--file", str(message), day="2025-02-01")
    (correction,) = read_history(project).corrections
    assert len(correction.reason) <= LONGEST_REASON
    # Too much output, too many commits: one line, never a hang.
    assert "said more than" in read_history(project, Limits(output=100)).missing
    assert "no commit of docs/ and data/ matches" in read_history(project, Limits(commits=1)).missing


@pytest.mark.parametrize("behaviour, said", [("exec sleep 60", "took more than 0.5 s"),
                                             ("exec yes", "said more than 1,000 bytes")])
def test_a_git_that_hangs_or_never_stops_is_stopped(project, monkeypatch, behaviour, said):
    commit(project, "The article", "2025-01-21")
    impostor = project.parent / "bin"
    impostor.mkdir()
    (impostor / "git").write_text(f"#!/bin/sh\n{behaviour}\n", encoding="utf-8")
    (impostor / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{impostor}:/usr/bin:/bin")
    started = time.monotonic()
    assert said in read_history(project, Limits(seconds=0.5, output=1000)).missing
    assert time.monotonic() - started < 10


def test_a_commit_whose_sources_do_not_read_is_passed_over(project):
    commit(project, "The article", "2025-01-21")
    (project / "data" / "methods.yml").write_text("- name: [unclosed\n", encoding="utf-8")
    commit(project, "Break the methods table", "2025-02-01")
    replace_text(project, "docs/conclusion.md", SENTENCE, TYPO)
    git(project, "checkout", "HEAD~1", "--", "data/methods.yml")
    commit(project, "Mend the table, and a typo", "2025-02-02")
    assert [(c.reason, c.changes) for c in read_history(project).corrections] == [
        ("Mend the table, and a typo", (Change("conclusion.md", "Conclusion", SENTENCE, TYPO),))]


def test_the_changes_page_is_no_part_of_the_article(project):
    # In the menu, yet neither a section of the article nor a difference for `make check-original`.
    assert CHANGES_PAGE in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert CHANGES_PAGE not in article_pages(project)
    original = original_units((project / ORIGINAL).read_text(encoding="utf-8"))
    assert differences(original, article_units(project)) == []
