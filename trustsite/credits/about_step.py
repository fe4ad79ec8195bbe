"""Publishing step: the "About this article" block at the end of the opening
page's content, before the sections are read, so the whole-article page, the
one-file edition and the PDF carry it as the opening page does."""

from trustsite.credits import MISSING, about_html
from trustsite.publish.pages import RenderedSite
# The module, not its names: each step module imports the publish package, which imports every step.
from trustsite.whole_article import whole_article_step


def add(site: RenderedSite) -> None:
    block = about_html(site.settings.credits)
    if block:
        whole_article_step.append_to_content(site.opening_page, "\n" + block)
    elif not (site.offline or site.preview):
        # Once a build, from the online site's publishing: the offline copy's would repeat it.
        print(MISSING)
