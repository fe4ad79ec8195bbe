"""LinkChecker finds no broken link, anchor or asset in either build.

The online site is crawled over HTTP as GitHub Pages serves it, under its
project path; the offline copy from file://, as a reader opens it. External
links are checked for syntax only: no test reaches the internet.
"""

import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load

from tests.support.built_site import site_pages
from tests.support.server import serve

LINKCHECKER = Path(sys.executable).with_name("linkchecker")


@pytest.fixture
def public_tmp():
    """A temporary folder anyone may read.

    LinkChecker started as root switches to the user `nobody`, who may not
    enter pytest's private temporary folders.
    """
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        yield Path(folder)


def check_links(start_urls: list[str], internal: str, public_tmp: Path) -> list[dict[str, str]]:
    """LinkChecker's verdict on every URL reachable from `start_urls`, one row each.

    URLs matching the regex `internal` are followed and checked, anchors too
    (the AnchorCheck plugin); others are checked for syntax only.
    """
    config = public_tmp / "linkcheckerrc"
    config.write_text(f"[filtering]\ninternlinks={internal}\n[AnchorCheck]\n", encoding="utf-8")
    # No proxy may stand between LinkChecker and the local server.
    env = {name: value for name, value in os.environ.items() if "proxy" not in name.lower()}
    result = subprocess.run(
        [str(LINKCHECKER), "--config", str(config), "--no-status", "--no-robots", "--threads", "4",
         "--verbose", "--output", "csv/utf-8", *start_urls],
        capture_output=True, encoding="utf-8", timeout=600, env=env)
    assert result.returncode in (0, 1), result.stderr  # 1 means "found problems", read below
    lines = (line for line in result.stdout.splitlines(keepends=True) if not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter=";"))


def problems(rows: list[dict[str, str]], internal: str) -> list[str]:
    found = []
    for row in rows:
        where = f"{row['url']} (linked from {row['parentname'] or 'the start'})"
        if row["valid"] != "True":
            found.append(f"{where}: {row['result']}")
        elif row["warningstring"]:
            found.append(f"{where}: {row['warningstring']}")
        elif re.match(internal, row["url"]) and row["result"] == "filtered":
            found.append(f"{where}: not checked")
    return found


def checked_urls(rows: list[dict[str, str]]) -> set[str]:
    return {urldefrag(row["url"]).url for row in rows if row["valid"] == "True"}


def test_online_site_has_no_broken_link(built, public_tmp):
    site_url = yaml_load((built.project / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    prefix = urlsplit(site_url).path
    # Without a "LinkChecker" header, LinkChecker waits up to 0.6 s between requests.
    with serve(built.site, prefix, headers={"LinkChecker": "local test server"}) as url:
        internal = "^" + re.escape(url.removesuffix(prefix))  # the whole host, so a link out of the prefix counts
        rows = check_links([url, url + "404.html"], internal, public_tmp)

    assert problems(rows, internal) == []
    unreached = {url + page for page in site_pages(built.site)} - checked_urls(rows)
    assert unreached == set(), "LinkChecker did not reach these pages"


def test_offline_copy_has_no_broken_link(offline_copy, public_tmp):
    copy = shutil.copytree(offline_copy, public_tmp / offline_copy.name)
    internal = "^file:"
    rows = check_links([copy.joinpath("index.html").as_uri()], internal, public_tmp)

    assert problems(rows, internal) == []
    # From file:// a link to a folder opens a file listing, not its index.html.
    folders = [row["url"] for row in rows if row["url"].startswith("file:")
               and Path(urlsplit(urldefrag(row["url"]).url).path).is_dir()]
    assert folders == []
    unreached = {page.as_uri() for page in copy.rglob("*.html")} - checked_urls(rows)
    assert unreached == set(), "LinkChecker did not reach these pages"
