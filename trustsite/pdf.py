"""The whole article as an A4 PDF, printed by headless Chromium from the
single-page view of a built site, and the link to it."""

import re
import time
from html import escape
from pathlib import Path

from trustsite.browser import launch_chromium
from trustsite.urls import output_path
from trustsite.whole_article import PAGE

# The single-page view, as the online build writes it.
WHOLE_ARTICLE = output_path(PAGE, offline=False)

# A4 with room for a page number at the foot of each page.
_PAGE = {
    "format": "A4",
    "margin": {"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"},
    "print_background": True,
    "display_header_footer": True,
    "header_template": "<span></span>",
    "footer_template": ('<div style="width:100%;font-size:8pt;text-align:center">'
                        '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'),
    # Headings become bookmarks, and the text is tagged for screen readers.
    "outline": True,
    "tagged": True,
}
# Chromium stamps the PDF with the time it printed it.
_PRINT_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)")


def _dated(pdf: bytes, epoch: int) -> bytes:
    """`pdf` dated `epoch` instead of now, so one source gives one file.

    The new date has the same length as the old, so no offset in the file moves.
    """
    stamp = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(epoch)).encode()

    def redate(match: re.Match) -> bytes:
        new = b"/" + match.group(1) + b" (" + stamp + b")"
        if len(new) != len(match.group(0)):
            raise ValueError(f"unexpected PDF date {match.group(0)!r}")
        return new

    return _PRINT_DATE.sub(redate, pdf)


def render_pdf(site: Path, out: Path, *, title: str, epoch: int) -> Path:
    """Print `site`'s single-page view to `out`, titled `title` and dated `epoch`."""
    # Only `make pdf` needs Playwright; the build imports this module every time.
    from playwright.sync_api import sync_playwright

    whole_article = site / WHOLE_ARTICLE
    if not whole_article.is_file():
        raise FileNotFoundError(f"{WHOLE_ARTICLE} is not in the built site, so there is nothing to print")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page()
            page.goto(whole_article.resolve().as_uri())
            # The PDF's title is the article's, not the web page's.
            page.evaluate("title => { document.title = title }", title)
            pdf = page.pdf(**_PAGE)
        finally:
            browser.close()
    out.write_bytes(_dated(pdf, epoch))
    return out


def pdf_link_html(href: str) -> str:
    """The "Download as PDF" link, worded as a feature of the site and left out of search."""
    return (
        '<p class="pdf-download" data-search-exclude>'
        f'<a href="{escape(href)}" download>Download as PDF</a> '
        "(a feature of this site: the whole article on A4 pages, to print or keep)</p>"
    )
