"""Head tags that describe a page to search engines and link previews.

Material already writes the meta description and the canonical link; this
module chooses that description (page_description), adds Open Graph and
Twitter card tags with the same values (trustsite.structured_data adds the
JSON-LD), and names the page's link-preview
image where it has one.
"""

from dataclasses import dataclass
from datetime import date
from html import escape
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from trustsite.sources import text_pieces

# mkdocs.yml's site_url until a publisher sets SITE_URL: GitHub never gives out this host.
PLACEHOLDER_HOST = "example.github.io"


def placeholder_problem(site_url: str) -> str | None:
    """Why `site_url` cannot be published, if it is still mkdocs.yml's placeholder."""
    if urlsplit(site_url).hostname != PLACEHOLDER_HOST:
        return None
    return (f"mkdocs.yml: site_url is still the placeholder {site_url}; publish with the site's own address: "
            "SITE_URL=https://<user>.github.io/<repository>/ make deploy")


@dataclass(frozen=True)
class PreviewImage:
    """The picture a link preview shows (trustsite/cards/social_card.py draws it)."""

    url: str  # absolute
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class PageFacts:
    title: str
    description: str
    url: str  # absolute and canonical
    site_name: str
    language: str  # a BCP 47 tag such as "en"
    published: date
    image: PreviewImage | None = None  # none in the offline copy, which nobody shares by link


def first_sentence(content_html: str) -> str | None:
    """The first sentence of a page's running text: of its first paragraph
    that is not part of a list or a box and has no class of its own (a lead,
    a date or an editor's note has one). None if it has no such paragraph."""
    for paragraph in BeautifulSoup(content_html, "html.parser").find_all("p", recursive=False):
        if not paragraph.get("class") and (pieces := text_pieces(paragraph)):
            return pieces[0]
    return None


def page_description(front_matter: object, content_html: str, site_description: str | None, *,
                     is_homepage: bool) -> str:
    """What search results and link previews say of a page.

    A `description:` in its front matter, if it gives one; else, for the
    opening page, the site's own description, which speaks for the whole
    article; else the page's first sentence, so that the description never
    repeats a sentence by hand; else, again, the site's description.
    """
    if front_matter:
        return str(front_matter)
    if is_homepage:
        return site_description or ""
    return first_sentence(content_html) or site_description or ""


def preview_title(page_title: str, site_name: str, *, is_homepage: bool) -> str:
    """The page's <title> as Material writes it, without the site name: the
    home page's is the site name alone."""
    return site_name if is_homepage else page_title


def head_tags(facts: PageFacts) -> str:
    """Open Graph and Twitter card tags for one page."""
    properties = [
        ("og:type", "article"),
        ("og:title", facts.title),
        ("og:description", facts.description),
        ("og:url", facts.url),
        ("og:site_name", facts.site_name),
        # Open Graph writes locales with an underscore: en_GB, not en-GB.
        ("og:locale", facts.language.replace("-", "_")),
    ]
    if facts.image:
        properties += [
            ("og:image", facts.image.url),
            ("og:image:width", str(facts.image.width)),
            ("og:image:height", str(facts.image.height)),
            ("og:image:alt", facts.image.alt),
        ]
    names = [
        # A large picture above the title where there is one.
        ("twitter:card", "summary_large_image" if facts.image else "summary"),
        ("twitter:title", facts.title),
        ("twitter:description", facts.description),
    ]
    if facts.image:
        # Twitter takes the picture from og:image, but its alt text only from its own tag.
        names.append(("twitter:image:alt", facts.image.alt))
    tags = [f'<meta property="{key}" content="{escape(value)}">' for key, value in properties]
    tags += [f'<meta name="{key}" content="{escape(value)}">' for key, value in names]
    return "\n".join(tags)
