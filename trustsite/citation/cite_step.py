"""Publishing step: the article's reference files beside the pages, and the
"Cite this article" block at the end of the opening page's content, before
the sections are read, so the whole-article page, the one-file edition and the
PDF carry it as the opening page does."""

from trustsite.citation import cite_html, cited_article
from trustsite.citation.citation_files import citation_files
from trustsite.publish.pages import RenderedSite
# The module, not its names: each step module imports the publish package, which imports every step.
from trustsite.whole_article import whole_article_step


def add(site: RenderedSite) -> None:
    article = cited_article(site.settings)
    opening = site.opening_page
    links = []
    for name, label, text in citation_files(article, site.settings.file_names):
        # newline="": each format's own line endings (RIS's CR LF) on every system.
        (site.folder / name).write_text(text, encoding="utf-8", newline="")
        links.append((opening.url(name), label))
    whole_article_step.append_to_content(opening, "\n" + cite_html(article, links))
