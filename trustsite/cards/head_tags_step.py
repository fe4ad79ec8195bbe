"""Publishing step: each page's presence on the web.

The canonical link names the page's published address, even in the offline
copy whose files are named page.html: that is where a shared link should
lead. The meta description is the one the builder rendered from the page's
front matter; where that is only the site's own, trustsite.cards.head_tags's
page_description chooses it (a section's first sentence). Open Graph,
Twitter card and JSON-LD tags repeat the page's title and description; the
Highwire citation_* tags name the article, for Google Scholar and reference
managers, and its PDF where the build prints one. On the
online site each page also gets its link-preview card (trustsite.cards.social_card),
which the tags name; the offline copy gets none, since nothing in it is
shared by link.
"""

import posixpath
from pathlib import Path
from urllib.parse import urljoin

from trustsite.cards.head_tags import PageFacts, PreviewImage, head_tags, page_description, preview_title
from trustsite.cards.social_card import CARD_FOLDER, HEIGHT, WIDTH, card_alt, card_png, left_off_notice
from trustsite.citation import cited_article, highwire_tags
from trustsite.data import load_data
from trustsite.history import History
from trustsite.publish.pages import Page, RenderedSite
from trustsite.structured_data import json_ld_script, medical_web_page
from trustsite.urls import page_url
# The module, not its names: each step module imports the publish package, which imports every step.
from trustsite.whole_article import whole_article_step


def _describe(page: Page, site_description: str) -> str:
    """The page's description, written into its meta description."""
    rendered = page.description
    if rendered != site_description:
        return rendered  # from the page's front matter
    described = page_description(None, whole_article_step.content(page), site_description,
                                 is_homepage=page.path == "index.html")
    page.find(page.theme.description).attrs["content"] = described
    return described


def _title(page: Page, site_name: str) -> str:
    return preview_title(page.title.removesuffix(f" - {site_name}"), site_name,
                         is_homepage=page.path == "index.html")


def _card(site: RenderedSite, page: Page, title: str) -> PreviewImage:
    settings = site.settings
    path = CARD_FOLDER + posixpath.splitext(page.source)[0] + ".png"
    notice = left_off_notice(title, settings.site_name)
    if notice:
        # Printed, not logged: the card is made all the same, and the build shows no INFO line.
        print(f"{Path(settings.docs_dir).name}/{page.source}: {notice}")
    target = site.folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(card_png(title, settings.site_name, settings.published))
    return PreviewImage(url=urljoin(settings.site_url, path), width=WIDTH, height=HEIGHT,
                        alt=card_alt(title, settings.site_name, settings.published))


def add(site: RenderedSite, *, pdf: bool, history: History) -> None:
    settings = site.settings
    article = cited_article(settings)
    citation = highwire_tags(article, urljoin(settings.site_url, settings.file_names.pdf) if pdf else None)
    references = load_data(settings.docs_dir.parent / "data")["references.yml"]
    for page in site.nav_pages:
        url = urljoin(settings.site_url, page_url(page.source, offline=False))
        page.find(page.theme.canonical).attrs["href"] = url
        title = _title(page, settings.site_name)
        facts = PageFacts(
            title=title,
            description=_describe(page, settings.site_description),
            url=url,
            site_name=settings.site_name,
            language=settings.language,
            published=settings.published,
            image=None if site.offline else _card(site, page, title),
        )
        modified = history.last_updated(page.source, settings.published) or settings.published
        data = medical_web_page(facts, article, settings.credits, references, modified=modified,
                                last_reviewed=settings.review.last_reviewed if settings.review else None)
        page.insert("head", "\n".join((head_tags(facts), citation, json_ld_script(data))) + "\n")
