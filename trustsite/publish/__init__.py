"""Publishing: the steps that run over a builder's finished site folder.

Each step is a plain-Python function that imports no builder. It reads the
rendered pages (trustsite.publish.pages: each parsed once, edited by CSS
selector, serialized once for the minifier) and mkdocs.yml (trustsite.settings),
so the site gets the same pictures, cards, head tags, downloads, service
worker and policy whichever builder rendered it. Each step lives with its
feature (trustsite/<feature>/*_step.py); STEPS says in which order they run,
and why there.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from trustsite.accessibility import accessibility_step
from trustsite.cards import head_tags_step
from trustsite.citation import cite_step
from trustsite.credits import about_step
from trustsite.feedback import feedback_step
from trustsite.history import History, history_step
from trustsite.offline_copy import polyfill_step
from trustsite.one_file import one_file_step
from trustsite.pictures import figures_step
from trustsite.policy import policy_step
from trustsite.publication_date import footer_date_step
from trustsite.publish import minify, robots
from trustsite.publish.pages import RenderedSite
from trustsite.review import review_step
from trustsite.search_index import INDEX_FILE, split_search_index
from trustsite.service_worker import worker_step
from trustsite.settings import Settings
from trustsite.whole_article import Section, whole_article_step


@dataclass
class Publication:
    """What the steps share: the rendered site and the build's facts."""

    site: RenderedSite
    pdf: bool
    epoch: int
    # The GitHub repository the build runs in, for readers' replies, if no other address is set.
    repository: str | None
    history: History  # the corrections since first publication, read once for both builds
    sections: list[Section] = field(default_factory=list)


def _read_sections(publication: Publication) -> None:
    publication.sections = whole_article_step.sections(publication.site)


def _split_search_index(publication: Publication) -> None:
    # The builder's search index, if it is Material's (Zensical's has its own form).
    search = publication.site.folder / "search"
    if not publication.site.offline and (search / INDEX_FILE).exists():
        split_search_index(search)


@dataclass(frozen=True)
class Step:
    run: Callable[[Publication], None]
    why: str


# The steps in the order they run. Lambdas, so that a step module may be
# imported on its own (each imports trustsite.publish.pages, hence this package).
STEPS: tuple[Step, ...] = (
    Step(lambda p: polyfill_step.vendor_polyfill(p.site),
         "first: the offline copy's polyfill goes right after the theme's stylesheets, as the builders' "
         "offline mode puts it"),
    Step(lambda p: figures_step.fit(p.site),
         "the pictures before the sections are read: every edition is made from the pages"),
    Step(lambda p: about_step.add(p.site),
         "before the sections are read: the whole-article page and the one-file edition carry it too"),
    Step(lambda p: cite_step.add(p.site),
         "after who stands behind the article, which the reference names; before the sections, likewise"),
    Step(_read_sections,
         "read once: the whole-article page and the one-file edition are both made of them"),
    Step(lambda p: whole_article_step.fill(p.site, p.sections),
         "before the head tags: the whole-article page is described from its content"),
    # Each footer line goes in at the top of the footer, so the last put in shows first.
    Step(lambda p: feedback_step.add(p.site, repository=p.repository),
         "before the review: the way to reply shows below the dates"),
    Step(lambda p: review_step.add(p.site),
         "before the date: the review shows below the publication date"),
    Step(lambda p: history_step.mark_updated(p.site, p.history),
         "before the date: 'Last updated' shows below the date of first publication"),
    Step(lambda p: footer_date_step.add(p.site),
         "before the downloads: they go after the date in every footer"),
    Step(lambda p: history_step.fill(p.site, p.history),
         "after the sections are read: the list of changes is no section of the article"),
    Step(lambda p: history_step.write_feed(p.site, p.history),
         "a file of its own, before the worker's list of files"),
    Step(lambda p: one_file_step.offer(p.site, p.sections, pdf=p.pdf, repository=p.repository, history=p.history),
         "after the date: the downloads follow it in the footer"),
    Step(lambda p: head_tags_step.add(p.site, pdf=p.pdf, history=p.history),
         "before the worker: the head's tags come before the manifest's"),
    Step(lambda p: worker_step.announce(p.site),
         "before the repairs: its registration script comes first before </body>"),
    Step(lambda p: accessibility_step.repair(p.site),
         "the last to add markup, before the minifier"),
    Step(lambda p: minify.minify(p.site),
         "after every step that writes markup: it shrinks what they wrote, and is the first to "
         "work on the pages' text, so each page is serialized here, once"),
    Step(lambda p: policy_step.protect(p.site),
         "the last to change a page: it hashes the scripts and styles as published"),
    Step(lambda p: p.site.write(),
         "the pages written once, with every change made"),
    Step(lambda p: robots.write(p.site),
         "a file of its own, read by no other step"),
    Step(_split_search_index,
         "before the worker's list: the worker keeps the split index's files"),
    Step(lambda p: worker_step.write(p.site),
         "the worker's list of files is read from the finished site"),
    Step(lambda p: about_step.notice(p.site),
         "last: a build that an earlier step refuses says only why"),
)


def publish(folder: Path, settings: Settings, *, offline_copy: bool, pdf: bool, epoch: int, history: History,
            preview: bool = False, repository: str | None = None) -> None:
    """Turn the builder's output in `folder` into the site as published, with
    the corrections `history` holds; a `preview` (under `mkdocs serve`) gets no
    policy and no service worker. `repository`: the GitHub repository's address
    on GitHub Actions, whose new-issue form readers reply through where
    mkdocs.yml sets no address."""
    site = RenderedSite.read(folder, settings, offline=offline_copy, preview=preview)
    publication = Publication(site, pdf=pdf, epoch=epoch, repository=repository, history=history)
    for step in STEPS:
        step.run(publication)
