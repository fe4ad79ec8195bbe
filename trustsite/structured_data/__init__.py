"""Each page described for search engines in schema.org's words: a
MedicalWebPage, part of the article, for patients and clinicians, with its
dates, the people and organisation behind it where the publisher names them,
and the article's sources.

Only schema.org's own terms, each on a type it belongs to:
tests/unit/test_structured_data.py checks them against a pinned copy of the
vocabulary.
"""

import json
from datetime import date

from trustsite.cards.head_tags import PageFacts
from trustsite.citation import CitedArticle
from trustsite.credits import Credits, Person, Publisher, is_email
from trustsite.schema import Reference

# Patients are a kind of MedicalAudience in schema.org; clinicians a value of
# its MedicalAudienceType enumeration.
MEDICAL_AUDIENCE = [{"@type": "Patient"}, {"@type": "MedicalAudience", "audienceType": "Clinician"}]


def _named(kind: str, name: str, **optional: str | None) -> dict:
    """A schema.org `kind` with its name, and those of `optional` that are given."""
    return {"@type": kind, "name": name, **{key: value for key, value in optional.items() if value}}


def _person(person: Person) -> dict:
    return _named("Person", person.name, description=person.role, url=person.url)


def _organization(publisher: Publisher) -> dict:
    email = publisher.contact if publisher.contact and is_email(publisher.contact) else None
    return _named("Organization", publisher.name, url=publisher.url, address=publisher.address, email=email)


def _source(reference: Reference) -> dict:
    found = {"@type": "ScholarlyArticle" if reference.container else "CreativeWork",
             "name": reference.title, "datePublished": str(reference.year)}
    if reference.doi:
        found["url"] = f"https://doi.org/{reference.doi}"
        found["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": reference.doi}
    elif reference.url:
        found["url"] = reference.url
    return found


def _people(credits: Credits) -> dict:
    """The article's author and publisher, as both the page and the article name them."""
    found = {}
    if credits.authors:
        found["author"] = [_person(person) for person in credits.authors]
    if credits.publisher:
        found["publisher"] = _organization(credits.publisher)
    return found


def medical_web_page(page: PageFacts, article: CitedArticle, credits: Credits, references: list[Reference], *,
                     modified: date, last_reviewed: date | None) -> dict:
    """The page as schema.org data: `modified` is when its words last changed,
    `last_reviewed` when the publisher last reviewed it (None: never said)."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "headline": page.title,
        "description": page.description,
        "url": page.url,
        "datePublished": page.published.isoformat(),
        "dateModified": modified.isoformat(),
        "inLanguage": page.language,
        "medicalAudience": MEDICAL_AUDIENCE,
        **_people(credits),
        "isPartOf": {"@type": "Article", "headline": article.title, "url": article.url,
                     "datePublished": article.published.isoformat(), "inLanguage": article.language,
                     **_people(credits)},
        "citation": [_source(reference) for reference in references],
    }
    if last_reviewed:
        data["lastReviewed"] = last_reviewed.isoformat()
    if credits.reviewers:
        data["reviewedBy"] = [_person(person) for person in credits.reviewers]
    if page.image:
        data["image"] = page.image.url
    return data


def json_ld_script(data: dict) -> str:
    """`data` in a <script type="application/ld+json">, which no text in it can close early.

    JSON allows "<", ">" and "&" to be written as \\u escapes, so no title
    can write "</script>" or look like markup.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
