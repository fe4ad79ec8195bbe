"""site/ and dist/ change only when a whole build succeeds."""

import shutil
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.support.article import built_page
from tests.support.project import ROOT, Build, build_project, copy_project, run_build
from trustsite.sources import article_pages

ADDED = "A sentence added by this test."
FAILED = "Build failed; site/ and dist/ were left as they were."
INJECTED = "fault put in by the test"


class Step(NamedTuple):
    """A step of the build after the online site, and the function that does it."""

    name: str
    function: str  # module:function, as the build imports it
    when: str = ""  # a condition on `config`, the function's first argument: fail only when it holds
    options: tuple[str, ...] = ()  # what makes the build take the step


# Every step after the online build; the test makes each one fail in turn.
LATER_STEPS = [
    Step("offline copy", "trustsite.offline_copy.derive:derive_offline_copy"),
    Step("zip", "trustsite.offline_copy.archive:pack"),
    Step("PDF", "trustsite.pdf:render_pdf", options=("--pdf",)),
]

# Run by `python -c` with a Step's function, when and options as arguments:
# the function raises, then the build runs as `make build` runs it.
BREAK_THEN_BUILD = f"""
import importlib, runpy, sys
target, when, *options = sys.argv[1:]
module_name, name = target.split(":")
module = importlib.import_module(module_name)
working = getattr(module, name)
def broken(*args, **kwargs):
    if when and not eval(when, {{"config": args[0]}}):
        return working(*args, **kwargs)
    raise RuntimeError({INJECTED!r})
setattr(module, name, broken)
sys.argv = ["trustsite", "build", *options]
runpy.run_module("trustsite", run_name="__main__")
"""


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, by relative path."""
    return {path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


def changed(before: dict, after: dict) -> list[str]:
    """The paths that were added, removed or rewritten between two snapshots."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Build:
    """The project, built once; each test changes its own copy."""
    return build_project(copy_project(tmp_path_factory.mktemp("good")))


def copy_of(build: Build, dest: Path) -> Build:
    project = shutil.copytree(build.project, dest)
    return Build(project, project / "site", project / "dist")


@pytest.mark.parametrize("step", LATER_STEPS, ids=lambda step: step.name)
def test_a_step_failing_after_the_online_build_leaves_site_and_dist_as_they_were(good_build, tmp_path, step):
    built = copy_of(good_build, tmp_path / "project")
    site, dist = snapshot(built.site), snapshot(built.dist)
    failed = run_build(built.project, *step.options,
                       program=("-c", BREAK_THEN_BUILD, step.function, step.when))
    assert failed.returncode != 0
    assert INJECTED in failed.output and FAILED in failed.output, failed.output
    assert "Traceback" not in failed.output
    assert changed(site, snapshot(built.site)) == [], "the failed build changed site/"
    assert changed(dist, snapshot(built.dist)) == [], "the failed build changed dist/"
    assert list(built.project.glob(".build-*")) == [], "the failed build left its staging folder"


def test_a_failed_build_leaves_the_last_good_site_and_a_good_build_replaces_it(good_build, tmp_path):
    built = copy_of(good_build, tmp_path / "project")
    # A page of the nav, broken, then given a sentence.
    name = article_pages(ROOT)[-1]
    offline_name = built_page(Path(), name, offline=True).name
    page = built.project / "docs" / name
    good_text = page.read_text(encoding="utf-8")
    site, dist = snapshot(built.site), snapshot(built.dist)
    assert site and dist

    page.write_text(good_text.rstrip() + "\n\n{{ data_tabel() }}\n", encoding="utf-8")
    failed = run_build(built.project)
    assert failed.returncode != 0
    assert changed(site, snapshot(built.site)) == [], "the failed build changed site/"
    assert changed(dist, snapshot(built.dist)) == [], "the failed build changed dist/"
    assert list(built.project.glob(".build-*")) == [], "a failed build left its staging folder"

    page.write_text(good_text.rstrip() + f"\n\n{ADDED}\n", encoding="utf-8")
    build_project(built.project)
    assert ADDED in built_page(built.site, name).read_text(encoding="utf-8")
    archives = list(built.dist.glob("*.zip"))
    assert archives, "the good build left no offline archive in dist/"
    with zipfile.ZipFile(archives[0]) as archive:
        assert any(ADDED in archive.read(member).decode("utf-8", "replace")
                   for member in archive.namelist() if member.endswith(offline_name))
    assert list(built.project.glob(".build-*")) == [], "a good build left its staging folder"


def test_a_build_into_folders_not_yet_made_makes_them(good_build, tmp_path):
    built = copy_of(good_build, tmp_path / "project")
    site, dist = tmp_path / "out" / "online" / "site", tmp_path / "elsewhere" / "dist"
    result = run_build(built.project, "--site-dir", str(site), "--dist-dir", str(dist))
    assert result.returncode == 0, result.output
    assert (site / "index.html").is_file() and list(dist.glob("*.zip"))
    assert list((tmp_path / "out" / "online").glob(".build-*")) == []
