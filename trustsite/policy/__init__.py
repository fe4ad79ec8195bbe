"""The Content-Security-Policy of the online site: the browser itself refuses
anything a page would load from another host, and any script we did not publish.

GitHub Pages cannot send headers, so the policy is a <meta> element, put right
after <meta charset> and so before every script. The theme writes a few small
scripts inline; each is allowed by the SHA-256 hash of its text, so the hashes
must be taken from the page exactly as it is published.
"""

import base64
import hashlib
from html.parser import HTMLParser

# The `type` values under which a browser runs a <script>'s own text (HTML's
# JavaScript MIME types, modules, import maps, speculation rules). Any other
# type, such as application/json or application/ld+json, is data: never run.
_RUN_TYPES = frozenset({
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
})


def _directives(script_hashes: list[str], style_hashes: list[str]) -> dict[str, list[str]]:
    styles = {
        # Only where the theme's script adds a style of its own at run time
        # (Zensical's search): that style, by its hash, and the site's files.
        "style-src": ["'self'", *style_hashes],
    } if style_hashes else {}
    return {
        # The site's own host for everything not named below: styles (none
        # inline), fonts, the search index, the web app manifest and its icons.
        "default-src": ["'self'"],
        # The site's script files, and the workers they start (workers fall back
        # to script-src), and this page's inline scripts by their hashes: no
        # script put into the page runs, and nothing is eval'ed.
        "script-src": ["'self'", *script_hashes],
        **styles,
        # The theme's icons (the search results' among them) are data: SVGs.
        "img-src": ["'self'", "data:"],
        # Stricter than default-src: no plugin content, not even from this host.
        "object-src": ["'none'"],
        # Neither falls back to default-src: without them a pasted <base> could
        # send every relative link, or a <form> what a reader types, to another
        # host. The site uses neither, so its own host is as far as either goes.
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def inline_hash(text: str) -> str:
    """The CSP source that allows an inline script (or style) whose text is `text`.

    Browsers hash the UTF-8 bytes of the text as the HTML parser hands it to
    the element, after turning each CR LF and lone CR into LF.
    """
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


class _Page(HTMLParser):
    """What the policy needs to know of a page: where <meta charset> ends, where
    the first script starts, and the text of every inline script a browser runs."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        # The parser tells positions as (line, column), counting only "\n" as a line end.
        self._line_starts = [0] + [i + 1 for i, char in enumerate(html) if char == "\n"]
        self.after_charset: int | None = None
        self.first_script: int | None = None
        self.inline_scripts: list[str] = []
        self._script_text: list[str] | None = None  # of the script being read, if a browser runs it
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and "charset" in attributes and self.after_charset is None:
            self.after_charset = self._offset() + len(self.get_starttag_text())
        elif tag == "script":
            if self.first_script is None:
                self.first_script = self._offset()
            runs_its_text = ("src" not in attributes
                             and (attributes.get("type") or "").strip().lower() in _RUN_TYPES)
            self._script_text = [] if runs_its_text else None

    def handle_data(self, data):
        # The parser may hand one script's text over in more than one piece.
        if self._script_text is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script_text is not None:
            self.inline_scripts.append("".join(self._script_text))
            self._script_text = None


def with_policy(html: str, style_hashes: list[str] = ()) -> str:
    """`html` with its policy in a <meta> element right after <meta charset>;
    `style_hashes` allow the styles the theme's scripts add as they run.

    Raises ValueError if the page has no <meta charset>, or a script before it
    (a policy governs only what follows it).
    """
    page = _Page(html)
    if page.after_charset is None:
        raise ValueError("the page has no <meta charset>, after which its Content-Security-Policy goes")
    if page.first_script is not None and page.first_script < page.after_charset:
        raise ValueError("a <script> comes before <meta charset>, where the "
                         "Content-Security-Policy goes, so the policy would not cover it")
    # Each hash once, in page order, so that the same page gives the same bytes.
    hashes = list(dict.fromkeys(inline_hash(text) for text in page.inline_scripts))
    policy = "; ".join(" ".join([name, *sources]) for name, sources in _directives(hashes, list(style_hashes)).items())
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[:page.after_charset] + meta + html[page.after_charset:]
