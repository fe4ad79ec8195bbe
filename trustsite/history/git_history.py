"""The repository's history, read with git, within bounds.

A repository is the publisher's, but a copy may come from anywhere: every
call has a time limit and reads a bounded amount of output, so no history
(however long, however large its files) can hang the build or fill memory.
"""

import os
import signal
import subprocess
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

# The folders whose history is the article's, and the file that orders its pages.
SOURCE_FOLDERS = ("docs", "data")
CONFIG = "mkdocs.yml"
# The files of a commit the article is read from: pages and data files.
_SOURCE_SUFFIXES = (".md", ".yml", ".yaml")
# How long a reason may be: the first line of a commit's message, cut there.
LONGEST_REASON = 200


class HistoryUnavailable(Exception):
    """Why the history cannot be read, in a publisher's words."""


class GitRefused(HistoryUnavailable):
    """git ran, in time, and said no: not a repository, no commit yet."""


@dataclass(frozen=True)
class Limits:
    commits: int = 1000               # the newest commits of docs/ and data/ read at most
    seconds: float = 60.0             # for any one call of git
    output: int = 16 * 1024 * 1024    # bytes of any one call's output
    file: int = 2 * 1024 * 1024       # a page or data file larger than this is not read


@dataclass(frozen=True)
class Commit:
    sha: str
    when: datetime
    reason: str


@dataclass(frozen=True)
class SourceFile:
    path: str  # from the project's root: "docs/index.md"
    oid: str
    size: int


def _git(project: Path, arguments: list[str], limits: Limits, stdin: bytes = b"") -> bytes:
    """git's output for `arguments`, run in `project`; HistoryUnavailable if git
    is missing, fails, runs past the time limit or says more than the limit."""
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        # A session of its own: stopped, git takes along anything it started.
        process = subprocess.Popen(["git", "--no-pager", *arguments], cwd=project, env=environment,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
    except OSError:
        raise HistoryUnavailable("git is not installed") from None
    expired = threading.Event()

    def stop() -> None:
        expired.set()
        _kill(process)

    timer = threading.Timer(limits.seconds, stop)
    # Fed from a thread: git answers while it reads, and a full pipe would block both.
    feeder = threading.Thread(target=_feed, args=(process, stdin), daemon=True)
    timer.start()
    feeder.start()
    try:
        output = process.stdout.read(limits.output + 1)
        if len(output) > limits.output:
            raise HistoryUnavailable(f"git {arguments[0]} said more than {limits.output:,} bytes")
        code = process.wait()
    finally:
        timer.cancel()
        _kill(process)
        process.wait()
        process.stdout.close()
    if expired.is_set():
        raise HistoryUnavailable(f"git {arguments[0]} took more than {limits.seconds:g} s")
    if code != 0:
        raise GitRefused(f"git {arguments[0]} failed")
    return output


def _kill(process: subprocess.Popen) -> None:
    """Stop git and what it started, unless it has been waited for: its number may be another's by then."""
    if process.returncode is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:  # gone already
            pass


def _feed(process: subprocess.Popen, data: bytes) -> None:
    try:
        process.stdin.write(data)
        process.stdin.close()
    except OSError:  # git stopped reading: it has failed or been stopped
        pass


def check_repository(project: Path, limits: Limits) -> None:
    """HistoryUnavailable unless `project` is in a git repository with its whole history."""
    try:
        shallow = _git(project, ["rev-parse", "--is-shallow-repository"], limits).strip()
    except GitRefused:
        raise HistoryUnavailable("this folder is not a git repository (a download, or a copy)") from None
    if shallow == b"true":
        raise HistoryUnavailable("this is a shallow clone, without its history "
                                 "(the Pages workflow checks out with fetch-depth: 0)")


def checked_out(project: Path, limits: Limits) -> bytes | None:
    """The commit checked out in `project` and whether the clone is shallow, as git
    says them: the history changes only with these. None where git cannot say."""
    try:
        return _git(project, ["rev-parse", "--is-shallow-repository", "HEAD"], limits)
    except HistoryUnavailable:
        return None


def source_commits(project: Path, limits: Limits) -> list[Commit]:
    """The commits that touched docs/ or data/, oldest first, along the first
    parents (a merge stands for its branch), the newest `limits.commits` at most."""
    try:
        _git(project, ["rev-parse", "--verify", "--quiet", "HEAD"], limits)
    except GitRefused:
        return []  # a repository with no commit yet
    # Each record: the commit, its committer's date with its offset, the message's first line cut short.
    output = _git(project, ["log", "--first-parent", "-z", f"--max-count={limits.commits}",
                            f"--format=%H%x1f%cI%x1f%<({LONGEST_REASON},trunc)%s", "--", *SOURCE_FOLDERS],
                  limits)
    commits = []
    for record in output.decode("utf-8", errors="replace").split("\0"):
        if record.strip():
            sha, when, reason = record.strip("\n").split("\x1f", 2)
            commits.append(Commit(sha, datetime.fromisoformat(when), reason.rstrip()))
    return commits[::-1]


def source_files(project: Path, sha: str, limits: Limits) -> list[SourceFile]:
    """The pages, data files and mkdocs.yml of commit `sha`, each as git stores it."""
    output = _git(project, ["ls-tree", "-r", "-l", "-z", sha, "--", CONFIG, *SOURCE_FOLDERS], limits)
    files = []
    for entry in output.decode("utf-8", errors="replace").split("\0"):
        if not entry:
            continue
        info, path = entry.split("\t", 1)
        _, kind, oid, size = info.split()
        if kind == "blob" and path.endswith(_SOURCE_SUFFIXES):
            files.append(SourceFile(path, oid, int(size)))
    return files


def read_blobs(project: Path, oids: list[str], limits: Limits) -> dict[str, bytes]:
    """The contents of the blobs `oids`, read by one git process."""
    if not oids:
        return {}
    output = _git(project, ["cat-file", "--batch"], limits, stdin="".join(f"{oid}\n" for oid in oids).encode())
    blobs, at = {}, 0
    for oid in oids:
        end = output.index(b"\n", at)
        _, kind, size = output[at:end].split()
        start = end + 1
        blobs[oid] = output[start:start + int(size)]
        at = start + int(size) + 1
    return blobs
