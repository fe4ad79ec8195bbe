"""Publishing step: "Report an error or ask a question" at the foot of every
page, filled in with the page's title and its address on the published site
(the offline copy's pages too: an absolute address works from file://)."""

from urllib.parse import urljoin

from trustsite.feedback import reply_href, reply_link_html
from trustsite.publish.pages import RenderedSite
from trustsite.urls import page_url

LINE_CLASS = "page-feedback"


def add(site: RenderedSite, *, repository: str | None) -> None:
    """The link on every page, to mkdocs.yml's extra.feedback or else to
    `repository`'s new-issue form; none if there is neither."""
    settings = site.settings
    if settings.feedback is None and repository is None:
        return
    for page in site.pages:
        # A page outside the menu (404.html) is served at any address: the site's own stands for it.
        address = urljoin(settings.site_url, page_url(page.source, offline=False)) if page.source else settings.site_url
        href = reply_href(settings.feedback, repository, title=page.title, address=address)
        page.insert(page.theme.footer, page.theme.footer_line_html(reply_link_html(href), LINE_CLASS), "start")
