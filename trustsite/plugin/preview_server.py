"""In `make serve`, a save that does not build shows its mistake on every page.

MkDocs 1.6's server holds every page request after a failed rebuild ("The
server will appear stuck until build errors are resolved"). The plugin wraps
the builder the server is handed: a failed rebuild writes an error page over
every page (trustsite/preview_error.py) and returns normally, so the server
reloads the browsers, which show the error until the next good save.
The pages are listed again at each failed save: a page added since the last
good build (or written by the failed one) shows the mistake too.
A mistake already there when `make serve` starts still stops it: MkDocs runs
that first build before any plugin can wrap it.
"""

import logging
from pathlib import Path

from trustsite.messages import KeptMessages
from trustsite.preview_error import error_page, pages_in, show_everywhere

log = logging.getLogger("mkdocs")


def show_mistakes(server, builder):
    """`server` (MkDocs' LiveReloadServer) rebuilding with `builder`, its failures shown on every page."""
    site = Path(server.root)
    last_good_pages = pages_in(site)

    def build_or_show_the_mistake():
        nonlocal last_good_pages
        problems = KeptMessages()
        log.addHandler(problems)
        try:
            builder()
        except (Exception, SystemExit) as error:
            # The last good build's pages, which a failed build may have cleaned away,
            # and any page there now, such as one added since.
            pages = sorted({*last_good_pages, *pages_in(site)})
            show_everywhere(site, pages, error_page(problems.messages or [str(error)]))
            log.info("The preview shows this mistake on every page until the next good save.")
        else:
            last_good_pages = pages_in(site)
        finally:
            log.removeHandler(problems)

    server.builder = build_or_show_the_mistake
    return server
