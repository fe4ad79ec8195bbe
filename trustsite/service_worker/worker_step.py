"""Publishing step: the service worker, its manifest and icons, on the online site.

Every page names the manifest and the phone's bar colours in its head and
loads the script that registers the worker. The worker's list of files is
read from the finished site, so `write` runs after every page is published.
With the worker off (and in the offline copy) the registration script is
removed, and no page names it.
"""

from html import escape

from trustsite import service_worker
from trustsite.cards.social_card import app_icon_png
from trustsite.publish.pages import RenderedSite


def keeps_itself(site: RenderedSite) -> bool:
    """Whether readers' browsers keep this site after a first visit."""
    return service_worker.enabled(site.settings.extra, offline=site.offline, preview=site.preview)


def announce(site: RenderedSite) -> None:
    if not keeps_itself(site):
        site.folder.joinpath(service_worker.REGISTRATION).unlink(missing_ok=True)
        return
    colours = service_worker.THEME_COLOURS
    for page in site.pages:
        page.insert("head", (
            f'<link rel="manifest" href="{escape(page.url(service_worker.MANIFEST))}">\n'
            f'<link rel="apple-touch-icon" href="{escape(page.url(service_worker.icon_path(192)))}">\n'
            f'<meta name="theme-color" media="(prefers-color-scheme: light)" content="{colours["light"]}">\n'
            f'<meta name="theme-color" media="(prefers-color-scheme: dark)" content="{colours["dark"]}">\n'))
        page.insert("body", f'<script src="{escape(page.url(service_worker.REGISTRATION))}"></script>\n')


def write(site: RenderedSite) -> None:
    if not keeps_itself(site):
        return
    folder, settings = site.folder, site.settings
    for size in service_worker.ICON_SIZES:
        folder.joinpath(service_worker.icon_path(size)).write_bytes(app_icon_png(size))
    folder.joinpath(service_worker.MANIFEST).write_text(service_worker.manifest_json(
        settings.site_name, settings.extra["short_name"], settings.site_description), encoding="utf-8")
    saved = service_worker.saved_files(folder, settings.search_languages, settings.docs_dir, settings.file_names)
    folder.joinpath(service_worker.WORKER).write_text(service_worker.worker_js(saved), encoding="utf-8")
