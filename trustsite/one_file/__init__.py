"""The one-file edition: the whole article as one HTML file that needs nothing else.

It is for readers who cannot open a folder of pages: a phone, a zip preview.
The sections are the site's own rendered pages, joined as on the one-page
view (trustsite.whole_article), so there is never a second copy of the text.
The file carries its styles inline, and its pictures as data: URIs, smaller
than on the site (trustsite.pictures); it reads with JavaScript off, and its
policy (`default-src 'none'`, `img-src data:`) lets the browser make no
request at all on its behalf.
"""

import base64
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from importlib.resources import files
from urllib.parse import urljoin, urlsplit

import csscompressor
import htmlmin
from bs4 import BeautifulSoup

from trustsite.feedback import reply_link_html
from trustsite.pictures import ONE_FILE_BOX, fitted
from trustsite.policy import inline_hash
from trustsite.publication_date import time_html
from trustsite.review import Review, review_line_html
from trustsite.whole_article import SUBHEADINGS, Section, whole_article_html

# The edition's own rules; the site's stylesheet is added after them.
EDITION_CSS = files("trustsite.one_file").joinpath("one_file.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Edition:
    title: str  # the article's title
    description: str
    language: str  # a BCP 47 tag such as "en"
    site_url: str  # where the site is published, for links to it
    file_name: str  # the edition's own file name, from the site's settings
    published: date
    review: Review | None  # the review dates, where the publisher gives them
    reply: str | None  # where a reader replies (trustsite.feedback), if anywhere
    sections: list[Section]  # the article's pages, in order; the first is its opening
    site_css: str  # the site's own stylesheet, printing rules included
    # The bytes of a file a section shows (an image), by its path from the site's root.
    read_file: Callable[[str], bytes]
    updated: date | None = None  # the day of the newest correction, if later than `published`
    changes: str = ""  # the list of corrections, as a section of HTML; empty while there is none


def _opening(section) -> list:
    """The opening page's title, date and standfirst: every element before its first subheading."""
    opening = []
    for element in section.find_all(recursive=False):
        if opening and element.name in SUBHEADINGS:
            break
        opening.append(element)
    return opening


def _promote(section) -> None:
    """Undo the one-page view's step down for the opening page: its title is the file's h1."""
    for heading in section.find_all(SUBHEADINGS):
        heading.name = f"h{int(heading.name[1]) - 1}"


def _contents(article) -> str:
    """The table of contents: each section's title, and the headings under it."""
    items = []
    for section in article.find_all("section", recursive=False):
        title, *headings = section.find_all(["h1", "h2", "h3"])
        inner = "".join(f'<li><a href="#{heading["id"]}">{escape(heading.get_text())}</a></li>'
                        for heading in headings if heading.name == "h3")
        items.append(f'<li><a href="#{section["id"]}">{escape(title.get_text())}</a>'
                     + (f"<ul>{inner}</ul>" if inner else "") + "</li>")
    return ("<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2>"
            f"<ol>{''.join(items)}</ol></nav>")


def _self_contained(article, edition: Edition) -> None:
    """Every link stays in the file or leads to the web, and every image is in
    the file: a relative address would break once the file is on its own."""
    for link in article.find_all(href=True):
        if not link["href"].startswith("#") and not urlsplit(link["href"]).scheme:
            link["href"] = urljoin(edition.site_url, link["href"])
    for element in article.find_all(src=True):
        if not urlsplit(element["src"]).scheme:
            kind = mimetypes.guess_type(element["src"])[0] or "application/octet-stream"
            data = edition.read_file(element["src"])
            if element.name == "img":
                # Narrower than on the site: the edition is read on phones, and carries every picture.
                picture = fitted(data, element["src"], ONE_FILE_BOX)
                data = picture.data
                if picture.width:
                    element["width"], element["height"] = str(picture.width), str(picture.height)
            element["src"] = f"data:{kind};base64,{base64.b64encode(data).decode()}"


def _policy(css: str) -> str:
    """No request of any kind: only the one stylesheet, by its hash, and data: images."""
    return f"default-src 'none'; style-src {inline_hash(css)}; img-src data:; base-uri 'none'; form-action 'none'"


def _footer_lines(edition: Edition) -> str:
    """The last update, the review dates and the way to reply, each on a line of its own, where there are any."""
    lines = ([f"Last updated {time_html(edition.updated)}."] if edition.updated else []) + (
        [review_line_html(edition.review)] if edition.review else []) + (
        [reply_link_html(edition.reply)] if edition.reply else [])
    return "".join(f"\n<p>{line}</p>" for line in lines)


def one_file_html(edition: Edition) -> str:
    """The edition, as the text of one minified HTML file."""
    joined = whole_article_html(edition.sections, edition.file_name)
    article = BeautifulSoup(f"<article>{joined}</article>", "html.parser").article
    for permalink in article.find_all("a", class_="headerlink"):
        permalink.decompose()
    _self_contained(article, edition)
    opening_section = article.find("section")
    _promote(opening_section)
    opening = "".join(str(element.extract()) for element in _opening(opening_section))
    css = csscompressor.compress(EDITION_CSS + edition.site_css)
    page = f"""<!doctype html>
<html lang="{escape(edition.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_policy(css)}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(edition.title)}</title>
<meta name="description" content="{escape(edition.description)}">
<link rel="icon" href="data:,">
<style>{css}</style>
</head>
<body class="md-typeset">
<a class="md-skip" href="#article">Skip to the article</a>
<header>{opening}</header>
{_contents(article)}
<main id="article">{article.decode_contents()}</main>
{edition.changes}
<footer><p>The one-file edition of <a href="{escape(edition.site_url)}">{escape(edition.title)}</a>,
a feature of the site, not part of the article: the whole article in one file, to read with no
connection. Article first published {time_html(edition.published)}.</p>{_footer_lines(edition)}</footer>
</body>
</html>
"""
    # htmlmin never changes a <style>'s text, so the hash of `css` is the hash of the stylesheet as published.
    return htmlmin.minify(page, remove_comments=True, remove_optional_attribute_quotes=False)
