"""The corrections since first publication, from the repository's history.

Each commit that touched docs/ or data/ is read as it was (its pages, data
files and mkdocs.yml, written to a temporary folder) into the units of
trustsite.sources. The first commit whose units equal the first publication
(`make check-original` finds no difference) is where the article stands as
published; every later commit that changes what the publisher wrote (the
sentences, the table rows, the references) is a correction, and what changed
is found by the same differ, between the commit and the one before.
"""

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from trustsite.history import Change, Correction, History
from trustsite.history.git_history import (CONFIG, Commit, HistoryUnavailable, Limits, SourceFile, check_repository,
                                           checked_out, read_blobs, source_commits, source_files)
from trustsite.original import ORIGINAL, differences, original_units
from trustsite.settings import read_config
from trustsite.sources import Unit, article_pages, page_units


@dataclass(frozen=True)
class _State:
    """The article as one commit left it."""

    units: list[Unit]       # as make check-original reads them
    publisher: list[Unit]   # what the publisher wrote or gave as data, compared between commits
    titles: dict[str, str]  # each page of the menu -> its title there


def _titles(nav) -> dict[str, str]:
    """Each page of a mkdocs.yml nav, with its title."""
    titles = {}
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.update(_titles(value) if isinstance(value, list) else {str(value): str(title)})
        elif isinstance(item, str):
            titles[item] = item
    return titles


def _references_whole(units: list[Unit]) -> list[Unit]:
    """The reference list's values, one unit per reference (its values share
    its line): a year or a journal that many references share stays distinct."""
    joined: list[Unit] = []
    for unit in units:
        previous = joined[-1] if joined else None
        if unit.added and previous and previous.added and (previous.file, previous.line) == (unit.file, unit.line):
            joined[-1] = replace(previous, text=f"{previous.text} {unit.text}",
                                 cells=(*previous.cells, (unit.text, unit.line)))
        else:
            joined.append(replace(unit, cells=((unit.text, unit.line),)) if unit.added else unit)
    return joined


def _publisher_units(units: list[Unit]) -> list[Unit]:
    """The units a correction may change: the publisher's words and data rows.
    What the site adds and labels (an editor's note) is not; the reference
    list, which the site lays out from data/references.yml, is."""
    from_data = [unit for unit in units if not unit.added or unit.file.startswith("data/")]
    return [replace(unit, added=False) for unit in _references_whole(from_data)]


def _safe(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts


class _Reader:
    """Reads commits into states, each page's units once for each version of
    it: a state holds only references to them, so a long history takes little memory."""

    def __init__(self, project: Path, snapshot: Path, limits: Limits) -> None:
        self.project, self.snapshot, self.limits = project, snapshot, limits
        self.written: dict[str, str] = {}  # each file in `snapshot` -> the blob it holds
        self.pages: dict[tuple, tuple[list[Unit], list[Unit]]] = {}  # units, and the publisher's
        self.page_of: dict[int, str] = {}  # each publisher's unit read (by id) -> its page under docs/
        self.menus: dict[str | None, tuple[dict[str, str], list[str]]] = {}

    def state(self, files: list[SourceFile]) -> _State | None:
        """The article as `files` hold it; None if they cannot be read as an
        article (an early commit before mkdocs.yml had a menu, say)."""
        files = [file for file in files if _safe(file.path) and file.size <= self.limits.file]
        self._update(files)
        oids = {file.path: file.oid for file in files}
        data = tuple(sorted((path, oid) for path, oid in oids.items() if path.startswith("data/")))
        try:
            # mkdocs.yml, slow to parse, changes far less often than the pages: read once for each version.
            if oids.get(CONFIG) not in self.menus:
                self.menus[oids.get(CONFIG)] = (_titles(read_config(self.snapshot / CONFIG).get("nav")),
                                                article_pages(self.snapshot))
            titles, pages = self.menus[oids.get(CONFIG)]
            units, publisher = [], []
            for page in pages:
                # A page's units change with its text, and with the data and settings its macros read.
                text = (self.snapshot / "docs" / page).read_text(encoding="utf-8")
                key = (page, oids.get(f"docs/{page}"), (data, oids.get(CONFIG)) if "{{" in text else None)
                if key not in self.pages:
                    read = page_units(self.snapshot, page)
                    self.pages[key] = (read, _publisher_units(read))
                    self.page_of.update((id(unit), page) for unit in self.pages[key][1])
                units += self.pages[key][0]
                publisher += self.pages[key][1]
        # The sources of an old commit may be broken in any way the checks of its day let through.
        except Exception:  # noqa: BLE001
            return None
        return _State(units, publisher, titles)

    def _update(self, files: list[SourceFile]) -> None:
        """The snapshot folder made to hold `files`: only the files that differ are written."""
        for path in set(self.written) - {file.path for file in files}:
            (self.snapshot / path).unlink()
            del self.written[path]
        changed = [file for file in files if self.written.get(file.path) != file.oid]
        batch, size = [], 0
        for file in changed:
            if size + file.size > self.limits.output:
                self._write(batch)
                batch, size = [], 0
            batch.append(file)
            size += file.size
        self._write(batch)

    def _write(self, files: list[SourceFile]) -> None:
        blobs = read_blobs(self.project, [file.oid for file in files], self.limits)
        for file in files:
            target = self.snapshot / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blobs[file.oid])
            self.written[file.path] = file.oid


def _shown(unit: Unit | None) -> str | None:
    """A unit as the changes page shows it: a table row or a reference as its cells."""
    if unit is None:
        return None
    return " | ".join(text for text, _ in unit.cells) if unit.cells else unit.text


def _changes(before: _State, after: _State, page_of: dict[int, str]) -> list[Change]:
    changes = []
    for difference in differences(before.publisher, after.publisher):
        state, unit = (after, difference.now) if difference.now is not None else (before, difference.was)
        page = page_of[id(unit)]
        changes.append(Change(page, state.titles.get(page, page), _shown(difference.was), _shown(difference.now)))
    return changes


def corrections(project: Path, original: list[Unit], commits: list[Commit], limits: Limits) -> History:
    """The corrections among `commits` (oldest first) to the article first published as `original`."""
    states: dict[frozenset, _State | None] = {}
    found: list[Correction] = []
    previous: _State | None = None  # from the first publication on, the state the last commit left
    with tempfile.TemporaryDirectory(prefix="history-") as folder:
        reader = _Reader(project, Path(folder), limits)
        for commit in commits:
            files = source_files(project, commit.sha, limits)
            # A commit that brings back sources already read (a revert) is not read again.
            key = frozenset((file.path, file.oid) for file in files)
            if key not in states:
                states[key] = reader.state(files)
            state = states[key]
            if state is None:
                continue
            if previous is None:
                if not differences(original, state.units):
                    previous = state
                continue
            if changes := _changes(previous, state, reader.page_of):
                found.append(Correction(len(found) + 1, commit.when, commit.reason, tuple(changes)))
            previous = state
    if previous is None:
        return History(missing=f"no commit of docs/ and data/ matches the first publication ({ORIGINAL.as_posix()}), "
                               "so no change can be dated", commits_read=len(commits))
    return History(tuple(found), commits_read=len(commits))


def read_history(project: Path, limits: Limits = Limits()) -> History:
    """The corrections to the article in `project` since first publication;
    where they cannot be known, a History that says why, in one line."""
    original = project / ORIGINAL
    if not original.is_file():
        return History(missing=f"there is no first publication ({ORIGINAL.as_posix()}) to compare the sources with")
    try:
        check_repository(project, limits)
        commits = source_commits(project, limits)
        return corrections(project, original_units(original.read_text(encoding="utf-8")), commits, limits)
    except HistoryUnavailable as error:
        return History(missing=str(error))


class PreviewHistory:
    """read_history for a preview, which rebuilds on every save: the history is
    read again only when what it depends on changes (the commit checked out,
    the clone's depth, the first publication), not for every edit of a page."""

    def __init__(self, project: Path, limits: Limits = Limits()) -> None:
        self.project, self.limits = project, limits
        self._read: tuple[tuple, History] | None = None

    def __call__(self) -> History:
        original = self.project / ORIGINAL
        key = (checked_out(self.project, self.limits), original.read_bytes() if original.is_file() else None)
        if self._read is None or self._read[0] != key:
            self._read = (key, read_history(self.project, self.limits))
        return self._read[1]
