"""What a build tells its publisher: a short report, GitHub's annotations and
summary, a refusal to deploy the placeholder address, and a test run that
says at once what the machine lacks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.project import (MISSPELT_FIELD, MISSPELT_MESSAGE, ROOT, copy_project, file_names, run_build,
                                   use_test_project)
from trustsite.github import summary

FAILED = "Build failed; site/ and dist/ were left as they were."


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the test project, whose page docs/conclusion.md each test breaks and mends again."""
    return use_test_project(copy_project(tmp_path_factory.mktemp("reports")))


@pytest.fixture
def misspelt(project):
    methods = project / "data" / "methods.yml"
    good = methods.read_text(encoding="utf-8")
    methods.write_text(MISSPELT_FIELD, encoding="utf-8")
    yield
    methods.write_text(good, encoding="utf-8")


def test_three_thousand_broken_links_make_a_short_report(project):
    page = project / "docs" / "conclusion.md"
    good = page.read_text(encoding="utf-8")
    page.write_text("# A page\n\n" + "".join(f"[Link {n}](missing-{n}.md)\n" for n in range(3000)),
                    encoding="utf-8")
    try:
        result = run_build(project)
    finally:
        page.write_text(good, encoding="utf-8")
    lines = result.output.splitlines()
    assert result.returncode == 1
    assert len(lines) < 60, result.output
    shown = [line for line in lines if "goes to no page" in line]
    # Links start on line 3; each message names the page and the link's own line.
    assert shown == [f"WARNING -  docs/conclusion.md, line {3 + n}: the link 'missing-{n}.md' goes to no page "
                     "of the site" for n in range(10)]
    assert f"ERROR   -  … and {3000 - 10:,} more broken links in docs/conclusion.md" in lines
    assert lines[-1] == f"ERROR   -  {FAILED}"


def test_the_same_broken_link_twice_is_reported_at_each_line(project):
    page = project / "docs" / "conclusion.md"
    good = page.read_text(encoding="utf-8")
    page.write_text("# A page\n\n[One](gone.md)\n\nText.\n\n[Two](gone.md)\n", encoding="utf-8")
    try:
        result = run_build(project)
    finally:
        page.write_text(good, encoding="utf-8")
    assert [line for line in result.output.splitlines() if "gone.md" in line] == [
        f"WARNING -  docs/conclusion.md, line {line}: the link 'gone.md' goes to no page of the site"
        for line in (3, 7)]


def test_on_github_each_problem_is_also_a_workflow_command(project, misspelt):
    result = run_build(project, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.output.splitlines() == [
        f"ERROR   -  {MISSPELT_MESSAGE}",
        f"::error file=data/methods.yml,line=3::{MISSPELT_MESSAGE}",
        f"ERROR   -  {FAILED}",
        f"::error::{FAILED}",
    ]


def test_off_github_there_is_no_workflow_command(project, misspelt):
    result = run_build(project, env={"GITHUB_ACTIONS": ""})
    assert result.output.splitlines() == [f"ERROR   -  {MISSPELT_MESSAGE}", f"ERROR   -  {FAILED}"]


def test_a_good_build_on_github_writes_its_summary(project, tmp_path):
    step_summary = tmp_path / "summary.md"
    step_summary.write_text("Earlier steps' summary\n", encoding="utf-8")
    result = run_build(project, env={"GITHUB_STEP_SUMMARY": str(step_summary)})
    assert result.returncode == 0, result.output
    # After the closing "Built …" line (notices such as a missing publisher come before it).
    # A list: a figure may be printed more than once (one "Picture" line each).
    said = result.output.splitlines()
    built = next(number for number, line in enumerate(said) if line.startswith("Built "))
    lines = [tuple(line.split(": ", 1)) for line in said[built + 1:]]
    printed = dict(lines)
    written = step_summary.read_text(encoding="utf-8")
    pages = len(list((project / "site").rglob("index.html")))
    names = file_names(project)
    edition = (project / "dist" / names.one_file).stat().st_size
    archive = (project / "dist" / names.archive).stat().st_size
    assert printed["Pages"] == f"{pages} in site/"
    assert printed["One-file edition"].startswith(f"dist/{names.one_file}, {edition:,} bytes")
    assert printed["Offline copy"] == f"dist/{names.archive}, {archive:,} bytes"
    assert {"Link-preview cards", "Kept by readers' browsers after a first visit"} <= printed.keys()
    assert written == "Earlier steps' summary\n" + summary(lines)
    assert f"| One-file edition | dist/{names.one_file}" in written


def as_a_publisher() -> dict[str, str]:
    """The environment without SITE_URL, and not inside `make test`'s own make,
    whose MAKELEVEL would make a make run here sign its lines "make[1]:"."""
    outside = {"SITE_URL", "MAKELEVEL", "MAKEFLAGS", "MFLAGS"}
    return {name: value for name, value in os.environ.items() if name not in outside}


def committed_project(tmp_path: Path) -> Path:
    """A copy of the project with its Makefile, every file committed to a git
    repository of its own, which has no remote: nothing can be pushed."""
    project = copy_project(tmp_path / "project", "Makefile")
    git = ["git", "-c", "user.name=Publisher", "-c", "user.email=publisher@localhost"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "The article"]):
        subprocess.run([*git, *command], cwd=project, check=True, capture_output=True)
    return project


def make_deploy(project: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    address = {"SITE_URL": site_url} if site_url else {}
    return subprocess.run(["make", "-o", ".venv/.installed", "deploy", f"PY={sys.executable}"],
                          cwd=project, capture_output=True, text=True, timeout=300,
                          env={**as_a_publisher(), **address})


def test_make_deploy_refuses_the_placeholder_address(tmp_path):
    project = committed_project(tmp_path)
    result = make_deploy(project)
    errors = [line for line in result.stderr.splitlines() if not line.startswith("make:")]
    assert result.returncode != 0
    assert errors == ["ERROR   -  mkdocs.yml: site_url is still the placeholder "
                      "https://example.github.io/trust-in-therapy/; publish with the site's own address: "
                      "SITE_URL=https://<user>.github.io/<repository>/ make deploy"]
    assert not (project / "site").exists(), "nothing is built for the placeholder"


@pytest.mark.parametrize("edits", [1, 5])
def test_make_deploy_refuses_uncommitted_edits(tmp_path, edits):
    """The push is labelled with the last commit, so it may publish only that commit."""
    project = committed_project(tmp_path)
    pages = sorted((project / "docs").glob("*.md"))[:edits]
    for page in pages:
        page.write_text(page.read_text(encoding="utf-8") + "\nA sentence not yet committed.\n", encoding="utf-8")
    result = make_deploy(project, "https://clinic.github.io/trust/")
    errors = [line for line in result.stderr.splitlines() if not line.startswith("make:")]
    named = ", ".join(f"docs/{page.name}" for page in pages[:3]) + (f" and {edits - 3} more" if edits > 3 else "")
    assert result.returncode != 0
    assert errors == [f"make deploy publishes only committed work: commit or stash your changes to {named}, "
                      "then run it again"]
    assert not (project / "site").exists(), "nothing is built from uncommitted edits"


def test_make_deploy_builds_with_the_builder_asked_for():
    # The commands make would run, not run: the push needs a remote.
    planned = subprocess.run(["make", "--dry-run", "-o", ".venv/.installed", "-o", ".venv-zensical/.installed",
                              "deploy", "BUILDER=zensical", f"PY={sys.executable}"],
                             cwd=ROOT, capture_output=True, text=True, timeout=60, env=as_a_publisher())
    assert f"{sys.executable} -m trustsite build --builder zensical --publish" in planned.stdout.splitlines()


def test_a_real_address_is_built_for_deploy(project):
    result = run_build(project, "--publish", env={"SITE_URL": "https://clinic.github.io/trust/"})
    assert result.returncode == 0, result.output
    assert "https://clinic.github.io/trust/" in (project / "site" / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("lacking", ["chromium", "java"])
def test_make_test_says_at_once_what_the_machine_lacks(tmp_path, lacking):
    # A PATH that holds everything this machine has except the tool; Playwright's own browser is gone too.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        for tool in Path(folder).glob("*") if Path(folder).is_dir() else []:
            if tool.name != lacking and not (bin_dir / tool.name).exists():
                (bin_dir / tool.name).symlink_to(tool)
    env = {**os.environ, "PATH": str(bin_dir), "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "no-browsers")}
    result = subprocess.run([sys.executable, "-m", "pytest", "tests/browser/test_browser_smoke.py", "-q", "-p", "no:cacheprovider"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    said = (result.stdout + result.stderr).strip().splitlines()
    assert result.returncode != 0
    assert len(said) == 1, said
    assert said[0].startswith("ERROR: make test cannot run here: no ")
    assert ("Chromium" in said[0]) == (lacking == "chromium") and ("Java" in said[0]) == (lacking == "java")
