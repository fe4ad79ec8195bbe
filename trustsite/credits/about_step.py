"""Publishing step: the "About this article" block at the end of the opening
page's content, before the sections are read, so the whole-article page, the
one-file edition and the PDF carry it as the opening page does; and, where
nobody is named, one line that says so."""

from trustsite.credits import MISSING, about_html
from trustsite.publish.pages import RenderedSite
# The module, not its names: each step module imports the publish package, which imports every step.
from trustsite.whole_article import whole_article_step


def add(site: RenderedSite) -> None:
    if block := about_html(site.settings.credits):
        whole_article_step.append_to_content(site.opening_page, "\n" + block)


def notice(site: RenderedSite) -> None:
    # Once a build, from the online site's publishing: the offline copy's would repeat it.
    if not (site.settings.credits.named or site.offline or site.preview):
        print(MISSING)
