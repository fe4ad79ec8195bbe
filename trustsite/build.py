"""The build: check the sources, render with a builder, publish over the rendered folder.

    python -m trustsite build [--builder mkdocs|zensical] [--pdf] [--publish] ...  (trustsite/cli.py)

The build has three stages: check the sources (trustsite.check, the data and
the pages' rules), render them once with the chosen builder (trustsite.builders:
MkDocs with Material, the default, or Zensical), and publish over the rendered
folder (trustsite.publish: the whole-article page, head tags, cards, downloads,
the service worker, the policy last). The offline copy is derived from the same
rendering (trustsite.offline_copy.derive), then published as the offline copy.
Both go to a staging folder first. site/ and dist/ are
replaced only when everything has succeeded, so a failed build leaves the last
good site exactly as it was. A build that runs past its time limit is stopped
(time_limit): some input (a page Python-Markdown finds pathological) could
otherwise keep it busy for hours.
"""

import dataclasses
import gzip
import importlib.util
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from trustsite import service_worker
from trustsite.builders import RENDERERS
from trustsite.cards.social_card import CARD_FOLDER
from trustsite.check import check_pages
from trustsite.context import BuildContext
from trustsite.history import History
from trustsite.history.corrections import read_history
from trustsite.offline_copy import used_offline
from trustsite.offline_copy.archive import pack, write_checksum
from trustsite.offline_copy.derive import derive_offline_copy
from trustsite.pdf import render_pdf
from trustsite.pictures import size_lines
from trustsite.publish import publish
from trustsite.settings import Settings, load_settings


def source_date_epoch(project: Path) -> int:
    """SOURCE_DATE_EPOCH if the caller set it, else the last commit's time, so
    the same commit gives the same bytes."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        return int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, check=True,
                                  capture_output=True, text=True).stdout.strip() or "0")
    except (OSError, subprocess.CalledProcessError):
        return 0  # not a git checkout: a fixed date is still reproducible


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Stop what runs inside after `seconds` (0: never). Raised while MkDocs
    reads a page, the error is reported with the page's name. The alarm and its
    handler are the process's: both are put back on leaving."""
    def stop(signal_number, frame):
        raise TimeoutError(f"the build took more than {seconds} s and was stopped: "
                           "something it was reading is too complex to finish")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class _MacroNames:
    """Stands in for mkdocs-macros' env: running macros.py with it checks the
    data files and learns the macros a page may call (its site_macros), with
    the settings they read (mkdocs.yml's extra)."""

    def __init__(self, project: Path, settings: Settings) -> None:
        self.project_dir = str(project)
        self.conf = {"extra": settings.extra}
        self.site_macros: dict = {}

    def macro(self, function):
        return function


def _project_macros(project: Path):
    """The project's macros.py, loaded from its file as mkdocs-macros loads it."""
    spec = importlib.util.spec_from_file_location("macros", project / "macros.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_sources(project: Path) -> Settings:
    """Stage 1: mkdocs.yml's settings, the data files and the pages, before any builder runs."""
    settings = load_settings(project / "mkdocs.yml")
    defined = _MacroNames(project, settings)
    _project_macros(project).define_env(defined)
    check_pages(settings.docs_dir, defined.site_macros)
    return settings


def publish_build(site_dir: Path, context: BuildContext) -> None:
    """Stage 3 of one edition: publish over its rendered folder."""
    publish(site_dir, context.settings, offline_copy=context.offline, pdf=context.pdf, epoch=context.epoch,
            repository=context.repository, history=context.history)


def pack_offline_copy(copy: Path, context: BuildContext, dist_dir: Path) -> Path:
    """dist/<name>-offline.zip and its .sha256, holding only what the copy uses."""
    settings = context.settings
    archive = dist_dir / settings.file_names.archive
    pack(copy, archive, top=settings.file_names.archive_folder, epoch=context.epoch,
         include=lambda relative: used_offline(relative, settings.search_languages))
    write_checksum(archive)
    return archive


def replace_dir(new: Path, target: Path, trash: Path) -> None:
    """Swap `new` into `target`; the old copy goes to `trash`."""
    if target.exists():
        os.replace(target, trash / target.name)
    os.replace(new, target)


def build_all(project: Path, site_dir: Path, dist_dir: Path, *, builder: str = "mkdocs",
              pdf: bool = False, repository: str | None = None) -> BuildContext:
    """Build the project at `project` into site_dir and dist_dir; the build's context.
    `repository`: the GitHub repository's address, for readers' replies (trustsite.feedback)."""
    # The history is read once, for both builds.
    online = BuildContext(project, check_sources(project), builder, source_date_epoch(project),
                          read_history(project), pdf=pdf, repository=repository)
    # The offline copy links no PDF.
    offline = dataclasses.replace(online, offline=True, pdf=False)
    names = online.settings.file_names
    render = RENDERERS[builder]()
    for folder in (site_dir, dist_dir):
        folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=site_dir.parent))
    try:
        render(staging / "site", online)
        # Before the online site is published over it: the copy is published as the offline copy.
        derive_offline_copy(staging / "site", staging / "offline", online.settings.docs_dir)
        publish_build(staging / "site", online)
        publish_build(staging / "offline", offline)
        (staging / "dist").mkdir()
        archive = pack_offline_copy(staging / "offline", online, staging / "dist")
        # Hosted beside the site too, for its download link.
        shutil.copyfile(archive, staging / "site" / names.archive)
        # The one-file edition, which the online build writes beside the site.
        shutil.copyfile(staging / "site" / names.one_file, staging / "dist" / names.one_file)
        if pdf:
            document = render_pdf(staging / "site", staging / "dist" / names.pdf,
                                  title=online.settings.site_name, epoch=online.epoch)
            shutil.copyfile(document, staging / "site" / names.pdf)
        (staging / "trash").mkdir()
        replace_dir(staging / "site", site_dir, staging / "trash")
        replace_dir(staging / "dist", dist_dir, staging / "trash")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return online


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
