"""The Nu Html Checker (vnu.jar from npm), and what its allowlist lets pass."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.support.project import BUILDERS, ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = ROOT / "tests" / "site" / "vnu-allowlist.txt"


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


def vnu_messages(pages: list[Path]) -> list[dict]:
    """The checker's errors on `pages`, as its JSON gives them."""
    java = shutil.which("java")
    assert java, "no Java: install Debian's default-jre-headless"
    assert VNU.exists(), "no vnu.jar: run `npm ci --ignore-scripts`"
    # One Java start for all pages: it costs seconds, checking a page costs little.
    checked = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                             capture_output=True, text=True, timeout=600)
    return json.loads(checked.stderr)["messages"]


def vnu_errors(messages: list[dict], builder: str, one_file: str) -> list[str]:
    """`messages` the allowlist does not let pass, one line each; the
    one-file edition, all the site's own markup, gets no allowance."""
    allowed = allowed_messages(builder)
    return [f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m.get('message')}"
            for m in messages if m.get("message") not in allowed or m.get("url", "").endswith(one_file)]
