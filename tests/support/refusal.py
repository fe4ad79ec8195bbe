"""How a test breaks a copy of the test project, and how it judges the refusal:
one message, no traceback, the last good site left as it was, fast and in
little memory."""

import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.project import BUILD, ROOT, TEST_PROJECT_NAV, BuildResult, nav_replaced
# The hostile cases are shared with the bench (trustsite_tools/bench.py), which never imports the tests.
from trustsite_tools.hostile_data import (HOSTILE_DATA, MEGABYTE, MEGABYTES, SECONDS, alias_bomb,  # noqa: F401
                                          grow_sparse, replace_each, replace_in, write)

# The test project (conftest.use_test_project): methods and components have five rows
# each, row 4 on line 11 and row 5 on line 14; references rows on lines 2, 12 and 22;
# the test page's heading is its line 1.
TEST_PAGE = "docs/conclusion.md"
HEADING = "# A test page\n"
GOOD_ROW = "- name: Method A\n  description: Describes method A\n  importance: Why method A matters\n"


def linked_folder(relative: str, name: str, content: bytes):
    """A folder outside docs/ holding `name`, symbolically linked at `relative`."""
    def mutate(project: Path):
        folder = project / "outside-docs"
        folder.mkdir()
        (folder / name).write_bytes(content)
        (project / relative).symlink_to(folder, target_is_directory=True)
    return mutate


def links_to(target: str, *relatives: str):
    """A symbolic link to the folder `target` at each of `relatives`, as git keeps one."""
    def mutate(project: Path):
        for relative in relatives:
            (project / relative).symlink_to(target, target_is_directory=True)
    return mutate


def delete(relative: str):
    return lambda project: (project / relative).unlink()


def on_line_3(text: str):
    """`text` on a line of its own below the test page's heading, which is its first line: line 3."""
    return replace_in(TEST_PAGE, HEADING, f"{HEADING}\n{text}\n")


def config_line(text: str) -> int:
    """The number of the line of the test project's mkdocs.yml that holds `text`."""
    lines = nav_replaced((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), TEST_PROJECT_NAV).splitlines()
    (number,) = [number for number, line in enumerate(lines, start=1) if text in line]
    return number


def first_line_of(relative: str, start: str, new: str):
    """The line of `relative` that begins with `start`, whatever follows, replaced by `new`."""
    def mutate(project: Path):
        path = project / relative
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        number = next(number for number, line in enumerate(lines) if line.startswith(start))
        lines[number] = new + "\n"
        path.write_text("".join(lines), encoding="utf-8")
    return mutate


FAILED = "Build failed; site/ and dist/ were left as they were."


# A build still running after this long is stopped: the test fails instead of hanging.
HANG_GUARD = 120
# A build is stopped at this much address space, rather than fill the machine.
MEMORY_GUARD = 2**31


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()



def broken_copy(good_project: Path, tmp_path: Path, mutate) -> tuple[Path, tuple[str, str]]:
    """A copy of the built project, broken by `mutate`, and digests of its site/ and dist/."""
    project = tmp_path / "project"
    shutil.copytree(good_project, project)
    before = tree_digest(project / "site"), tree_digest(project / "dist")
    mutate(project)
    return project, before


def assert_refused(project: Path, before: tuple[str, str], result: BuildResult, message: str) -> None:
    assert result.returncode != 0
    # Each line reads "LEVEL   -  text": one problem, then the closing verdict.
    said = [line.split(" -  ", 1)[-1] for line in result.output.splitlines() if line.strip()]
    assert said == [message, FAILED], result.output
    assert "Traceback" not in result.output
    assert (tree_digest(project / "site"), tree_digest(project / "dist")) == before
    assert not list(project.glob(".build-*")), "staging folder left behind"


@dataclass(frozen=True)
class MeasuredBuild:
    result: BuildResult
    seconds: float  # the build process's own processor time, user and system
    peak_megabytes: float  # the build process's own peak resident memory


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_GUARD, MEMORY_GUARD))


def run_build_measured(project: Path, *options: str) -> MeasuredBuild:
    """`make build`'s command, guarded and timed, with its peak memory as the kernel counted it."""
    with tempfile.TemporaryFile() as output:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, *BUILD, *options], cwd=project, stdout=output,
                                 stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                                 preexec_fn=_limit_memory)
        # wait4 reaps the build and reports its own resource use, not this process's.
        while not (ended := os.wait4(child.pid, os.WNOHANG))[0]:
            if time.monotonic() - started > HANG_GUARD:
                child.kill()
                child.wait()
                pytest.fail(f"the build was still running after {HANG_GUARD} s")
            time.sleep(0.01)
        _, status, usage = ended
        child.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        result = BuildResult(child.returncode, output.read().decode(errors="replace"))
    return MeasuredBuild(result, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)

