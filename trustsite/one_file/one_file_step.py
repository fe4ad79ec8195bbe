"""Publishing step: the one-file edition, and the ways to read offline on the pages.

The edition is made from the rendered sections (trustsite.one_file), so the
footer of every page of the online site can give its size, beside the zip;
the opening page gets the "Read offline" section after its introduction. The
PDF's link joins the footer only in a build that prints it (`make pdf`). The
offline copy is already offline: it offers neither download.
"""

from urllib.parse import urljoin

from trustsite.feedback import reply_href
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


def edition_html(site: RenderedSite, sections: list[Section], *, repository: str | None, history: History) -> str:
    """The one-file edition of the article, from the site's rendered `sections`,
    with the corrections `history` holds; readers reply as from the site's pages (trustsite.feedback)."""
    settings = site.settings
    docs = settings.docs_dir
    address = urljoin(settings.site_url, settings.file_names.one_file)
    return one_file_html(Edition(
        title=settings.site_name,
        description=settings.site_description,
        language=settings.language,
        site_url=settings.site_url,
        file_name=settings.file_names.one_file,
        published=settings.published,
        review=settings.review,
        reply=reply_href(settings.feedback, repository, title=settings.site_name, address=address),
        sections=sections,
        site_css="".join((docs / path).read_text(encoding="utf-8") for path in settings.extra_css),
        read_file=lambda path: (docs / path).read_bytes(),
        updated=history.last_updated(None, settings.published),
        changes=history_step.edition_section(history, sections),
    ))


def _downloads(page: Page, names: FileNames, edition: str, kept: bool) -> Downloads:
    return Downloads(page.url(names.one_file), len(edition.encode("utf-8")), page.url(names.archive), kept)


def _add_to_footer(page: Page, fragment: str) -> None:
    """After the footer's lines (the date, the copyright notice), before the theme's credit."""
    theme = page.theme
    lines = page.select(theme.footer_line)
    page.insert(lines[-1] if lines else theme.footer, fragment, "after" if lines else "start")


def offer(site: RenderedSite, sections: list[Section], *, pdf: bool, repository: str | None, history: History) -> None:
    """Write the edition beside the online site, and link it and the zip from every page."""
    if site.offline:
        return
    names = site.settings.file_names
    edition = edition_html(site, sections, repository=repository, history=history)
    (site.folder / names.one_file).write_text(edition, encoding="utf-8")
    kept = worker_step.keeps_itself(site)
    for page in site.pages:
        downloads = _downloads(page, names, edition, kept)
        footer = "\n" + footer_html(downloads, page.url(".") + f"#{SECTION_ID}")
        _add_to_footer(page, footer + ("\n" + pdf_link_html(page.url(names.pdf)) if pdf else ""))
    opening = site.opening_page
    whole_article_step.append_to_content(opening, "\n" + section_html(_downloads(opening, names, edition, kept)))
