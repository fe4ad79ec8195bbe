"""The GitHub Pages workflow is valid, safe and publishes only from main.

Both checkers run offline from the project's virtual environment. Each is
also shown a broken workflow, so a checker that silently checks nothing fails.
"""

import configparser
import json
import re
import subprocess
from fnmatch import fnmatch
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.project import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent
# A step that builds the site, by the Makefile or the build driver.
BUILDS = re.compile(r"\bmake\s+(build|pdf|deploy)\b|-m trustsite build\b")
# A full commit SHA, then the release it is, for people and for Dependabot.
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")

UNSAFE_WORKFLOW = """\
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def check_schema(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", path],
        capture_output=True, text=True, timeout=120)


def zizmor_findings(path: Path) -> list[str]:
    """zizmor's findings of medium severity or above, as "audit (severity)"."""
    result = subprocess.run([BIN / "zizmor", "--offline", "--no-ignores", "--format", "json", path],
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.strip(), result.stderr
    return [f"{finding['ident']} ({finding['determinations']['severity']})"
            for finding in json.loads(result.stdout)
            if finding["determinations"]["severity"] in ("Medium", "High")]


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def test_workflow_matches_githubs_schema():
    result = check_schema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(UNSAFE_WORKFLOW.replace("runs-on: ubuntu-latest", "runs-on: [1, 2]"))
    assert check_schema(broken).returncode != 0


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    assert zizmor_findings(WORKFLOW) == []


def test_zizmor_flags_an_unsafe_workflow(tmp_path):
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text(UNSAFE_WORKFLOW)
    findings = zizmor_findings(unsafe)
    assert "unpinned-uses (High)" in findings and "template-injection (High)" in findings


def test_every_action_is_pinned_to_a_commit():
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines and all(PINNED.match(line) for line in lines), lines


def test_it_runs_on_main_by_hand_and_for_pull_requests(workflow):
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert set(workflow["on"]) == {"push", "pull_request", "workflow_dispatch"}
    assert "group" in workflow["concurrency"]


def test_only_the_publishing_job_may_write_and_only_from_main(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    writers = {name for name, job in jobs.items() if "write" in job.get("permissions", {}).values()}
    assert writers == {"deploy"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    condition = jobs["deploy"]["if"]
    assert "github.event_name != 'pull_request'" in condition and "refs/heads/main" in condition


def test_the_build_job_is_the_publishers_pipeline(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    runs = [step.get("run", "") for step in steps]
    checkout = steps[uses.index("actions/checkout")]
    assert checkout["with"]["persist-credentials"] is False
    # The whole history, which the corrections and the pages' dates are read from.
    assert checkout["with"]["fetch-depth"] == 0
    assert steps[uses.index("actions/setup-python")]["with"]["python-version"] == "3.11"
    # The build gets its address from configure-pages; what it uploads is published
    # only once the build and every test have passed.
    order = [runs.index("make .venv/.installed"), uses.index("actions/configure-pages"),
             runs.index("make pdf"), uses.index("actions/upload-pages-artifact")]
    assert order == sorted(order)
    assert set(workflow["jobs"]["deploy"]["needs"]) == {"build", "test"}
    pages_id = steps[uses.index("actions/configure-pages")]["id"]
    build = steps[runs.index("make pdf")]
    assert build["env"]["SITE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}"
    assert steps[uses.index("actions/upload-pages-artifact")]["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]["steps"]
    assert [step["uses"].split("@")[0] for step in deploy] == ["actions/deploy-pages"]


def test_the_published_site_is_built_with_its_pdf(workflow):
    # Only `make pdf` prints the PDF into site/ and links to it; the last
    # build before the upload is the one that is published.
    steps = workflow["jobs"]["build"]["steps"]
    upload = next(index for index, step in enumerate(steps)
                  if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    builds = [step for step in steps[:upload] if BUILDS.search(step.get("run", ""))]
    assert builds, "nothing builds the site before it is uploaded"
    published = builds[-1]
    assert published["run"].split() == ["make", "pdf"], published
    assert "if" not in published and not published.get("continue-on-error"), published
    assert published["env"]["SITE_URL"], published
    recipe = subprocess.run(["make", "--dry-run", "--old-file", ".venv/.installed", "pdf"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert recipe.returncode == 0, recipe.stderr
    assert re.search(r"-m trustsite build .*--pdf", recipe.stdout), recipe.stdout


def test_a_pull_request_uploads_the_article_for_review(workflow, built):
    steps = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    runs = [step.get("run", "") for step in steps]
    review = steps[uses.index("actions/upload-artifact")]
    assert review["if"] == "github.event_name == 'pull_request'"
    # The paths name no article: they take the one-file edition and the PDF of
    # dist/, whatever the site calls them, and nothing else there.
    patterns = review["with"]["path"].split()
    held = [path.name for path in built.dist.iterdir()] + [built.names.pdf]
    assert {name for name in held if any(fnmatch(f"dist/{name}", pattern) for pattern in patterns)} == {
        built.names.one_file, built.names.pdf}
    assert review["with"]["if-no-files-found"] == "error"
    # After the build that makes both, whatever the tests say.
    assert runs.index("make pdf") < uses.index("actions/upload-artifact")


def test_the_test_job_runs_every_tier_of_make_test(workflow):
    """Its halves together are pytest.ini's tiers, each once, each run by `make test`."""
    job = workflow["jobs"]["test"]
    (test,) = [step["run"] for step in job["steps"] if step.get("run", "").startswith("make test")]
    assert test == 'make test TESTS="${{ matrix.tiers }}" WORKERS=auto'
    halves = [tiers for half in job["strategy"]["matrix"]["include"] for tiers in half["tiers"].split()]
    config = configparser.ConfigParser()
    config.read(ROOT / "pytest.ini")
    assert sorted(halves) == sorted(config["pytest"]["testpaths"].split())
    # No cache where the published site is built.
    assert not any("cache" in step.get("uses", "") or "cache" in step.get("with", {})
                   for step in workflow["jobs"]["build"]["steps"])
