"""The References page: every entry of data/references.yml, in APA 7 style."""

import unicodedata

import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from tests.support.article import built_page, page_texts
from trustsite.data import load_rows
from trustsite.references import references_html
from trustsite.schema import Reference
from trustsite.sources import nav_pages

pytestmark = pytest.mark.sources


def expected_apa(reference: Reference) -> str:
    """APA 7 written out for the file's two kinds of source.

    A journal article: authors, year, title, journal, volume(issue), pages,
    DOI as a link. A stand-alone work (a book, a group's code): authors, year,
    title and web address. The authors close with one full stop: a person's
    names end in an initial that has it already ("Roe, A. B."), a group's
    name takes one ("American Psychological Association.").
    """
    authors = reference.authors if reference.authors.endswith(".") else f"{reference.authors}."
    if reference.container is not None:
        return (f"{authors} ({reference.year}). {reference.title}. {reference.container}, "
                f"{reference.volume}({reference.issue}), {reference.pages}. https://doi.org/{reference.doi}")
    return f"{authors} ({reference.year}). {reference.title}. {reference.url}"


def entries(html: str) -> list:
    return BeautifulSoup(html, "html.parser").find("ul", class_="references").find_all("li", recursive=False)


def references_page(built) -> BeautifulSoup:
    html = (built.site / "references" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").find("article")


def sources(built) -> list[Reference]:
    """The entries of the build's data/references.yml."""
    return load_rows(built.project / "data" / "references.yml", Reference)


def test_the_page_lists_every_entry_in_apa_style(built):
    article = references_page(built)
    shown = {item["id"]: item for item in entries(str(article))}
    assert sorted(shown) == sorted(reference.id for reference in sources(built))
    for reference in sources(built):
        citation, supports = shown[reference.id].find_all("p")
        assert " ".join(citation.get_text().split()) == expected_apa(reference)
        italic = [reference.container, str(reference.volume)] if reference.container else [reference.title]
        assert [i.get_text() for i in citation.find_all("i")] == italic
        link = citation.find("a")
        assert link["href"] == link.get_text() == expected_apa(reference).split()[-1]
        assert supports.get_text() == f"Supports: {reference.supports}"


def apa_order(reference: Reference) -> tuple[str, int]:
    """APA's order: by author, letter by letter, accents and case aside; then by year."""
    letters = unicodedata.normalize("NFKD", reference.authors).encode("ascii", "ignore").decode()
    return letters.casefold(), reference.year


def test_entries_are_in_alphabetical_order_of_first_author(built):
    shown = [item["id"] for item in entries(str(references_page(built)))]
    assert shown == [reference.id for reference in sorted(sources(built), key=apa_order)]


def source(**fields) -> Reference:
    """A stand-alone work: the fields given, and the rest as little as an entry needs."""
    return Reference(**{"id": "doe-2000", "authors": "Doe, J.", "year": 2000, "title": "A title",
                        "container": None, "volume": None, "issue": None, "pages": None, "doi": None,
                        "supports": "A claim."} | fields)


def test_entries_sort_by_author_ignoring_accents_and_case_then_by_year():
    # Compared code point by code point, "Á" would sort after every plain
    # letter and "Y" before "v"; the two Youngs are given newest first.
    in_order = [("Ábel, A.", 2010), ("Abrams, B.", 2001), ("van Dijk, C.", 2005),
                ("Young, D.", 2003), ("Young, D.", 2007)]
    shuffled = {f"entry-{n}": in_order[n] for n in (4, 1, 3, 0, 2)}
    html = references_html([source(id=id, authors=authors, year=year)
                            for id, (authors, year) in shuffled.items()])
    assert [shuffled[item["id"]] for item in entries(html)] == in_order


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://example.org/code.pdf", "http://example.org/code",
                                     "data:text/html,<script>alert(1)</script>",
                                     "//example.org/code", "javascript:alert(1)"])
def test_a_url_that_is_not_a_web_address_is_refused(address):
    with pytest.raises(ValidationError, match="must be a web address starting with https://"):
        source(url=address)


def test_a_web_address_is_accepted():
    assert source(url="https://example.org/ethics/code").url == "https://example.org/ethics/code"


def test_the_page_opens_with_an_editors_note(built):
    article = references_page(built)
    note = article.find("h1").find_next_sibling()
    assert "editor-note" in note["class"]
    # The note's words are the publisher's, in docs/references.md: its first unit after the heading.
    assert " ".join(note.get_text().split()).startswith(page_texts(built.project, "references.md")[1])


def test_the_page_before_references_leads_on_to_it(built):
    pages = nav_pages(built.project)
    before = pages[pages.index("references.md") - 1]
    html = built_page(built.site, before).read_text(encoding="utf-8")
    assert BeautifulSoup(html, "html.parser").find("link", rel="next")["href"] == "../references/"


def test_every_value_is_escaped():
    hostile = '<script>alert(1)</script> & "q"'
    reference = Reference(id="x-1", authors=hostile, year=2000, title="<b>T</b>", container="<i>J</i>",
                          volume=1, issue=2, pages="<u>3</u>", doi='10.1234/"><script>', supports="<img src=x>")
    html = references_html([reference])
    item = entries(html)[0]
    assert {tag.name for tag in item.find_all(True)} == {"p", "i", "a"}
    assert "<script>" not in html and "<img" not in html
    assert item.find("a")["href"] == 'https://doi.org/10.1234/"><script>'
    assert item.get_text() == (f'{hostile}. (2000). <b>T</b>. <i>J</i>, 1(2), <u>3</u>. '
                               'https://doi.org/10.1234/"><script>Supports: <img src=x>')


def test_a_title_ending_in_a_question_mark_takes_no_full_stop():
    reference = Reference(id="q-2001", authors="Doe, J.", year=2001, title="Does trust matter?",
                          container=None, volume=None, issue=None, pages=None, doi=None,
                          supports="A claim.")
    citation = entries(references_html([reference]))[0].p
    assert citation.get_text() == "Doe, J. (2001). Does trust matter?"
    assert citation.find("i").get_text() == "Does trust matter?"


def test_a_book_by_a_person_takes_one_full_stop_after_the_initials():
    reference = source(id="roe-1970", authors="Roe, A. B.", year=1970, title="On listening well",
                       url="https://example.org/books/on-listening-well")
    citation = entries(references_html([reference]))[0].p
    assert citation.get_text() == ("Roe, A. B. (1970). On listening well. "
                                   "https://example.org/books/on-listening-well")
