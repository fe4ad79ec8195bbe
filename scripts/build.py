"""Build the online site and the offline copy in one process, atomically.

    python scripts/build.py [--builder mkdocs|zensical] [--site-dir site] [--dist-dir dist] [--pdf] [--publish]
                            [--time-limit 300]

Each of the two builds has three stages: check the sources (trustsite.check,
the data and the pages' rules), render them with the chosen builder (MkDocs
with Material, the default, or Zensical), and publish over the rendered folder
(trustsite.publish: the whole-article page, head tags, cards, downloads, the
service worker, the policy last). Both builds go to a staging folder first.
site/ and dist/ are replaced only when everything has succeeded, so a failed
build leaves the last good site exactly as it was. A failure prints what MkDocs or the data check said and no
Python traceback (set TRUSTSITE_DEBUG=1 to see one). A build that runs past its
time limit is stopped the same way: some input (a page Python-Markdown finds
pathological) could otherwise keep it busy for hours.

The report stays short: about ten problems of one kind in full, then a count
of the rest. On GitHub Actions each problem is also a workflow command, shown
on its line of a pull request, and a good build's figures go to the job summary.
"""

import argparse
import gzip
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import jinja2

ROOT = Path(__file__).resolve().parent.parent
# The hooks import trustsite from the project root.
sys.path.insert(0, str(ROOT))

from mkdocs.commands.build import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import BasePlugin  # noqa: E402

import macros  # noqa: E402
from trustsite import github, service_worker  # noqa: E402
from trustsite.builders import BUILDERS, zensical_program  # noqa: E402
from trustsite.cards.head_tags import placeholder_problem  # noqa: E402
from trustsite.cards.social_card import CARD_FOLDER  # noqa: E402
from trustsite.check import check_pages  # noqa: E402
from trustsite.data import DataError  # noqa: E402
from trustsite.history import History  # noqa: E402
from trustsite.history.corrections import read_history  # noqa: E402
from trustsite.link_check import BrokenLinks  # noqa: E402
from trustsite.messages import BROKEN_LINKS, ShortReport  # noqa: E402
from trustsite.offline_copy import used_offline  # noqa: E402
from trustsite.offline_copy.archive import pack, write_checksum  # noqa: E402
from trustsite.pdf import render_pdf  # noqa: E402
from trustsite.pictures import size_lines  # noqa: E402
from trustsite.publish import publish  # noqa: E402
from trustsite.settings import Settings, load_settings, read_config  # noqa: E402

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


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH if the caller set it, else the last commit's time, so
    the same commit gives the same bytes."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        return int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout.strip() or "0")
    except (OSError, subprocess.CalledProcessError):
        return 0  # not a git checkout: a fixed date is still reproducible


def builder_environment(*, offline: bool, epoch: int) -> dict[str, str]:
    """What the builders can only be told through the environment, said here
    alone: the build's date, which MkDocs (mkdocs.utils.get_build_datetime) and
    Zensical read as SOURCE_DATE_EPOCH, and whether Zensical renders the offline
    copy, which mkdocs.yml's `enabled: !ENV [OFFLINE, false]` reads. MkDocs,
    run in this process, has its offline plugin switched in its config."""
    return {"SOURCE_DATE_EPOCH": str(epoch), "OFFLINE": "true" if offline else "false"}


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory: the second build reuses the
    first's instead of compiling every template again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class _ShareTemplates(BasePlugin):
    """Gives a build's Jinja environment the cache both builds share."""

    def __init__(self, cache: jinja2.BytecodeCache) -> None:
        self.cache = cache

    def on_env(self, env, *, config, files):
        env.bytecode_cache = self.cache
        return env


_TEMPLATES = _CompiledTemplates()


def stop_after(seconds: int) -> None:
    """Stop the build after `seconds` (0: never). Raised while MkDocs reads a
    page, the error is reported with the page's name."""
    def stop(signal_number, frame):
        raise TimeoutError(f"the build took more than {seconds} s and was stopped: "
                           "something it was reading is too complex to finish")
    signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)


class _MacroNames:
    """Stands in for mkdocs-macros' env: running macros.py with it checks the
    data files and learns the macros a page may call (its site_macros), with
    the settings they read (mkdocs.yml's extra)."""

    def __init__(self, settings: Settings) -> None:
        self.project_dir = str(ROOT)
        self.conf = {"extra": settings.extra}
        self.site_macros: dict = {}

    def macro(self, function):
        return function


def check_sources() -> Settings:
    """Stage 1: mkdocs.yml's settings, the data files and the pages, before any builder runs."""
    settings = load_settings(ROOT / "mkdocs.yml")
    defined = _MacroNames(settings)
    macros.define_env(defined)
    check_pages(settings.docs_dir, defined.site_macros)
    return settings


def render_with_mkdocs(site_dir: Path, *, offline: bool, epoch: int) -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins["material/offline"].config.enabled = offline
    config.plugins["build.py/shared-templates"] = _ShareTemplates(_TEMPLATES)
    config.plugins.on_startup(command="build", dirty=False)
    # MkDocs runs in this process: its environment is set for this render only.
    with mock.patch.dict(os.environ, builder_environment(offline=offline, epoch=epoch)):
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()


ZENSICAL = zensical_program(ROOT)


def render_with_zensical(site_dir: Path, *, offline: bool, epoch: int) -> None:
    """Zensical, from the same mkdocs.yml. It writes only inside the project
    (SITE_DIR, read by mkdocs.yml's site_dir), so it renders into a folder
    there, which then moves to `site_dir`."""
    if not ZENSICAL.exists():
        raise FileNotFoundError(f"{ZENSICAL} is missing: `make build BUILDER=zensical` installs it")
    rendered = Path(tempfile.mkdtemp(prefix=".zensical-", dir=ROOT))
    try:
        # macros.py imports trustsite from the project root; --clean: no page from an earlier build's cache.
        result = subprocess.run([str(ZENSICAL), "build", "--clean", "--strict", "-f", str(ROOT / "mkdocs.yml")],
                                cwd=ROOT, capture_output=True, text=True,
                                env={**os.environ, **builder_environment(offline=offline, epoch=epoch),
                                     "SITE_DIR": str(rendered), "PYTHONPATH": str(ROOT)})
        if result.returncode != 0:
            said = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
            raise RuntimeError(f"Zensical: {said[-1] if said else f'exit status {result.returncode}'}")
        shutil.move(rendered, site_dir)
    finally:
        shutil.rmtree(rendered, ignore_errors=True)


# In BUILDERS' order.
RENDERERS = dict(zip(BUILDERS, (render_with_mkdocs, render_with_zensical), strict=True))


def build_site(site_dir: Path, settings: Settings, *, builder: str, offline: bool, epoch: int, history: History,
               pdf: bool = False) -> None:
    """Stages 2 and 3 of one build: render into `site_dir`, then publish over it."""
    RENDERERS[builder](site_dir, offline=offline, epoch=epoch)
    publish(site_dir, settings, offline_copy=offline, pdf=pdf, epoch=epoch, history=history)


def pack_offline_copy(copy: Path, settings: Settings, dist_dir: Path, epoch: int) -> Path:
    """dist/<name>-offline.zip and its .sha256, holding only what the copy uses."""
    archive = dist_dir / settings.file_names.archive
    pack(copy, archive, top=settings.file_names.archive_folder, epoch=epoch,
         include=lambda relative: used_offline(relative, settings.search_languages))
    write_checksum(archive)
    return archive


def replace_dir(new: Path, target: Path, trash: Path) -> None:
    """Swap `new` into `target`; the old copy goes to `trash`."""
    if target.exists():
        os.replace(target, trash / target.name)
    os.replace(new, target)


def build_all(site_dir: Path, dist_dir: Path, *, builder: str = "mkdocs",
              pdf: bool = False) -> tuple[Settings, History]:
    """Build everything into site_dir and dist_dir; mkdocs.yml's settings, and the corrections shown."""
    epoch = source_date_epoch()
    settings = check_sources()
    # Read once, for both builds.
    history = read_history(ROOT)
    names = settings.file_names
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=site_dir.parent))
    try:
        build_site(staging / "site", settings, builder=builder, offline=False, epoch=epoch, history=history,
                   pdf=pdf)
        build_site(staging / "offline", settings, builder=builder, offline=True, epoch=epoch, history=history)
        (staging / "dist").mkdir()
        archive = pack_offline_copy(staging / "offline", settings, staging / "dist", epoch)
        # Hosted beside the site too, for its download link.
        shutil.copyfile(archive, staging / "site" / names.archive)
        # The one-file edition, which the online build writes beside the site.
        shutil.copyfile(staging / "site" / names.one_file, staging / "dist" / names.one_file)
        if pdf:
            document = render_pdf(staging / "site", staging / "dist" / names.pdf,
                                  title=settings.site_name, epoch=epoch)
            shutil.copyfile(document, staging / "site" / names.pdf)
        (staging / "trash").mkdir()
        replace_dir(staging / "site", site_dir, staging / "trash")
        replace_dir(staging / "dist", dist_dir, staging / "trash")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return settings, history


def built_figures(site_dir: Path, dist_dir: Path, settings: Settings, history: History, *,
                  pdf: bool) -> list[tuple[str, str]]:
    """What a good build made, and how large, as (what, figures)."""
    pages = list(site_dir.rglob("index.html"))
    names = settings.file_names
    archive = dist_dir / names.archive
    edition = (dist_dir / names.one_file).read_bytes()
    figures = [
        ("Pages", f"{len(pages)} in {site_dir.name}/"),
        ("One-file edition", f"{dist_dir.name}/{names.one_file}, {len(edition):,} bytes, "
                             f"{len(gzip.compress(edition, 9, mtime=0)):,} gzipped"),
        ("Offline copy", f"{dist_dir.name}/{names.archive}, {archive.stat().st_size:,} bytes"),
    ]
    if pdf:
        figures.append(("PDF", f"{dist_dir.name}/{names.pdf}, {(dist_dir / names.pdf).stat().st_size:,} bytes"))
    figures.append(("Changes since first publication", history_line(history)))
    figures += [("Picture", line) for line in size_lines(settings.docs_dir, site_dir)]
    cards = sorted((site_dir / CARD_FOLDER).rglob("*.png"))
    figures.append(("Link-preview cards", f"{len(cards)} in {site_dir.name}/{CARD_FOLDER}, "
                                          f"{sum(card.stat().st_size for card in cards):,} bytes in all"))
    if service_worker.enabled(settings.extra, offline=False, preview=False):
        saved = service_worker.saved_files(site_dir, settings.search_languages, settings.docs_dir,
                                           settings.file_names)
        figures.append(("Kept by readers' browsers after a first visit",
                        f"{len(saved)} files, {sum(file.path.stat().st_size for file in saved):,} bytes"))
    return figures


def history_line(history: History) -> str:
    """What the build made of the history: the corrections it shows, or why it shows none."""
    if history.missing:
        return f"none shown, only the first publication's date: {history.missing}"
    return f"{len(history.corrections)}, from {history.commits_read} commits of docs/ and data/"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist")
    parser.add_argument("--builder", choices=BUILDERS, default=BUILDERS[0],
                        help="what renders the pages (default mkdocs: MkDocs with Material)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' progress")
    parser.add_argument("--pdf", action="store_true",
                        help="also print the whole article to a PDF in the dist folder, linked from the site")
    parser.add_argument("--publish", action="store_true",
                        help="refuse to build for the placeholder address (make deploy)")
    parser.add_argument("--time-limit", type=int, default=300, metavar="SECONDS",
                        help="stop a build that runs longer (default %(default)s; 0 for no limit)")
    args = parser.parse_args()

    handler = logging.StreamHandler()
    handler.setFormatter(_Formatter())
    reported, shortened = _ErrorSeen(), _Shortened()
    handler.addFilter(reported)  # first: it counts what the short report leaves out too
    handler.addFilter(shortened)
    log.addHandler(handler)
    log.setLevel(logging.INFO if args.verbose else logging.WARNING)
    os.chdir(ROOT)

    if args.publish:
        try:
            problem = placeholder_problem(read_config(ROOT / "mkdocs.yml").get("site_url") or "")
        except DataError as error:  # mkdocs.yml's own mistake, said as the build says it
            problem = str(error)
        if problem:
            log.error(problem)
            return 1

    started = time.monotonic()
    stop_after(args.time_limit)
    try:
        settings, history = build_all(args.site_dir.resolve(), args.dist_dir.resolve(), builder=args.builder, pdf=args.pdf)
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
    figures = built_figures(args.site_dir, args.dist_dir, settings, history, pdf=args.pdf)
    for label, value in figures:
        print(f"{label}: {value}")
    github.add_to_summary(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
