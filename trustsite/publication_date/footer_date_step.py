"""Publishing step: the article's publication date at the head of every page's
footer, from mkdocs.yml's `extra.published` and written as the opening page
writes it (trustsite.publication_date); a theme template cannot format a date."""

from trustsite.publication_date import time_html
from trustsite.publish.pages import RenderedSite

# The footer line of partials/copyright.html.
FOOTER = '<div class="md-copyright">'


def published_line(site: RenderedSite) -> str:
    """The footer's line that dates the first publication."""
    return f'<div class="md-copyright__highlight">Article first published {time_html(site.settings.published)}.</div>'


def add(site: RenderedSite) -> None:
    line = published_line(site)
    for page in site.pages:
        if FOOTER not in page.html:
            raise ValueError(f"{page.path}: no footer (md-copyright) to put the publication date in")
        page.html = page.html.replace(FOOTER, FOOTER + line, 1)
