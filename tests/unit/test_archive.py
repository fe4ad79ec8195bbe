"""The zip packer gives the same bytes for the same files, whatever the machine did."""

import hashlib
import os
import subprocess
import time
import zipfile
from pathlib import Path

from trustsite.offline_copy import search_scripts, used_offline
from trustsite.offline_copy.archive import pack, write_checksum

FILES = {"index.html": b"<h1>Home</h1>", "b/page.html": b"<p>B</p>", "a/z.css": b"p{}"}
EPOCH = 1737417600  # 21 January 2025
DAY = 86_400


def make_folder(folder, order, mode, mtime):
    for name in order:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(FILES[name])
        path.chmod(mode)
        os.utime(path, (mtime, mtime))
    return folder


def list_folders_in_name_order(patch, *, reverse: bool) -> None:
    """Path.rglob yields in name order, or its reverse, whatever the file system's order."""
    rglob = Path.rglob
    patch.setattr(Path, "rglob", lambda self, pattern: iter(sorted(rglob(self, pattern), reverse=reverse)))


def move_clock(patch, seconds: int) -> None:
    """The clock, as the time module tells it, `seconds` ahead."""
    now, gmtime, localtime = time.time, time.gmtime, time.localtime
    patch.setattr(time, "time", lambda: now() + seconds)
    patch.setattr(time, "gmtime", lambda when=None: gmtime(time.time() if when is None else when))
    patch.setattr(time, "localtime", lambda when=None: localtime(time.time() if when is None else when))


def test_same_files_give_the_same_bytes(tmp_path, monkeypatch):
    # The second pack meets everything a machine could change: the order a
    # folder is listed in, the clock, and the files' times and permissions.
    first = make_folder(tmp_path / "one", sorted(FILES), 0o600, 1_000_000_000)
    second = make_folder(tmp_path / "two", sorted(FILES, reverse=True), 0o755, 1_700_000_000)
    with monkeypatch.context() as patch:
        list_folders_in_name_order(patch, reverse=False)
        pack(first, tmp_path / "one.zip", top="copy", epoch=EPOCH)
    with monkeypatch.context() as patch:
        list_folders_in_name_order(patch, reverse=True)
        move_clock(patch, DAY)
        pack(second, tmp_path / "two.zip", top="copy", epoch=EPOCH)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_entries_are_sorted_in_one_folder_with_fixed_time_and_permissions(tmp_path):
    folder = make_folder(tmp_path / "site", list(FILES), 0o600, 1_000_000_000)
    pack(folder, tmp_path / "site.zip", top="copy", epoch=EPOCH,
         include=lambda relative: relative != "a/z.css")
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        entries = archive.infolist()
        assert [e.filename for e in entries] == ["copy/b/page.html", "copy/index.html"]
        assert {e.date_time for e in entries} == {(2025, 1, 21, 0, 0, 0)}
        assert {e.external_attr >> 16 for e in entries} == {0o100644}
        assert archive.read("copy/index.html") == FILES["index.html"]


def test_dates_before_1980_are_clamped(tmp_path):
    folder = make_folder(tmp_path / "site", ["index.html"], 0o644, 0)
    pack(folder, tmp_path / "site.zip", top="copy", epoch=0)
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        assert archive.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


def test_checksum_file_is_what_sha256sum_checks(tmp_path):
    archive = tmp_path / "copy.zip"
    archive.write_bytes(b"not really a zip")
    checksum = write_checksum(archive)
    assert checksum.name == "copy.zip.sha256"
    assert checksum.read_text() == f"{hashlib.sha256(b'not really a zip').hexdigest()}  copy.zip\n"
    subprocess.run(["sha256sum", "--check", "--quiet", checksum.name], cwd=tmp_path, check=True)


def test_english_search_needs_no_language_pack():
    assert search_scripts(["en"]) == set()
    assert not used_offline("assets/javascripts/lunr/min/lunr.de.min.js", ["en"])
    assert not used_offline("assets/javascripts/lunr/tinyseg.js", ["en"])


def test_other_languages_keep_their_packs():
    assert search_scripts(["de"]) == {"min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}
    assert search_scripts(["en", "ja"]) == {
        "tinyseg.js", "min/lunr.ja.min.js", "min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js"}
    assert used_offline("assets/javascripts/lunr/min/lunr.de.min.js", ["de"])


def test_server_only_files_are_left_out():
    for unused in ("sitemap.xml", "sitemap.xml.gz", "404.html", "robots.txt",
                   "search/search_index.json", "assets/javascripts/bundle.min.js.map"):
        assert not used_offline(unused, ["en"]), unused
    for used in ("index.html", "search/search_index.js", "assets/vendor/iframe-worker/index.js",
                 "assets/vendor/iframe-worker/LICENSE", "whole-article.html"):
        assert used_offline(used, ["en"]), used
