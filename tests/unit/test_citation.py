"""The article's reference: APA 7 as the APA manual writes a web page's, each
download in its format's own syntax, and the Highwire tags, all from the
facts given and no others."""

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from trustsite.citation import CitedArticle, apa_html, highwire_tags
from trustsite.citation.citation_files import bibtex, csl_json, ris
from trustsite.credits import Person

URL = "https://example.org/trust/"
BASE = CitedArticle(title="Trust in therapy", site_name="Trust in therapy", url=URL, published=date(2025, 1, 21),
                    authors=(), publisher=None, language="en", key="trust-2025")


def article(**changes) -> CitedArticle:
    return CitedArticle(**(BASE.__dict__ | changes))


def people(*names: str) -> tuple[Person, ...]:
    return tuple(Person(name, None, None) for name in names)


def apa_text(cited: CitedArticle) -> str:
    return BeautifulSoup(apa_html(cited), "html.parser").get_text()


@pytest.mark.parametrize("changes, expected", [
    ({"authors": people("Jane Anne Smith")},
     f"Smith, J. A. (2025, January 21). Trust in therapy. {URL}"),
    ({"authors": people("Jane Smith", "de la Cruz, Mary", "Jean-Paul Roy")},
     f"Smith, J., de la Cruz, M., & Roy, J.-P. (2025, January 21). Trust in therapy. {URL}"),
    # A group author: the publisher; the site's name left out where it repeats the author or title.
    ({"publisher": "Riverside Clinic"}, f"Riverside Clinic. (2025, January 21). Trust in therapy. {URL}"),
    ({"publisher": "Riverside Clinic", "site_name": "Riverside Health"},
     f"Riverside Clinic. (2025, January 21). Trust in therapy. Riverside Health. {URL}"),
    # No author: the title takes the author's place.
    ({}, f"Trust in therapy. (2025, January 21). {URL}"),
    ({"title": "Is trust enough?", "site_name": "Is trust enough?"}, f"Is trust enough? (2025, January 21). {URL}"),
], ids=["one-author", "three-authors", "group", "group-and-site", "no-author", "question"])
def test_apa_reference(changes, expected):
    assert apa_text(article(**changes)) == expected


def test_apa_names_the_first_19_authors_and_the_last_of_more_than_20():
    names = [f"Given{n} Family{n}" for n in range(1, 23)]
    expected = ", ".join(f"Family{n}, G." for n in range(1, 20)) + ", . . . Family22, G."
    assert apa_text(article(authors=people(*names))).startswith(expected + " (2025")


def test_apa_italicises_the_title_and_escapes_every_value():
    hostile = article(title="<b>A & B</b>", authors=people("<i>Eve</i> O'Hara"))
    soup = BeautifulSoup(apa_html(hostile), "html.parser")
    assert soup.find("i").get_text() == "<b>A & B</b>."
    assert soup.find("b") is None and len(soup.find_all("i")) == 1
    assert soup.find("a")["href"] == URL


def _bibtex_fields(text: str) -> tuple[str, str, dict[str, str]]:
    """A one-entry BibTeX file read by its braces: its type, key and fields."""
    kind, rest = text.strip().split("{", 1)
    key, body = rest.split(",", 1)
    depth, fields, name, value = 0, {}, "", ""
    for character in body[:-1]:  # the entry's own closing brace
        if depth == 0 and character == "{":
            depth = 1
        elif depth == 1 and character == "}":
            depth = 0
            fields[name.strip(" ,\n=")] = value
            name = value = ""
        elif depth:
            depth += {"{": 1, "}": -1}.get(character, 0)
            value += character
        else:
            name += character
    assert depth == 0 and not name.strip(" ,\n"), "unbalanced braces"
    return kind, key, fields


def test_bibtex_is_one_balanced_entry_with_its_fields():
    cited = article(authors=people("Jane Smith", "de la Cruz, Mary"), publisher="A & B {Clinic}")
    kind, key, fields = _bibtex_fields(bibtex(cited))
    assert (kind, key) == ("@online", "trust-2025")
    assert fields == {"author": "Smith, Jane and de la Cruz, Mary", "title": "{Trust in therapy}",
                      "date": "2025-01-21", "organization": r"A \& B \{Clinic\}", "url": URL, "langid": "en"}


def test_bibtex_names_a_group_author_as_one_name():
    assert _bibtex_fields(bibtex(article(publisher="Riverside Clinic")))[2]["author"] == "{Riverside Clinic}"
    assert "author" not in _bibtex_fields(bibtex(article()))[2]


def test_ris_is_tagged_lines_from_ty_to_er():
    text = ris(article(authors=people("Jane Smith"), publisher="Riverside\nClinic"))
    lines = text.split("\r\n")
    assert lines[-1] == "" and lines[0] == "TY  - ELEC" and lines[-2] == "ER  - "
    tagged = [(line[:2], line[6:]) for line in lines[:-1]]
    assert all(line[2:6] == "  - " and line[:2].isalnum() and line[:2].isupper() for line in lines[:-1])
    assert ("AU", "Smith, Jane") in tagged and ("PB", "Riverside Clinic") in tagged
    assert ("DA", "2025/01/21/") in tagged and ("UR", URL) in tagged


def test_csl_json_is_a_list_of_one_webpage():
    (item,) = json.loads(csl_json(article(authors=people("Jane Smith"), publisher="Riverside Clinic")))
    assert item == {"id": "trust-2025", "type": "webpage", "title": "Trust in therapy",
                    "container-title": "Trust in therapy", "author": [{"family": "Smith", "given": "Jane"}],
                    "publisher": "Riverside Clinic", "issued": {"date-parts": [[2025, 1, 21]]}, "URL": URL,
                    "language": "en"}
    (group,) = json.loads(csl_json(article(publisher="Riverside Clinic")))
    assert group["author"] == [{"literal": "Riverside Clinic"}]
    (bare,) = json.loads(csl_json(article()))
    assert not {"author", "publisher"} & bare.keys()


def test_highwire_tags_name_the_article_its_authors_and_its_pdf_where_printed():
    def tags(pdf_url):
        soup = BeautifulSoup(highwire_tags(article(authors=people("Jane Smith", "Sam Lee")), pdf_url), "html.parser")
        return [(meta["name"], meta["content"]) for meta in soup.find_all("meta")]
    assert tags(None) == [("citation_title", "Trust in therapy"), ("citation_author", "Jane Smith"),
                          ("citation_author", "Sam Lee"), ("citation_publication_date", "2025/01/21")]
    assert tags(URL + "a.pdf")[-1] == ("citation_pdf_url", URL + "a.pdf")
