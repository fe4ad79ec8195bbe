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

from tests.support.project import ROOT, TEST_PROJECT_NAV, BuildResult, nav_replaced

# The test project (conftest.use_test_project): methods and components have five rows
# each, row 4 on line 11 and row 5 on line 14; references rows on lines 2, 12 and 22;
# the test page's heading is its line 1.
TEST_PAGE = "docs/conclusion.md"
HEADING = "# A test page\n"
GOOD_ROW = "- name: Method A\n  description: Describes method A\n  importance: Why method A matters\n"


def replace_in(relative: str, old: str, new: str):
    def mutate(project: Path):
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        # surrogateescape writes "\udce9" as the lone byte 0xE9, as a Latin-1 editor would.
        path.write_text(text.replace(old, new, 1), encoding="utf-8", errors="surrogateescape")
    return mutate


def write(relative: str, content: str | bytes):
    def mutate(project: Path):
        path = project / relative
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return mutate


def replace_each(relative: str, *changes: tuple[str, str]):
    def mutate(project: Path):
        for old, new in changes:
            replace_in(relative, old, new)(project)
    return mutate


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


def alias_bomb(levels: int) -> str:
    """A methods file of a few hundred bytes whose one field stands for
    9 ** levels copies of "lol", once its aliases are expanded."""
    lists = ["&l0 [" + ", ".join(["lol"] * 9) + "]"]
    lists += [f"&l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return f"- name: Bomb\n  description: [{', '.join(lists)}]\n  importance: Fills the memory\n"


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


MEGABYTE = 2**20

FAILED = "Build failed; site/ and dist/ were left as they were."


def grow_sparse(relative: str, size: int):
    """`relative` made `size` bytes long, its tail a hole that takes no disk."""
    return lambda project: os.truncate(project / relative, size)


# Issue 12's cases: each must be refused fast and in little memory, not only clearly.
HOSTILE_DATA = {
    "alias-bomb": (
        write("data/methods.yml", alias_bomb(levels=9)),
        "data/methods.yml, line 2: anchors and aliases (&name, *name) are not allowed; write each value out"),
    "anchor-and-alias": (
        replace_each("data/methods.yml", ("- name: Method D", "- name: &method Method D"),
                     ("- name: Method E", "- name: *method")),
        "data/methods.yml, line 11: anchors and aliases (&name, *name) are not allowed; write each value out"),
    "one-megabyte-cell-of-the-wrong-type": (
        replace_in("data/methods.yml", "- name: Method D", '- name: ["' + "x" * MEGABYTE + '"]'),
        f"data/methods.yml, row 4 (line 11), field 'name': must be text, but YAML read ['{'x' * 57}… "
        "as a list or mapping; put the value in quotes"),
    # Read whole before its size is checked, it would need 3 GB, past MEMORY_GUARD.
    "three-gigabyte-file": (grow_sparse("data/methods.yml", 3 * 2**30),
                            "data/methods.yml: is larger than 2 MB; no page needs that much"),
}
# Each of them must fail within this much of the build's own processor time,
# which tells a hang (minutes) from a slow machine and is the same however busy
# the machine is; scripts/bench.py measures how fast they really are.
SECONDS = 60
MEGABYTES = 300
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
        child = subprocess.Popen([sys.executable, "scripts/build.py", *options], cwd=project, stdout=output,
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

