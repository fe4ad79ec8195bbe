"""A way for readers to reply: "Report an error or ask a question", a plain
link on every page and in the one-file edition, as health-information
standards ask (an invitation to give feedback, the NHS Standard for creating
health content; a clear route for feedback, PIF TICK).

It leads to mkdocs.yml's optional `extra.feedback`, an e-mail address or a
web address; without it, on GitHub Actions, to the repository's new-issue
form; otherwise there is no link, rather than an invented address.
"""

import re
from html import escape
from urllib.parse import quote, urlencode, urlsplit

# The setting under mkdocs.yml's extra:.
SETTING = "feedback"
LINK_TEXT = "Report an error or ask a question"
# Long enough for any form's address, short enough to say no to a pasted page.
LONGEST_ADDRESS = 2000
# RFC 5321's limit on an e-mail address.
LONGEST_EMAIL = 254
# An e-mail address as a mailto: link can carry it unescaped (a subset of RFC 5322's).
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"[A-Za-z0-9._+-]+@{_LABEL}(?:\.{_LABEL})+")


def _is_email(value: str) -> bool:
    return len(value) <= LONGEST_EMAIL and bool(_EMAIL.fullmatch(value))


def _is_web_address(value: str) -> bool:
    if len(value) > LONGEST_ADDRESS or any(character.isspace() or not character.isprintable() for character in value):
        return False
    try:
        parts = urlsplit(value)
        return parts.scheme == "https" and bool(parts.hostname)
    except ValueError:  # such as "https://[x"
        return False


def feedback_from(extra: dict, shown: str) -> str | None:
    """The address in `extra` (mkdocs.yml's extra:, in the file `shown`), None
    if it has none; a ValueError naming the setting for anything but an e-mail
    address or an https:// web address."""
    if SETTING not in extra:
        return None
    value = extra[SETTING]
    if isinstance(value, str) and (_is_email(value) or _is_web_address(value)):
        return value
    raise ValueError(f"{shown}, extra.{SETTING}: write an e-mail address, such as hello@example.org, "
                     "or a web address starting https://, such as https://example.org/contact")


def reply_href(feedback: str | None, repository: str | None, *, title: str, address: str) -> str | None:
    """Where a reader of the page titled `title`, at `address`, replies: an
    e-mail with the title as its subject, the web address as it is, or a new
    issue of `repository` with the title and address filled in; None if neither is given."""
    body = f"About the page {title}, at {address}:\n\n"
    if feedback and _is_email(feedback):
        return f"mailto:{feedback}?{urlencode({'subject': title, 'body': body}, quote_via=quote)}"
    if feedback:
        return feedback
    if repository:
        return f"{repository}/issues/new?{urlencode({'title': title, 'body': body}, quote_via=quote)}"
    return None


def reply_link_html(href: str) -> str:
    return f'<a href="{escape(href)}">{LINK_TEXT}</a>'
