"""Every page of both builds passes the Nu Html Checker (vnu.jar from npm)."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.support.project import BUILDERS, ROOT, both_builders

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


@both_builders
def test_every_page_of_both_builds_is_valid_html(built, offline_copy):
    """Theme pages may need the allowlist; the one-file edition, all our own markup, may not."""
    java = shutil.which("java")
    assert java, "no Java: install Debian's default-jre-headless"
    assert VNU.exists(), "no vnu.jar: run `npm ci --ignore-scripts`"
    pages = sorted(built.site.rglob("*.html")) + sorted(offline_copy.rglob("*.html"))
    assert len(pages) > 20
    # One Java start for all pages: it costs seconds, checking a page costs little.
    checked = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                             capture_output=True, text=True, timeout=600)
    messages = json.loads(checked.stderr)["messages"]

    allowed = allowed_messages(built.builder)
    errors = [f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m.get('message')}"
              for m in messages if m.get("message") not in allowed or m.get("url", "").endswith(built.names.one_file)]
    assert errors == []
    unused = allowed - {m.get("message") for m in messages}
    assert unused == set(), "no page needs these vnu-allowlist.txt entries any more: remove them"
