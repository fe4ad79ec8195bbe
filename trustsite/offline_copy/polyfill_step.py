"""Publishing step: the offline copy loads nothing from any other host.

Both builders' offline mode makes search work from file:// with the
iframe-worker polyfill, loaded from a public CDN: with no network search
breaks, and with one every page tells a third party it is being read. The
copy's pages load the copy vendored under overrides/ instead; the online site,
which needs no polyfill, does not carry it.
"""

import re
import shutil
from html import escape

from trustsite.publish.pages import RenderedSite

VENDORED = "assets/vendor/iframe-worker/"
SHIM = VENDORED + "index.js"
# The polyfill's address as both builders write it.
_CDN_SHIM = re.compile(r'<script src="https://unpkg\.com/iframe-worker/shim"( type="text/javascript")?></script>')


def vendor_polyfill(site: RenderedSite) -> None:
    if not site.offline:
        vendored = site.folder / VENDORED
        shutil.rmtree(vendored, ignore_errors=True)
        if vendored.parent.is_dir() and not any(vendored.parent.iterdir()):
            vendored.parent.rmdir()
        return
    for page in site.pages:
        page.html = _CDN_SHIM.sub(lambda found: f'<script src="{escape(page.url(SHIM))}"></script>', page.html)
