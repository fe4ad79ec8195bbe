"""How to cite the article: its reference in APA 7, and the facts every other
form (trustsite.citation.citation_files, the Highwire tags) is made from.

Only facts the publisher gave: the title and address from mkdocs.yml, the date
from `extra.published`, and the authors or publisher where it names them.

APA is written here by hand, as the reference list is (trustsite.references),
not by citeproc-py with the official APA style: citeproc-py repeats the title
when a web page has no author (APA moves the title into the author's place),
this article's case until its publisher names someone; it writes data into
HTML unescaped; and it takes 70 ms for a list references.py writes in 0.04.
"""

from dataclasses import dataclass
from datetime import date
from html import escape

from trustsite.credits import Person
from trustsite.publication_date import long_date
from trustsite.settings import Settings
from trustsite.site_section import site_section

# APA names up to 20 authors; with more, the first 19, an ellipsis, and the last.
_MOST_AUTHORS = 20


@dataclass(frozen=True)
class CitedArticle:
    title: str
    site_name: str
    url: str  # the article's address: the site's opening page
    published: date
    authors: tuple[Person, ...]
    publisher: str | None  # the publisher's name, the group author where no author is named
    language: str  # a BCP 47 tag such as "en"
    key: str  # the reference's key in BibTeX and CSL-JSON, from the downloads' name


def cited_article(settings: Settings) -> CitedArticle:
    publisher = settings.credits.publisher
    return CitedArticle(title=settings.site_name, site_name=settings.site_name, url=settings.site_url,
                        published=settings.published, authors=settings.credits.authors,
                        publisher=publisher.name if publisher else None, language=settings.language,
                        key=f"{settings.file_names.stem}-{settings.published.year}")


def family_and_given(name: str) -> tuple[str, str]:
    """A name as written, split for a reference: "de la Cruz, Mary" at its comma,
    "Jane Anne Smith" before its last word; a single word is all family name."""
    if "," in name:
        family, given = name.split(",", 1)
    else:
        *given_words, family = name.split()
        given = " ".join(given_words)
    return family.strip(), given.strip()


def _initials(given: str) -> str:
    """APA's initials: "Jane Anne" -> "J. A.", "Jean-Paul" -> "J.-P."."""
    return " ".join("-".join(part[0] + "." for part in word.split("-") if part) for word in given.split())


def apa_name(person: Person) -> str:
    family, given = family_and_given(person.name)
    return f"{family}, {_initials(given)}" if given else family


def _apa_authors(names: list[str]) -> str:
    if len(names) > _MOST_AUTHORS:
        return ", ".join(names[:_MOST_AUTHORS - 1]) + ", . . . " + names[-1]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _stop(text: str) -> str:
    """`text` closed by a full stop, unless it already ends a sentence."""
    return text if text.endswith((".", "?", "!")) else text + "."


def apa_html(article: CitedArticle) -> str:
    """The article's reference in APA 7, as a web page: every value escaped, the title in italics.

    With no author named, the publisher is the group author; with neither, the
    title takes the author's place. The site's name is left out where it
    repeats the author or the title, as APA asks.
    """
    day = article.published
    dated = f"({day.year}, {long_date(day).split(',')[0]})."
    title = f"<i>{escape(_stop(article.title))}</i>"
    author = (_apa_authors([apa_name(person) for person in article.authors]) if article.authors
              else article.publisher)
    parts = [escape(_stop(author)), dated, title] if author else [title, dated]
    if article.site_name not in (author, article.title):
        parts.append(escape(_stop(article.site_name)))
    parts.append(f'<a href="{escape(article.url)}">{escape(article.url)}</a>')
    return " ".join(parts)


def highwire_tags(article: CitedArticle, pdf_url: str | None) -> str:
    """The `citation_*` meta tags that Google Scholar and reference managers read."""
    tags = [("citation_title", article.title)]
    tags += [("citation_author", person.name) for person in article.authors]
    tags.append(("citation_publication_date", article.published.strftime("%Y/%m/%d")))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return "\n".join(f'<meta name="{name}" content="{escape(value)}">' for name, value in tags)


CITE_ID = "cite-this-article"


def cite_html(article: CitedArticle, files: list[tuple[str, str]]) -> str:
    """The "Cite this article" block, labelled as the site's: the APA reference,
    and `files`, as (address from the page, format), to download."""
    links = " · ".join(f'<a href="{escape(href)}" download>{escape(label)}</a>' for href, label in files)
    return site_section("cite-article", CITE_ID, "Cite this article",
                        f'<p class="cite-article__reference">{apa_html(article)}</p>'
                        f'<p class="cite-article__files">For a reference manager: {links}</p>',
                        # Spelt out: the pages' abbreviations (includes/) are expanded before this block is added.
                        purpose="its reference in the style of the American Psychological Association "
                                "(7th edition), made from the site's settings")
