"""Each page's JSON-LD uses only schema.org's terms, each on a type it belongs
to, checked against the pinned vocabulary, and carries what Google asks of an
article; escaped so that no text closes its script early."""

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from tests.support.vocabulary import Vocabulary
from trustsite.cards.head_tags import PageFacts, PreviewImage
from trustsite.citation import CitedArticle
from trustsite.credits import Credits, Person, Publisher
from trustsite.schema import Reference
from trustsite.structured_data import json_ld_script, medical_web_page

VOCABULARY = Vocabulary.pinned()
PUBLISHED, MODIFIED, REVIEWED = date(2025, 1, 21), date(2025, 3, 4), date(2025, 2, 1)
AUTHOR = Person("Jane Smith", "Clinical psychologist", "https://example.org/jane")
REVIEWER = Person("Sam Lee", "PhD", None)
CREDITS = Credits(Publisher("A Clinic", "1 High Street", "info@example.org", "https://example.org"),
                  (AUTHOR,), (REVIEWER,))
JOURNAL_ARTICLE = Reference(id="a-2000", authors="A, B.", year=2000, title="On trust", container="A Journal",
                            volume=1, issue=2, pages="3–4", doi="10.1000/xyz", supports="A claim.")
STAND_ALONE = Reference(id="b-2001", authors="C", year=2001, title="A code", container=None, volume=None,
                        issue=None, pages=None, doi=None, url="https://example.org/code", supports="Another.")


def page(title: str = "A page", image: bool = True) -> PageFacts:
    return PageFacts(title=title, description="What it says", url="https://example.org/a/", site_name="Site",
                     language="en", published=PUBLISHED,
                     image=PreviewImage("https://example.org/a.png", 1200, 630, "A card") if image else None)


ARTICLE = CitedArticle(title="Site", site_name="Site", url="https://example.org/", published=PUBLISHED,
                       authors=(AUTHOR,), publisher="A Clinic", language="en", key="site-2025")


def data(credits: Credits = CREDITS, reviewed: date | None = REVIEWED) -> dict:
    return medical_web_page(page(), ARTICLE, credits, [JOURNAL_ARTICLE, STAND_ALONE],
                            modified=MODIFIED, last_reviewed=reviewed)


def test_every_term_belongs_to_its_type_in_the_pinned_vocabulary():
    assert VOCABULARY.faults(data()) == []


@pytest.mark.parametrize("change, fault", [
    (lambda found: found.update(reviewdBy=[]), ".reviewdBy: not a schema.org property"),
    (lambda found: found["isPartOf"].update(lastReviewed="2025-01-01"),
     ".isPartOf.lastReviewed: not a property of Article"),
    (lambda found: found["author"][0].update(email="a@example.org", medicalAudience=[]),
     ".author[0].medicalAudience: not a property of Person"),
], ids=["misspelt", "on-a-type-it-does-not-belong-to", "nested"])
def test_the_vocabulary_check_finds_a_wrong_term(change, fault):
    found = data()
    change(found)
    assert VOCABULARY.faults(found) == [fault]


def test_the_audience_is_patients_and_clinicians_in_schema_orgs_terms():
    patients, clinicians = data()["medicalAudience"]
    assert "MedicalAudience" in VOCABULARY.lineage(patients["@type"])
    assert clinicians["@type"] == "MedicalAudience"
    assert clinicians["audienceType"] in VOCABULARY.members("MedicalAudienceType")


def test_it_carries_what_google_asks_of_an_article():
    found = data()
    # Google's Article fields: none required; these recommended (author where named).
    for field in ("headline", "datePublished", "dateModified", "image", "author"):
        assert found[field], field
    assert (found["datePublished"], found["dateModified"], found["lastReviewed"]) == (
        PUBLISHED.isoformat(), MODIFIED.isoformat(), REVIEWED.isoformat())
    assert found["isPartOf"]["@type"] == "Article"
    assert {"headline", "datePublished", "author"} <= found["isPartOf"].keys()


def test_it_names_the_people_and_sources_given_and_no_others():
    found = data()
    assert [person["name"] for person in found["author"]] == [AUTHOR.name]
    assert [person["name"] for person in found["reviewedBy"]] == [REVIEWER.name]
    assert found["publisher"] == {"@type": "Organization", "name": "A Clinic", "url": "https://example.org",
                                  "address": "1 High Street", "email": "info@example.org"}
    assert [source.get("identifier", {}).get("value") for source in found["citation"]] == [JOURNAL_ARTICLE.doi, None]
    bare = data(Credits(None, (), ()), reviewed=None)
    assert not {"author", "reviewedBy", "publisher", "lastReviewed"} & bare.keys()
    assert not {"author", "publisher"} & bare["isPartOf"].keys()
    assert "image" not in medical_web_page(page(image=False), ARTICLE, CREDITS, [], modified=MODIFIED,
                                           last_reviewed=None)


def test_no_text_closes_the_script_early():
    hostile = '</script><script>alert(1)</script> & <!--'
    script = json_ld_script(medical_web_page(page(hostile), ARTICLE, CREDITS, [], modified=MODIFIED,
                                             last_reviewed=None))
    soup = BeautifulSoup(script, "html.parser")
    (element,) = soup.find_all("script")
    assert "</" not in element.string
    assert json.loads(element.string)["headline"] == hostile
