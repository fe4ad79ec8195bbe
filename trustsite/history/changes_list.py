"""The corrections as readers read them: on the changes page, in the one-file
edition and in the feed. Every word from git or the data is escaped."""

from collections.abc import Callable
from html import escape

from trustsite.history import Change, Correction, History
from trustsite.publication_date import long_date, time_html

_PLACES = {"added": "Added to", "removed": "Removed from", "changed": "Changed on"}

# What the changes page says where there is nothing to list.
NONE_YET = "No correction has been made to the article since it was first published."
NO_HISTORY = ("This copy of the site was built without the history of its sources, "
              "so the changes since first publication cannot be listed here.")


def change_html(change: Change, link: Callable[[str], str | None]) -> str:
    """One change: where, and the words before and after. `link` gives the
    address of a page under docs/, or None where it is no longer published."""
    address = link(change.page)
    title = escape(change.title)
    place = f'<a href="{escape(address)}">{title}</a>' if address is not None else title
    lines = [f"<p>{_PLACES[change.kind]} {place}:</p>"]
    if change.before is not None:
        lines.append(f'<p class="history-change__before"><strong>Before:</strong> {escape(change.before)}</p>')
    if change.after is not None:
        lines.append(f'<p class="history-change__after"><strong>After:</strong> {escape(change.after)}</p>')
    return f'<li class="history-change">{"".join(lines)}</li>'


def correction_body(correction: Correction, link: Callable[[str], str | None]) -> str:
    """The reason for a correction and each of its changes."""
    changes = "".join(change_html(change, link) for change in correction.changes)
    return (f'<p class="history-entry__reason"><strong>Reason:</strong> {escape(correction.reason)}</p>'
            f'<ul class="history-entry__changes">{changes}</ul>')


def correction_title(correction: Correction) -> str:
    """The title of a correction's entry, as text: its date."""
    return f"Corrected {long_date(correction.day)}"


def entries_html(history: History, link: Callable[[str], str | None], level: int = 2,
                 anchor: Callable[[str], str] = lambda name: name) -> str:
    """Every correction, newest first, each under a heading of `level` whose id
    is its anchor (`anchor` may prefix it); or the sentence that says there is none."""
    if history.missing:
        return f'<p class="history-none">{NO_HISTORY}</p>'
    if not history.corrections:
        return f'<p class="history-none">{NONE_YET}</p>'
    return "".join(
        f'<section class="history-entry" aria-labelledby="{anchor(correction.anchor)}">'
        f'<h{level} id="{anchor(correction.anchor)}">Corrected {time_html(correction.day)}</h{level}>'
        f"{correction_body(correction, link)}</section>"
        for correction in reversed(history.corrections))
