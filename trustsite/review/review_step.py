"""Publishing step: the review dates at the foot of every page, below the
publication date. Paper gets no footer, so the whole-article page, from which
the PDF is printed, also ends with them in a line only print shows."""

from trustsite.publish.pages import RenderedSite
from trustsite.review import review_line_html
from trustsite.whole_article import PAGE as WHOLE_ARTICLE
from trustsite.whole_article.whole_article_step import append_to_content

LINE_CLASS = "page-review"
# Hidden on screen by the site's stylesheet, where the footer shows the line.
PRINTED_CLASS = "printed-only"


def add(site: RenderedSite) -> None:
    review = site.settings.review
    if review is None:
        return
    line = review_line_html(review)
    for page in site.pages:
        page.insert(page.theme.footer, page.theme.footer_line_html(line, LINE_CLASS), "start")
    append_to_content(site.page(WHOLE_ARTICLE), f'\n<p class="{LINE_CLASS} {PRINTED_CLASS}">{line}</p>')
