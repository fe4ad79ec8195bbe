"""The site's presence on the web: head tags, canonical URLs and robots.txt.

A thin adapter: trustsite/seo.py builds the tags from what MkDocs knows here.
"""

import os
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from trustsite.seo import PageFacts, head_tags, modified_date, page_description, preview_title


def on_config(config):
    if not config.site_url:
        raise PluginError("site_url is empty: set SITE_URL, or site_url in mkdocs.yml, "
                          "to the address the site is published at")
    try:
        config.extra["published"] = date.fromisoformat(str(config.extra.get("published")))
    except ValueError:
        raise PluginError("mkdocs.yml, extra.published: write the article's "
                          "publication date as YYYY-MM-DD") from None


def on_pre_page(page, config, files):
    # The published address of the page, even in the offline copy whose
    # files are named page.html: that is where a shared link should lead.
    online = File(page.file.src_uri, config.docs_dir, config.site_dir, use_directory_urls=True)
    page.canonical_url = urljoin(config.site_url, online.url.removeprefix("./"))
    return page


def on_page_content(html, page, config, files):
    # Material's meta description and the tags below both read it.
    page.meta["description"] = page_description(page.meta.get("description"), html, config.site_description,
                                                is_homepage=page.is_homepage)
    return html


def on_page_context(context, page, config, nav):
    published = config.extra["published"]
    facts = PageFacts(
        title=preview_title(page.title, config.site_name, is_homepage=page.is_homepage),
        description=page.meta["description"],
        url=page.canonical_url,
        site_name=config.site_name,
        language=config.theme["language"],
        published=published,
        modified=modified_date(os.environ.get("SOURCE_DATE_EPOCH"), published),
        # Set by hooks/social_cards.py on the online site's pages.
        image=getattr(page, "preview_image", None),
    )
    context["seo_head"] = Markup(head_tags(facts))
    return context


def on_post_build(config):
    sitemap = urljoin(config.site_url, "sitemap.xml")
    Path(config.site_dir, "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", encoding="utf-8")
