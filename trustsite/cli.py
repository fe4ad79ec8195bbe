"""The project's commands, run in the project's folder (the Makefile's targets):

    python -m trustsite build [--builder mkdocs|zensical] [--site-dir site] [--dist-dir dist] [--pdf] [--publish]
                              [--time-limit 300]                                   (make build, make pdf, make deploy)
    python -m trustsite check-original                                             (make check-original)

A failed build prints what MkDocs or the data check said and no Python
traceback (set TRUSTSITE_DEBUG=1 to see one). The report stays short: about
ten problems of one kind in full, then a count of the rest. On GitHub Actions
each problem is also a workflow command, shown on its line of a pull request,
and a good build's figures go to the job summary.

check-original lists every way the article's sources (the pages under docs/,
the tables under data/) differ from its first publication (original/article.txt),
one line per difference: where the sources hold it, and what it was. It exits 1
if there is any, so that a change to the article's words in this repository is
always deliberate; a publisher's own corrections are theirs, and `make test`
and the Pages workflow never run it.
"""

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from mkdocs.exceptions import Abort

from trustsite import github
from trustsite.build import build_all, built_figures, time_limit
from trustsite.builders import BUILDERS
from trustsite.cards.head_tags import placeholder_problem
from trustsite.data import DataError
from trustsite.link_check import BrokenLinks
from trustsite.messages import BROKEN_LINKS, ShortReport
from trustsite.original import ORIGINAL, check_original
from trustsite.review import interval_notice, overdue_notice
from trustsite.settings import read_config

log = logging.getLogger("mkdocs")


class _ErrorSeen(logging.Filter):
    """Remembers whether MkDocs has already reported an error."""

    seen = False

    def filter(self, record: logging.LogRecord) -> bool:
        self.seen = self.seen or record.levelno >= logging.ERROR
        return True


class _Shortened(logging.Filter):
    """Lets through the problems a short report shows (trustsite/messages.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.report = ShortReport()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        return self.report.admit(record.getMessage(), getattr(record, "problem_kind", "problems"))


class _Formatter(logging.Formatter):
    """"LEVEL   -  message", cut to 400 characters (MkDocs quotes what a page
    says, whole); on GitHub Actions also as an ::error workflow command."""

    def __init__(self) -> None:
        super().__init__("%(levelname)-7s -  %(message).400s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        if record.levelno >= logging.WARNING and github.on_github():
            line += "\n" + github.error_command(record.getMessage()[:400])
        return line


def build(args: argparse.Namespace) -> int:
    """Build the project in the current folder, reporting as described above."""
    project = Path.cwd()
    handler = logging.StreamHandler()
    handler.setFormatter(_Formatter())
    reported, shortened = _ErrorSeen(), _Shortened()
    handler.addFilter(reported)  # first: it counts what the short report leaves out too
    handler.addFilter(shortened)
    log.addHandler(handler)
    log.setLevel(logging.INFO if args.verbose else logging.WARNING)

    if not (project / "mkdocs.yml").is_file():
        log.error("%s holds no mkdocs.yml: run the build in the project's folder", project)
        return 1
    if args.publish:
        try:
            problem = placeholder_problem(read_config(project / "mkdocs.yml").get("site_url") or "")
        except DataError as error:  # mkdocs.yml's own mistake, said as the build says it
            problem = str(error)
        if problem:
            log.error(problem)
            return 1

    started = time.monotonic()
    # Read here alone: GitHub Actions names the repository the build runs in.
    repository = github.repository_url(os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY"))
    with time_limit(args.time_limit):
        try:
            context = build_all(project, args.site_dir.resolve(), args.dist_dir.resolve(),
                                builder=args.builder, pdf=args.pdf, repository=repository)
        except (Exception, SystemExit) as error:
            if os.environ.get("TRUSTSITE_DEBUG"):
                raise
            if isinstance(error, BrokenLinks):
                # Warnings, as MkDocs' own link warnings are.
                for message in error.messages:
                    log.warning(message, extra={"problem_kind": BROKEN_LINKS})
            # Abort and SystemExit follow a message MkDocs has already logged.
            elif not (reported.seen or isinstance(error, (Abort, SystemExit))):
                log.error(str(error))
            for line in shortened.report.rest():
                print(f"{'ERROR':<7} -  {line}", file=sys.stderr)
            log.error("Build failed; %s/ and %s/ were left as they were.", args.site_dir.name, args.dist_dir.name)
            return 1
    print(f"Built {args.site_dir.name}/ and {args.dist_dir.name}/ in {time.monotonic() - started:.1f} s")
    figures = built_figures(args.site_dir, args.dist_dir, context.settings, context.history, pdf=args.pdf)
    for label, value in figures:
        print(f"{label}: {value}")
    review = context.settings.review
    notices = [notice for notice in (overdue_notice(review, context.epoch, "mkdocs.yml"),
                                     interval_notice(review, "mkdocs.yml")) if notice]
    for notice in notices:
        print(notice)
    github.add_to_summary(figures, notices)
    return 0


def compare_with_original(args: argparse.Namespace) -> int:
    """Print every difference from the first publication; 1 if there is any."""
    found = check_original(Path.cwd())
    if not found:
        print(f"The sources match the first publication ({ORIGINAL}).")
        return 0
    for difference in found:
        print(difference)
    print(f"{len(found)} difference{'s' * (len(found) != 1)} from the first publication ({ORIGINAL}).")
    return 1


def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(prog="python -m trustsite", description=__doc__.splitlines()[0])
    chosen = commands.add_subparsers(required=True, metavar="COMMAND")
    building = chosen.add_parser("build", help="check, render and publish the site and the downloads",
                                 description="Build the online site and the offline copy in one process, atomically.")
    building.add_argument("--site-dir", type=Path, default=Path("site"))
    building.add_argument("--dist-dir", type=Path, default=Path("dist"))
    building.add_argument("--builder", choices=BUILDERS, default=BUILDERS[0],
                          help="what renders the pages (default mkdocs: MkDocs with Material)")
    building.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' progress")
    building.add_argument("--pdf", action="store_true",
                          help="also print the whole article to a PDF in the dist folder, linked from the site")
    building.add_argument("--publish", action="store_true",
                          help="refuse to build for the placeholder address (make deploy)")
    building.add_argument("--time-limit", type=int, default=300, metavar="SECONDS",
                          help="stop a build that runs longer (default %(default)s; 0 for no limit)")
    building.set_defaults(command=build)
    original = chosen.add_parser("check-original", help="list every way the words differ from the first publication",
                                 description="List every way the article's sources differ from its first publication.")
    original.set_defaults(command=compare_with_original)
    return commands


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.command(args)
