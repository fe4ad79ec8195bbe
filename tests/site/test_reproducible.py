"""Two clean builds of the same commit give the same bytes, site and archive alike."""

import gzip
import re
import subprocess
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.support.project import ROOT, Build, copy_project, run_build
from trustsite.cards.social_card import CARD_FOLDER

# Zip entries store times to two seconds; builds further apart than that
# would show a timestamp taken from the clock.
ZIP_TIME_RESOLUTION = 2.1


def commit_epoch() -> str:
    """The last commit's time, as the build driver reads it in a checkout."""
    return subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The project built twice, from copies at different paths, seconds apart."""
    epoch = commit_epoch()
    builds = []
    for name in ("first", "second-copy-elsewhere"):
        started = time.monotonic()
        project = copy_project(tmp_path_factory.mktemp(name) / "project")
        result = run_build(project, env={"SOURCE_DATE_EPOCH": epoch})
        assert result.returncode == 0, result.output
        builds.append(Build(project, project / "site", project / "dist"))
        time.sleep(max(0.0, ZIP_TIME_RESOLUTION - (time.monotonic() - started)))
    return int(epoch), builds


def test_two_builds_of_one_commit_are_byte_identical(two_builds):
    _, (first, second) = two_builds
    # The link-preview cards are drawn by Pillow, not copied: they are compared too.
    assert any(name.startswith(CARD_FOLDER) and name.endswith(".png") for name in files(first.site))
    for folder in ("site", "dist"):
        a, b = files(getattr(first, folder)), files(getattr(second, folder))
        assert a, f"{folder}/ is empty"
        assert sorted(a) == sorted(b), f"{folder}/ holds different files"
        assert [name for name in a if a[name] != b[name]] == [], f"these files in {folder}/ differ"


def test_dates_come_from_the_commit_not_the_clock(two_builds):
    epoch, (build, _) = two_builds
    day = datetime.fromtimestamp(epoch, timezone.utc).date().isoformat()
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {day}
    with gzip.open(build.site / "sitemap.xml.gz") as compressed:
        assert compressed.read().decode("utf-8") == sitemap
    gzip_mtime = int.from_bytes((build.site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert datetime.fromtimestamp(gzip_mtime, timezone.utc).date().isoformat() == day
    archives = list(build.dist.glob("*.zip"))
    assert archives, "no offline archive in dist/"
    *minutes, seconds = time.gmtime(epoch)[:6]
    with zipfile.ZipFile(archives[0]) as archive:
        # A zip entry keeps even seconds only.
        assert {entry.date_time for entry in archive.infolist()} == {(*minutes, seconds - seconds % 2)}


def test_with_no_epoch_given_the_builder_dates_the_site_by_the_drivers(tmp_path, monkeypatch):
    """Outside a git checkout the build driver's own epoch (0) dates what MkDocs writes, not the clock."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = copy_project(tmp_path / "project")
    result = run_build(project)
    assert result.returncode == 0, result.output
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {"1970-01-01"}
