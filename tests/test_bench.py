"""The benchmark runs on the 1x article and prints every table. It is not a
timed test: the figures are for people to read, not for CI to judge."""

import os
import subprocess
import sys

from conftest import ROOT

TABLES = [
    "First visit, empty cache, gzip -9 (KiB)",
    "Largest first visit (budget 80 KiB)",
    "Search latency, key press to rendered results (20 queries, Chromium)",
    "Clean build, median of 1 run(s); ratios to the stock mkdocs build",
    "Scaling: python scripts/build.py on N copies of the article",
]


def test_quick_benchmark_prints_its_tables():
    result = subprocess.run([sys.executable, "scripts/bench.py", "--quick"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert [title for title in TABLES if title not in out] == []
    for row in ("(home)", "whole-article/", "stock Material", "zensical build", "1x  "):
        assert row in out, row
    assert "python scripts/build.py --site-dir $TMP/site" in out
