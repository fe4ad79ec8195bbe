"""Publishing: the steps that run over a builder's finished site folder.

Each step is a plain-Python module that imports no builder. It reads the
rendered pages (trustsite.publish.pages) and mkdocs.yml (trustsite.settings),
so the site gets the same pictures, cards, head tags, downloads, service
worker and policy whichever builder rendered it. `publish` runs them in their
order: the pictures first (every edition is made from the pages), the policy
last, over every page as it is published; then the files read from the
finished site (the search split and the service worker).
"""

from pathlib import Path

from trustsite.publish import (accessibility, figures, footer_date, head_tags, minify, offline, policy, read_offline,
                               robots,
                               service_worker, whole_article)
from trustsite.publish.pages import RenderedSite
from trustsite.search_index import INDEX_FILE, split_search_index
from trustsite.settings import Settings


def publish(folder: Path, settings: Settings, *, offline_copy: bool, pdf: bool, epoch: int,
            preview: bool = False) -> None:
    """Turn the builder's output in `folder` into the site as published; a
    `preview` (under `mkdocs serve`) gets no policy and no service worker."""
    site = RenderedSite.read(folder, settings, offline=offline_copy, preview=preview)
    offline.vendor_polyfill(site)
    figures.fit(site)
    # Read once: the whole-article page and the one-file edition are both made of them.
    sections = whole_article.sections(site)
    whole_article.fill(site, sections)
    footer_date.add(site)
    read_offline.offer(site, sections, pdf=pdf)
    head_tags.add(site, epoch=epoch)
    service_worker.announce(site)
    accessibility.repair(site)
    minify.minify(site)
    policy.protect(site)
    site.write()
    robots.write(site)
    # The builder's search index, if it is Material's (Zensical's has its own form).
    if not offline_copy and (folder / "search" / INDEX_FILE).exists():
        split_search_index(folder / "search")
    service_worker.write(site)
