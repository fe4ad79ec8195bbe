"""Every page of both builds passes the Nu Html Checker (vnu.jar from npm)."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.support.project import (BUILDERS, ROOT, Build, both_builders, build_project, copy_project, name_credits,
                                   use_test_project)
from trustsite.urls import output_path
from trustsite.whole_article import PAGE as WHOLE_ARTICLE

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = Path(__file__).with_name("vnu-allowlist.txt")


def allowed_messages(builder: str) -> set[str]:
    """The allowlist's messages for `builder`'s theme: those without a prefix,
    and those after "<builder>: " (one theme's markup only)."""
    lines = ALLOWLIST.read_text(encoding="utf-8").splitlines()
    allowed = set()
    for line in lines:
        if line.strip() and not line.startswith("#"):
            prefix, _, message = line.partition(": ")
            if prefix not in BUILDERS:
                allowed.add(line)
            elif prefix == builder:
                allowed.add(message)
    return allowed


def checked_messages(pages: list[Path]) -> list[dict]:
    """What the checker says of `pages`, errors only."""
    java = shutil.which("java")
    assert java, "no Java: install Debian's default-jre-headless"
    assert VNU.exists(), "no vnu.jar: run `npm ci --ignore-scripts`"
    # One Java start for all pages: it costs seconds, checking a page costs little.
    checked = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                             capture_output=True, text=True, timeout=600)
    return json.loads(checked.stderr)["messages"]


def errors_in(messages: list[dict], build: Build) -> list[str]:
    """The messages the allowlist does not allow; none in the one-file edition, all our own markup."""
    allowed = allowed_messages(build.builder)
    return [f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m.get('message')}"
            for m in messages if m.get("message") not in allowed or m.get("url", "").endswith(build.names.one_file)]


@both_builders
def test_every_page_of_both_builds_is_valid_html(built, offline_copy):
    """Theme pages may need the allowlist; the one-file edition, all our own markup, may not."""
    pages = sorted(built.site.rglob("*.html")) + sorted(offline_copy.rglob("*.html"))
    assert len(pages) > 20
    messages = checked_messages(pages)
    assert errors_in(messages, built) == []
    unused = allowed_messages(built.builder) - {m.get("message") for m in messages}
    assert unused == set(), "no page needs these vnu-allowlist.txt entries any more: remove them"


def test_the_blocks_of_a_named_publisher_are_valid_html(tmp_path):
    """The About and Cite blocks, which a build shows only where mkdocs.yml names
    a publisher (tests/support/project.py), on each page that carries them."""
    build = build_project(name_credits(use_test_project(copy_project(tmp_path / "project"))))
    pages = [build.site / "index.html", build.site / output_path(WHOLE_ARTICLE, offline=False),
             build.dist / build.names.one_file]
    assert errors_in(checked_messages(pages), build) == []
