"""Who stands behind the article: its publisher, authors and reviewers, as
mkdocs.yml's optional `extra.publisher`, `extra.authors` and `extra.reviewers`
name them, and the "About this article" block that shows them.

Health-information standards (the NHS Standard for creating health content,
PIF TICK, HONcode) ask for a named publisher and reviewer. The site names only
whom the publisher names: with none set it shows no block and says so once.
"""

import re
from dataclasses import dataclass
from html import escape

from trustsite.data import quoted
from trustsite.site_section import site_section

PUBLISHER, AUTHORS, REVIEWERS = "publisher", "authors", "reviewers"
# Where README.md tells a publisher how to name them.
README_SECTION = 'README.md, "Who stands behind the article"'
MISSING = (f"No publisher, author or reviewer is named: health-information standards ask for a named "
           f"publisher and reviewer; see {README_SECTION}")

_PUBLISHER_FIELDS = ("name", "address", "contact", "url")
_PERSON_FIELDS = ("name", "role", "url")
# What each list calls one of its items, in a message.
_ITEM = {AUTHORS: "author", REVIEWERS: "reviewer"}
# Only secure web addresses: a javascript: or file: link must never reach a page.
_WEB_ADDRESS = re.compile(r"https://\S+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class Person:
    name: str  # as the publisher writes it: "Jane Smith", or "de la Cruz, Mary" to mark the family name
    role: str | None  # role or credentials: "Clinical psychologist, PhD"
    url: str | None


@dataclass(frozen=True)
class Publisher:
    name: str
    address: str | None
    contact: str | None  # an e-mail address, a web address or a telephone number
    url: str | None


@dataclass(frozen=True)
class Credits:
    publisher: Publisher | None
    authors: tuple[Person, ...]
    reviewers: tuple[Person, ...]

    @property
    def named(self) -> bool:
        return bool(self.publisher or self.authors or self.reviewers)


def _fields(value: object, where: str, fields: tuple[str, ...], what: str) -> dict[str, str | None]:
    """`value`, a mapping of `fields` each holding text, with a name; a ValueError saying `where` if not."""
    if not isinstance(value, dict):
        raise ValueError(f"{where}: write the {what}'s {', '.join(fields)} as 'field: value' lines")
    for key in value:
        if key not in fields:
            raise ValueError(f"{where}: {quoted(key)} is not a known field; use only: {', '.join(fields)}")
    for key, text in value.items():
        if text is not None and not isinstance(text, str):
            raise ValueError(f"{where}, {key}: must be text, but YAML read {quoted(text)}; put it in quotes")
    found = {key: (value.get(key) or "").strip() or None for key in fields}
    if not found["name"]:
        raise ValueError(f"{where}: give the {what}'s name")
    if found["url"] and not _WEB_ADDRESS.fullmatch(found["url"]):
        raise ValueError(f"{where}, url: must be a web address starting with https://")
    return found


def _people(extra: dict, setting: str, shown: str) -> tuple[Person, ...]:
    people = extra.get(setting)
    if people is None:
        return ()
    if not isinstance(people, list):
        raise ValueError(f"{shown}, extra.{setting}: write a list, each item starting with '- name:'")
    return tuple(Person(**_fields(item, f"{shown}, extra.{setting}, item {number}", _PERSON_FIELDS,
                                  _ITEM[setting]))
                 for number, item in enumerate(people, start=1))


def read_credits(extra: dict, shown: str) -> Credits:
    """The credits in `extra` (mkdocs.yml's extra:, in the file `shown`); a
    ValueError naming the setting and item for one it cannot show."""
    publisher = extra.get(PUBLISHER)
    return Credits(
        publisher=None if publisher is None else Publisher(
            **_fields(publisher, f"{shown}, extra.{PUBLISHER}", _PUBLISHER_FIELDS, "publisher")),
        authors=_people(extra, AUTHORS, shown),
        reviewers=_people(extra, REVIEWERS, shown),
    )


def _named(name: str, url: str | None) -> str:
    return f'<a href="{escape(url)}">{escape(name)}</a>' if url else escape(name)


def is_email(contact: str) -> bool:
    return bool(_EMAIL.fullmatch(contact))


def _contact(contact: str) -> str:
    if is_email(contact):
        return f'<a href="mailto:{escape(contact)}">{escape(contact)}</a>'
    return _named(contact, contact if _WEB_ADDRESS.fullmatch(contact) else None)


def _person(person: Person) -> str:
    return _named(person.name, person.url) + (f", {escape(person.role)}" if person.role else "")


ABOUT_ID = "about-this-article"


def about_html(credits: Credits) -> str:
    """The "About this article" block, labelled as the site's; "" when nobody is named."""
    if not credits.named:
        return ""
    rows = []
    if publisher := credits.publisher:
        details = [_named(publisher.name, publisher.url)]
        details += [escape(publisher.address)] if publisher.address else []
        details += [f"Contact: {_contact(publisher.contact)}"] if publisher.contact else []
        rows.append(("Published by", "<br>".join(details)))
    for label, people in (("Written by", credits.authors), ("Reviewed by", credits.reviewers)):
        if people:
            rows.append((label, "<br>".join(_person(person) for person in people)))
    listed = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return site_section("about-article", ABOUT_ID, "About this article", f"<dl>{listed}</dl>",
                        purpose="who publishes it, as the site's settings name them")
