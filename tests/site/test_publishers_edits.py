"""A publisher's corrections publish: the README's edits, made in a copy of the
project, pass the Pages workflow's own test and build commands and reach the
built site; `make check-original` lists each of them. That it lists nothing
on the repository as it is, is for this repository's CI to say (.ci/run),
never `make test`, which a publisher's corrected copy must pass.

The workflow's test job runs `make test` on each half of the tiers: the
whole suite, which this test is part of. So the copy runs each with PYTEST_ADDOPTS
selecting the tests marked `sources`, the ones that judge the site by the
project's pages and data (fidelity, tables, references, one-file edition,
one-page view, PDF, structure). The rest judge the generator with their own
inputs, and are the same for any words. The build command, `make pdf`, runs
as it is.
"""

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support.article import as_first_publication, built_page, plain_sentence, reading_text
from tests.support.project import ROOT
from trustsite.original import ORIGINAL, differences, original_units
from trustsite.sources import article_pages, article_units, page_units
from trustsite_tools import publisher_edits
from trustsite_tools.project_copy import copy_with_tests, make_command

NEW_ROW = ("Shared Humour", "Laughing together where it fits", "Eases tension and builds closeness")
NEW_REFERENCE = {"id": "doe-2024", "authors": "Doe, J., & Roe, R.", "year": 2024,
                 "title": "A reference added by a publisher", "container": "Journal of Examples",
                 "volume": 7, "issue": 3, "pages": "101–120", "doi": "10.5555/example.2024",
                 "supports": "That a new reference reaches the References page."}
NEW_FIRST_SENTENCE = "This opening sentence was rewritten by the page's publisher."


@dataclass(frozen=True)
class Edit:
    file: str   # from the project's root
    line: int
    old: str    # the unit as it was, "" for one added
    new: str


def workflow_commands() -> tuple[list[str], list[str]]:
    """The make commands of the Pages workflow's build job, and of each of its test jobs, after their setup.

    The test job is a matrix: its `${{ matrix.<key> }}` expressions are filled
    in from each entry, as GitHub fills them in.
    """
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))["jobs"]

    def make_steps(job: dict) -> list[str]:
        # Not the setup's `make .venv/.installed`, which the copy shares.
        return [run for step in job["steps"] if (run := step.get("run", "").strip()).startswith("make ")
                and not run.startswith("make .")]

    def filled(command: str, entry: dict) -> str:
        for key, value in entry.items():
            command = command.replace("${{ matrix.%s }}" % key, str(value))
        assert "${{" not in command, command
        return command

    test_job = jobs["test"]
    tests = [filled(command, entry) for entry in test_job["strategy"]["matrix"]["include"]
             for command in make_steps(test_job)]
    return make_steps(jobs["build"]), tests


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def replace_once(project: Path, file: str, old: str, new: str) -> int:
    """Replace `old`, which must be in `file` once, and give the line it was on."""
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (file, old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return line_of(text, old)


def fix_a_typo(project: Path) -> Edit:
    """The README's example, "smoothens" to "smooths"; once that is fixed, another sentence."""
    for page in article_pages(project):
        for unit in [unit for unit in page_units(project, page) if "smoothens" in unit.text]:
            line = replace_once(project, unit.file, "smoothens", "smooths")
            return Edit(unit.file, line, unit.text, unit.text.replace("smoothens", "smooths"))
    unit = plain_sentence(project)
    new = unit.text.removesuffix(".") + ", as corrected."
    return Edit(unit.file, replace_once(project, unit.file, unit.text, new), unit.text, new)


def change_a_cell(project: Path) -> Edit:
    """The first row's importance, in data/methods.yml, reworded, and written in
    quotes whether or not the publisher quoted it."""
    path = project / "data" / "methods.yml"
    text = path.read_text(encoding="utf-8")
    cells = {key.value: value for key, value in yaml.compose(text, Loader=yaml.SafeLoader).value[0].value}
    old = cells["importance"]
    new = f"{old.value}, in time"
    path.write_text(text[:old.start_mark.index] + json.dumps(new, ensure_ascii=False) + text[old.end_mark.index:],
                    encoding="utf-8")
    name, description = cells["name"].value, cells["description"].value
    return Edit("data/methods.yml", old.start_mark.line + 1, f"{name} {description} {old.value}",
                f"{name} {description} {new}")


def add_a_row(project: Path) -> Edit:
    path = project / "data" / "components.yml"
    # A file saved without a newline at its end takes the row on a line of its own.
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    row = "- name: {}\n  description: {}\n  importance: {}\n".format(*NEW_ROW)
    path.write_text(text + row, encoding="utf-8")
    return Edit("data/components.yml", text.count("\n") + 1, "", " ".join(NEW_ROW))


def add_a_reference(project: Path) -> None:
    path = project / "data" / "references.yml"
    entry = "\n".join(f"  {key}: {value!r}" if isinstance(value, int) else f'  {key}: "{value}"'
                      for key, value in NEW_REFERENCE.items())
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n-" + entry[1:] + "\n", encoding="utf-8")


def rewrite_a_first_sentence(project: Path) -> tuple[str, Edit]:
    """The first sentence of the first section after the opening page whose
    paragraph starts as plain text, replaced by NEW_FIRST_SENTENCE."""
    page, line, first = publisher_edits.first_sentence(project, article_pages(project)[1:])
    replace_once(project, f"docs/{page}", first, NEW_FIRST_SENTENCE)
    return page, Edit(f"docs/{page}", line, first, NEW_FIRST_SENTENCE)


def run(project: Path, command: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(make_command(command.removeprefix("make ")), cwd=project, capture_output=True,
                          text=True, timeout=900, env={**os.environ, **env})


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    project = copy_with_tests(tmp_path_factory.mktemp("publisher"))
    # The words as they stand are this test's first publication: a publisher
    # may have corrected some already, and check-original is to list only these edits.
    (project / ORIGINAL).write_text(as_first_publication(article_units(project)), encoding="utf-8")
    edits = [fix_a_typo(project), change_a_cell(project), add_a_row(project)]
    add_a_reference(project)
    page, first = rewrite_a_first_sentence(project)
    return project, edits + [first], page


def test_the_words_as_they_stand_match_themselves_as_a_first_publication():
    # What the edited copy compares against: nothing differs until an edit is made.
    units = article_units(ROOT)
    assert differences(original_units(as_first_publication(units)), units) == []


def test_the_workflow_tests_and_builds_with_make():
    builds, tests = workflow_commands()
    assert builds == ["make pdf"]
    assert tests and all(re.fullmatch(r'make test TESTS="[^"]+" WORKERS=auto', command) for command in tests)


def test_a_publishers_edits_pass_the_workflow_and_reach_the_site(edited, tmp_path):
    project, edits, described_page = edited
    (build_command,), test_commands = workflow_commands()
    for number, test_command in enumerate(test_commands):
        tested = run(project, test_command,
                     PYTEST_ADDOPTS=f"-m sources -q -p no:cacheprovider --basetemp={tmp_path / f'inner{number}'}")
        assert tested.returncode == 0, tested.stdout[-5000:] + tested.stderr[-2000:]
        assert re.search(r"\d+ passed", tested.stdout) and "failed" not in tested.stdout
    built = run(project, build_command, SITE_URL="https://example.org/trust/")
    assert built.returncode == 0, built.stdout + built.stderr

    site = project / "site"
    shown = "\n".join(page_text(path) for path in site.rglob("*.html"))
    assert [edit.new for edit in edits if edit.new not in shown] == []
    head = BeautifulSoup(built_page(site, described_page).read_text(encoding="utf-8"), "html.parser").head
    assert head.find("meta", attrs={"name": "description"})["content"] == NEW_FIRST_SENTENCE
    assert head.find("meta", property="og:description")["content"] == NEW_FIRST_SENTENCE
    references = (site / "references" / "index.html").read_text(encoding="utf-8")
    entry = BeautifulSoup(references, "html.parser").find("li", id=NEW_REFERENCE["id"])
    assert entry is not None
    text = " ".join(entry.get_text().split())
    assert all(str(value) in text for key, value in NEW_REFERENCE.items() if key != "id")


def page_text(page: Path) -> str:
    """A built page's text as a reader meets it, each table row's cells in order."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return reading_text(soup.body) if soup.body else ""


def check_original(project: Path) -> subprocess.CompletedProcess:
    # --no-print-directory: under a make of its own (`make drill`), make would add its "Leaving directory" line.
    return subprocess.run([*make_command("check-original"), "-s", "--no-print-directory"], cwd=project,
                          capture_output=True, text=True, timeout=120)


def test_check_original_lists_exactly_the_publishers_edits(edited):
    project, edits, _ = edited
    result = check_original(project)
    expected = [f'{edit.file}, line {edit.line}: added "{edit.new}"' if not edit.old else
                f'{edit.file}, line {edit.line}: "{edit.new}", first published as "{edit.old}"'
                for edit in edits]
    listed = [line for line in result.stdout.splitlines() if line.startswith(("docs/", "data/"))]
    assert result.returncode != 0  # make's own 2, for the script's 1
    assert sorted(listed) == sorted(expected), result.stdout
    assert result.stdout.splitlines()[-1].startswith(f"{len(edits)} differences from the first publication")
