"""The publisher's drill: every edit a publisher makes reaches every edition.

    python -m trustsite_tools.drill     (make drill)

Copies the project with its tests into a temporary folder, makes it a git
repository, and makes there, one commit each, the edits drill/edits.yml
describes: a typo corrected, a first sentence rewritten, a cell changed and
rows added and removed in each table, two references and a citation, a page
added to the menu and a section renamed, a photograph and a diagram, a
footnote, notes, a table, a paragraph in French and a new publication date.
Then it runs `make test` there, the whole suite, and `make pdf`, and looks
for each edit, as the publisher wrote it, in each edition: the site, the
whole-article page, the one-file edition, the offline copy (unzipped) and
the PDF (its text read with pypdf); the typo's correction, with its commit
message as the reason, in the list of changes and in feed.xml. It prints one
line per edit and edition, keeps the copy if anything failed, and exits 1 then.

Each edit finds its place by the article's structure (the third page of the
menu, a table's first row), never by today's words, so the drill holds after
any correction. The tests never read drill/.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from trustsite_tools.edition_checks import Document, Edit, Pdf, compact
from trustsite_tools.project_copy import ROOT, copy_with_tests, make_command
from trustsite_tools.publisher_edits import Drill
from trustsite.urls import output_path
from trustsite.whole_article import PAGE as WHOLE_ARTICLE_PAGE

EDITS = ROOT / "drill" / "edits.yml"
EDITIONS = ["site", "whole article", "one file", "offline", "PDF"]
HTML_EDITIONS = EDITIONS[:-1]


# -- Reading the editions ---------------------------------------------------------------------

def download(dist: Path, suffix: str) -> Path | None:
    """The one file of dist/ that ends in `suffix`, if there is one: the editions
    are told apart by their kind, whatever the site's address names them."""
    found = list(dist.glob(f"*{suffix}"))
    return found[0] if len(found) == 1 else None


def read_html(edition: str, path: Path | None, root: Path) -> Document | None:
    if path is None or not path.is_file():
        return None
    return Document(edition, path, root, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))


def document(project: Path, offline: Path, edition: str, page: str) -> Document | None:
    """The HTML file of `edition` that holds docs/`page`."""
    site, dist = project / "site", project / "dist"
    if edition == "site":
        return read_html(edition, site / output_path(page, offline=False), site)
    if edition == "whole article":
        return read_html(edition, site / output_path(WHOLE_ARTICLE_PAGE, offline=False), site)
    if edition == "one file":
        return read_html(edition, download(dist, ".html"), dist)
    return read_html(edition, offline / output_path(page, offline=True), offline)


def read_pdf(path: Path | None) -> Pdf | None:
    """The PDF's text, each page's number at its foot ("6 / 17") left out, and its images' shapes."""
    if path is None:
        return None
    pages = PdfReader(path).pages
    text = compact(" ".join(re.sub(r"\s*\d+ / \d+\s*$", "", page.extract_text()) for page in pages))
    images = [reference.get_object() for page in pages
              for reference in page.get("/Resources", {}).get("/XObject", {}).values()]
    return Pdf(text, [image["/Width"] / image["/Height"] for image in images if image.get("/Subtype") == "/Image"])


def check(edit: Edit, project: Path, offline: Path, pdf: Pdf | None) -> dict[str, list[str]]:
    """Each edition's problems with `edit`: none, if it shows the edit as the publisher made it."""
    problems = {edition: [] for edition in EDITIONS}
    for edition in HTML_EDITIONS:
        cache: dict[str, Document | None] = {}
        for expected in edit.expected:
            if expected.page not in cache:
                cache[expected.page] = document(project, offline, edition, expected.page)
            doc = cache[expected.page]
            if doc is None:
                problems[edition].append(f"no page for docs/{expected.page}")
            elif problem := expected.in_html(doc):
                problems[edition].append(problem)
    if pdf is None:
        problems["PDF"].append("make pdf made no PDF")
    else:
        problems["PDF"] += [problem for expected in edit.expected if (problem := expected.in_pdf(pdf))]
    return problems


# -- The run --------------------------------------------------------------------------------

def run_make(project: Path, target: str) -> tuple[bool, str]:
    result = subprocess.run(make_command(target), cwd=project, capture_output=True, text=True)
    return result.returncode == 0, result.stdout + result.stderr


def summary_line(output: str) -> str:
    """pytest's closing line ("612 passed in 540.12s"), or the output's last line."""
    lines = [line for line in output.splitlines() if line.strip()]
    closing = [line for line in lines if re.search(r"\d+ (passed|failed|error)", line)]
    return (closing or lines or ["(no output)"])[-1].strip(" =")


def unzipped(archive: Path | None, folder: Path) -> Path:
    """The offline copy, unzipped as a reader would: its one top folder (`folder` if there is no archive)."""
    if archive is None:
        return folder
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    (top,) = folder.iterdir()
    return top


def report_editions(edits: list[Edit], project: Path, offline: Path, pdf: Pdf | None) -> list[str]:
    """Print PASS or FAIL for each edit in each edition; what failed, one line each."""
    failures = []
    print("\n" + f"{'edit':<52}" + "".join(f"{edition:<15}" for edition in EDITIONS))
    for number, edit in enumerate(edits, 1):
        problems = check(edit, project, offline, pdf)
        print(f"{number:3}. {edit.title[:46]:<47}" + "".join(
            f"{'PASS' if not problems[edition] else 'FAIL':<15}" for edition in EDITIONS))
        failures += [f"{number}. {edit.title}, {edition}: {problem}"
                     for edition in EDITIONS for problem in problems[edition]]
    if failures:
        print("\nWhat failed:\n" + "\n".join(f"  {failure}" for failure in failures))
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the copy even if every check passes")
    args = parser.parse_args()
    # Each line as it is printed, so that a CI log shows the edits while the suite runs.
    sys.stdout.reconfigure(line_buffering=True)
    started = time.monotonic()
    plan = yaml.safe_load(EDITS.read_text(encoding="utf-8"))
    folder = Path(tempfile.mkdtemp(prefix="drill-"))
    project = copy_with_tests(folder / "project")
    drill = Drill(project, plan)
    try:
        drill.make_all()
    except LookupError as error:
        print(f"drill: cannot make its edits in {project}: {error}")
        return 1
    print(f"The publisher's drill, in {project} (git log there: {drill.commits} commits)\n")
    for number, edit in enumerate(drill.edits, 1):
        print(f"{number:3}. {edit.title}  ({edit.where})")

    print("\nmake test (the whole suite) and make pdf, in the copy ...")
    tested, test_output = run_make(project, "test")
    print(f"make test: {'passed' if tested else 'FAILED'}, {summary_line(test_output)}")
    if not tested:
        lines = test_output.splitlines()
        print("\n".join(line for line in lines if line.startswith(("FAILED", "ERROR")))[:5000])
        # pytest's "E" lines carry each failure's whole message; the summary line keeps its first line only.
        print("\n".join(line for line in lines if line.startswith("E "))[:5000])
    built, build_output = run_make(project, "pdf")
    print(f"make pdf: {'built' if built else 'FAILED'}")
    if not built:
        print(build_output[-3000:])

    dist = project / "dist"
    failures = report_editions(drill.edits, project, unzipped(download(dist, ".zip"), folder / "offline"),
                               read_pdf(download(dist, ".pdf")))
    passed = tested and built and not failures
    minutes, seconds = divmod(round(time.monotonic() - started), 60)
    print(f"\n{'PASS' if passed else 'FAIL'}: {len(drill.edits)} edits, make test "
          f"{'passed' if tested else 'FAILED'}, {len(failures)} problems in the editions; took {minutes} min {seconds} s")
    if passed and not args.keep:
        shutil.rmtree(folder)
    else:
        print(f"The copy is kept in {project}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
