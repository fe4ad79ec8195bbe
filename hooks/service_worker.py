"""Reading offline after one visit: the service worker, its manifest and icons.

A thin adapter over trustsite.service_worker, for the published online site
only (`extra: offline_after_first_visit: false` in mkdocs.yml turns it off).
The worker's list of files is read from the finished site, so its
on_post_build runs after every other hook's.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from trustsite import service_worker
from trustsite.social_card import app_icon_png


def on_files(files, config):
    if not service_worker.enabled(config):
        files.remove(files.get_file_from_path(service_worker.REGISTRATION))
    return files


def on_env(env, config, files):
    env.globals["offline_after_first_visit"] = service_worker.enabled(config)
    env.globals["theme_colours"] = service_worker.THEME_COLOURS
    return env


@event_priority(-100)
def on_post_build(config):
    if not service_worker.enabled(config):
        return
    site = Path(config.site_dir)
    for size in service_worker.ICON_SIZES:
        site.joinpath(service_worker.icon_path(size)).write_bytes(app_icon_png(size))
    site.joinpath(service_worker.MANIFEST).write_text(service_worker.manifest_json(
        config.site_name, config.extra["short_name"], config.site_description), encoding="utf-8")
    saved = service_worker.saved_files(site, config.plugins["material/search"].config.lang)
    site.joinpath(service_worker.WORKER).write_text(service_worker.worker_js(saved), encoding="utf-8")
