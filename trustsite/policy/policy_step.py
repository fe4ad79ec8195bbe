"""Publishing step, the last to change a page: the Content-Security-Policy
(trustsite.policy) on every page of the online site, the 404 page included.

Not on the offline copy: from file:// each browser reads 'self' its own way,
and the copy's search worker runs in the iframe-worker polyfill's frame,
which inherits the page's policy and starts with an inline script the
polyfill writes as it runs: the policy refuses it (in Chromium, offline
search then finds nothing). Nor on the preview: `mkdocs serve` adds its
live-reload script after publishing, and the policy would refuse it.
"""

import re
from pathlib import Path

from trustsite.policy import inline_hash, with_policy
from trustsite.publish.pages import RenderedSite
from trustsite.theme_markup import BUNDLE


def _string_constant(script: str, name: str) -> str | None:
    found = re.search(BUNDLE.string_constant.format(name=name), script, re.S)
    return found.group(2).encode().decode("unicode_escape") if found else None


def runtime_style_hashes(folder: Path) -> list[str]:
    """The hashes of the styles the theme's scripts, in the site `folder`, add to a page as they run."""
    hashes = []
    for bundle in sorted(folder.glob(BUNDLE.files)):
        script = bundle.read_text(encoding="utf-8")
        for name in dict.fromkeys(re.findall(BUNDLE.style_element, script)):
            if (text := _string_constant(script, name)) is not None:
                hashes.append(inline_hash(text))
    return hashes


def protect(site: RenderedSite) -> None:
    if site.offline or site.preview:
        return
    styles = runtime_style_hashes(site.folder)
    for page in site.pages:
        try:
            page.text = with_policy(page.text, styles)
        except ValueError as error:
            raise ValueError(f"{page.path}: {error}") from None
