"""Publishing step: the offline copy's search works from file://, with nothing from any other host.

From file:// a browser starts no worker, so search needs the iframe-worker
polyfill. Both builders' offline mode loads it from a public CDN: with no
network search breaks, and with one every page tells a third party it is being
read. The copy's pages load the copy vendored under overrides/ instead, after
the theme's stylesheets, where the offline mode puts it; the online site, which
needs no polyfill, does not carry it.
"""

import shutil

from trustsite.publish.pages import RenderedSite

VENDORED = "assets/vendor/iframe-worker/"
SHIM = VENDORED + "index.js"


def vendor_polyfill(site: RenderedSite) -> None:
    if not site.offline:
        vendored = site.folder / VENDORED
        shutil.rmtree(vendored, ignore_errors=True)
        if vendored.parent.is_dir() and not any(vendored.parent.iterdir()):
            vendored.parent.rmdir()
        return
    for page in site.pages:
        page.insert(page.select(page.theme.polyfill_after)[-1], f'<script src="{page.url(SHIM)}"></script>', "after")
