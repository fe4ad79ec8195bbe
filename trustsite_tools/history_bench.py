"""How long the build takes to read the corrections from git's history.

    python -m trustsite_tools.history_bench [CORRECTIONS]     (default 200)

Reads the history of this repository, then of a copy of the project made a
repository of its own, whose first commit is the article as published and
each of the next CORRECTIONS commits corrects one sentence. Prints the time
each read took, on the clock and in processor time (git's own included).
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from trustsite.history.corrections import read_history
from trustsite.original import ORIGINAL
from trustsite.sources import article_pages, page_units
from trustsite_tools.project_copy import ROOT, copy_project

# The first commit's date; each correction is an hour later than the one before.
FIRST = 1738411200


def processor_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(project: Path, label: str) -> None:
    clock, processor = time.perf_counter(), processor_seconds()
    history = read_history(project)
    print(f"{label}: {time.perf_counter() - clock:.2f} s ({processor_seconds() - processor:.2f} s of processor "
          f"time), {history.commits_read} commits of docs/ and data/, {len(history.corrections)} corrections"
          + (f"; {history.missing}" if history.missing else ""))


def corrected_copy(folder: Path, corrections: int) -> Path:
    """A copy of the project whose history corrects one sentence per commit, `corrections` times."""
    project = copy_project(folder / "project")
    (project / ORIGINAL).parent.mkdir(parents=True)
    shutil.copyfile(ROOT / ORIGINAL, project / ORIGINAL)

    def git(*arguments: str, hour: int = 0) -> None:
        when = f"@{FIRST + hour * 3600} +0000"
        subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@localhost", *arguments],
                       cwd=project, check=True, capture_output=True,
                       env={**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when})

    git("init", "--quiet")
    git("add", "--all")
    git("commit", "--quiet", "--message", "The article as published")
    # Sentences written once in their page, each corrected in turn, again and again.
    sentences = [(page, unit.text) for page in article_pages(project) for unit in page_units(project, page)
                 if unit.file == f"docs/{page}" and not unit.added and len(unit.text) > 40
                 and (project / "docs" / page).read_text(encoding="utf-8").count(unit.text) == 1]
    current = dict.fromkeys(sentences)
    for number in range(corrections):
        page, sentence = sentences[number % len(sentences)]
        path = project / "docs" / page
        corrected = f"{sentence[:-1]} (version {number // len(sentences) + 1}){sentence[-1]}"
        path.write_text(path.read_text(encoding="utf-8").replace(current[page, sentence] or sentence, corrected, 1),
                        encoding="utf-8")
        current[page, sentence] = corrected
        git("commit", "--quiet", "--all", "--message", f"Correction {number + 1}", hour=number + 1)
    return project


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corrections", type=int, nargs="?", default=200)
    args = parser.parse_args()
    measure(ROOT, "This repository")
    folder = Path(tempfile.mkdtemp(prefix="history-bench-"))
    try:
        measure(corrected_copy(folder, args.corrections), f"A copy with {args.corrections} corrections")
    finally:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
