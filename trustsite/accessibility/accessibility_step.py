"""Publishing step: the repairs to the theme's markup that assistive technology needs.

Every page's search dialog gets its name. Where the theme draws its search
panel in a shadow root, out of the site's stylesheet's reach (Zensical's),
the pages also load search_panel_repair.js, which repairs the panel as it
renders.
"""

from html import escape
from importlib.resources import files

from trustsite.publish.pages import Page, RenderedSite
from trustsite.theme_markup import ZENSICAL

PANEL_REPAIR = "assets/javascripts/search-panel-repair.js"
_PANEL_REPAIR_CODE = files("trustsite.accessibility").joinpath("search_panel_repair.js").read_text(encoding="utf-8")


def name_search_dialog(page: Page) -> None:
    """Name the search dialog "Search": Material marks its search panel as a
    dialog but gives it no name, so a screen reader announces only "dialog"."""
    for dialog in page.select(page.theme.search_dialog):
        if "aria-label" not in dialog.attributes:
            dialog.attrs["aria-label"] = "Search"


def repair(site: RenderedSite) -> None:
    for page in site.pages:
        name_search_dialog(page)
    shadow_panels = [page for page in site.pages if page.theme is ZENSICAL]
    if shadow_panels:
        (site.folder / PANEL_REPAIR).write_text(_PANEL_REPAIR_CODE, encoding="utf-8")
    for page in shadow_panels:
        page.insert("body", f'<script src="{escape(page.url(PANEL_REPAIR))}"></script>\n')
