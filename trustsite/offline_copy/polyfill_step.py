"""Publishing step: the offline copy loads nothing from any other host.

Both builders' offline mode makes search work from file:// with the
iframe-worker polyfill, loaded from a public CDN: with no network search
breaks, and with one every page tells a third party it is being read. The
copy's pages load the copy vendored under overrides/ instead; the online site,
which needs no polyfill, does not carry it.
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
        for script in page.select(page.theme.cdn_polyfill):
            script.attrs["src"] = page.url(SHIM)
            if "type" in script.attributes:
                del script.attrs["type"]
