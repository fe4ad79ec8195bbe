"""The reference list, in APA 7 style, rendered as HTML from its rows.

A journal article reads
    Author, A. A., & Author, B. B. (Year). Title. *Journal*, *Volume*(Issue), pages. https://doi.org/…
and a stand-alone work, whose title is italic instead,
    Author. (Year). *Title*. https://…
"""

import unicodedata
from html import escape

from trustsite.schema import Reference


def _full_stop(text: str) -> str:
    """What follows `text` to close its part of the entry: nothing if it already ends a sentence."""
    return "" if text.endswith((".", "?", "!")) else "."


def _sort_key(reference: Reference) -> tuple[str, int]:
    # APA sorts by author, letter by letter, ignoring accents (Flückiger as Fluckiger).
    plain = unicodedata.normalize("NFKD", reference.authors)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold(), reference.year


def sorted_references(references: list[Reference]) -> list[Reference]:
    """The entries in the order the list shows them: by author, then year."""
    return sorted(references, key=_sort_key)


def _link(reference: Reference) -> str | None:
    """Where the entry links: its DOI as a URL, else its web address."""
    return f"https://doi.org/{reference.doi}" if reference.doi else reference.url


def citation_html(reference: Reference) -> str:
    """One entry, every value escaped, italics where APA puts them."""
    authors, title = escape(reference.authors), escape(reference.title)
    parts = [f"{authors}{_full_stop(reference.authors)} ({reference.year})."]
    if reference.container is None:
        parts.append(f"<i>{title}</i>{_full_stop(reference.title)}")
    else:
        parts.append(f"{title}{_full_stop(reference.title)}")
        source = f"<i>{escape(reference.container)}</i>"
        if reference.volume is not None:
            source += f", <i>{reference.volume}</i>"
            if reference.issue is not None:
                source += f"({reference.issue})"
        if reference.pages is not None:
            source += f", {escape(reference.pages)}"
        parts.append(source + ".")
    if address := _link(reference):
        parts.append(f'<a href="{escape(address)}">{escape(address)}</a>')
    return " ".join(parts)


def references_html(references: list[Reference]) -> str:
    """The whole list in APA order, each entry followed by the claim it supports.

    Each entry's id is its anchor, so a page can link to references/#bordin-1979.
    """
    items = "".join(
        f'<li id="{escape(reference.id)}"><p>{citation_html(reference)}</p>'
        f'<p class="reference-supports">Supports: {escape(reference.supports)}</p></li>'
        for reference in sorted_references(references)
    )
    return f'<ul class="references">{items}</ul>'
