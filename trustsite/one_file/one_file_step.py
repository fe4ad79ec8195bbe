"""Publishing step: the one-file edition, and the ways to read offline on the pages.

The edition is made from the rendered sections (trustsite.one_file), so the
footer of every page of the online site can give its size, beside the zip;
the opening page gets the "Read offline" section after its introduction. The
PDF's link joins the footer only in a build that prints it (`make pdf`). The
offline copy is already offline: it offers neither download.
"""

import re

from trustsite.history import History
from trustsite.one_file import Edition, one_file_html
from trustsite.one_file.downloads import SECTION_ID, Downloads, footer_html, section_html
from trustsite.pdf import pdf_link_html
from trustsite.publish.pages import Page, RenderedSite
# The modules, not their names: each step module imports the publish package, which imports every step.
from trustsite.history import history_step
from trustsite.service_worker import worker_step
from trustsite.settings import FileNames
from trustsite.whole_article import Section, whole_article_step

# The footer line of partials/copyright.html: the downloads go after the date and the copyright notice.
_COPYRIGHT = re.compile(r'<div class="md-copyright">(\s*<div class="md-copyright__highlight">.*?</div>)*', re.S)


def edition_html(site: RenderedSite, sections: list[Section], history: History) -> str:
    """The one-file edition of the article, from the site's rendered `sections`,
    with the corrections `history` holds."""
    settings = site.settings
    docs = settings.docs_dir
    return one_file_html(Edition(
        title=settings.site_name,
        description=settings.site_description,
        language=settings.language,
        site_url=settings.site_url,
        file_name=settings.file_names.one_file,
        published=settings.published,
        sections=sections,
        site_css="".join((docs / path).read_text(encoding="utf-8") for path in settings.extra_css),
        read_file=lambda path: (docs / path).read_bytes(),
        updated=history.last_updated(None, settings.published),
        changes=history_step.edition_section(history, sections),
    ))


def _downloads(page: Page, names: FileNames, edition: str, kept: bool) -> Downloads:
    return Downloads(page.url(names.one_file), len(edition.encode("utf-8")), page.url(names.archive), kept)


def _add_to_footer(page: Page, fragment: str) -> None:
    found = _COPYRIGHT.search(page.html)
    if not found:
        raise ValueError(f"{page.path}: no footer (md-copyright) to put the downloads in")
    page.html = page.html[:found.end()] + fragment + page.html[found.end():]


def offer(site: RenderedSite, sections: list[Section], *, pdf: bool, history: History) -> None:
    """Write the edition beside the online site, and link it and the zip from every page."""
    if site.offline:
        return
    names = site.settings.file_names
    edition = edition_html(site, sections, history)
    (site.folder / names.one_file).write_text(edition, encoding="utf-8")
    kept = worker_step.keeps_itself(site)
    for page in site.pages:
        downloads = _downloads(page, names, edition, kept)
        footer = "\n" + footer_html(downloads, page.url(".") + f"#{SECTION_ID}")
        _add_to_footer(page, footer + ("\n" + pdf_link_html(page.url(names.pdf)) if pdf else ""))
    opening = next(page for page in site.nav_pages if page.path == "index.html")
    whole_article_step.append_to_content(opening, "\n" + section_html(_downloads(opening, names, edition, kept)))
