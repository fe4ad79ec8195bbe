"""Publishing step: the repairs to the theme's markup that assistive technology needs.

Every page's search dialog gets its name (trustsite.accessibility). Where the
theme draws its search panel in a shadow root, out of the site's stylesheet's
reach (Zensical's, whose pages name it as their generator), the pages also
load search_panel_repair.js, which repairs the panel as it renders.
"""

from html import escape
from importlib.resources import files

from trustsite.accessibility import name_search_dialog
from trustsite.publish.pages import RenderedSite

PANEL_REPAIR = "assets/javascripts/search-panel-repair.js"
_PANEL_REPAIR_CODE = files("trustsite.accessibility").joinpath("search_panel_repair.js").read_text(encoding="utf-8")
_SHADOW_PANEL_GENERATOR = '<meta name="generator" content="zensical-'


def repair(site: RenderedSite) -> None:
    for page in site.pages:
        page.html = name_search_dialog(page.html)
    shadow_panels = [page for page in site.pages if _SHADOW_PANEL_GENERATOR in page.html]
    if shadow_panels:
        (site.folder / PANEL_REPAIR).write_text(_PANEL_REPAIR_CODE, encoding="utf-8")
    for page in shadow_panels:
        page.insert_before("</body>", f'<script src="{escape(page.url(PANEL_REPAIR))}"></script>\n')
