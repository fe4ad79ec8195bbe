"""Publishing step: the article's publication date at the head of every page's
footer, from mkdocs.yml's `extra.published` and written as the opening page
writes it (trustsite.publication_date); a theme template cannot format a date."""

from trustsite.publication_date import time_html
from trustsite.publish.pages import RenderedSite


def add(site: RenderedSite) -> None:
    line = f"Article first published {time_html(site.settings.published)}."
    for page in site.pages:
        page.insert(page.theme.footer, page.theme.footer_line_html(line), "start")
