"""Reading offline: makes the one-file edition and offers it, with the zip.

A thin adapter over trustsite.one_file and trustsite.read_offline. Once every
page is rendered (on_env) the edition is made from them, so the footer can
give its size; the online build writes it beside the site. The theme gets
two functions: `read_offline_footer()` for every page's footer, and
`read_offline_section()` for the opening page, after its introduction.
"""

from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.utils.templates import url_filter

from trustsite import service_worker
from trustsite.build_kind import is_offline
from trustsite.offline import ARCHIVE_NAME
from trustsite.one_file import ONE_FILE_NAME, Edition, one_file_html
from trustsite.read_offline import SECTION_ID, Downloads, footer_html, section_html
from trustsite.whole_article import sections_of

_built = {}  # the edition's HTML, from on_env to on_post_build


def on_nav(nav, config, files):
    _built["nav"] = nav
    return nav


def _edition(config) -> str:
    docs = Path(config.docs_dir)
    return one_file_html(Edition(
        title=config.site_name,
        description=config.site_description,
        language=config.theme["language"],
        site_url=config.site_url,
        published=config.extra["published"],
        sections=sections_of(_built["nav"].pages),
        site_css="".join((docs / path).read_text(encoding="utf-8") for path in config.extra_css),
        read_file=lambda path: (docs / path).read_bytes(),
    ))


def on_env(env, config, files):
    # The offline copy is already offline: it offers neither download, and makes no edition.
    if is_offline(config):
        env.globals.update(read_offline_footer=lambda: "", read_offline_section=lambda: "")
        return env
    edition = _built["edition"] = _edition(config)
    kept = service_worker.enabled(config)

    def downloads(context) -> Downloads:
        return Downloads(url_filter(context, ONE_FILE_NAME), len(edition.encode("utf-8")),
                         url_filter(context, ARCHIVE_NAME), kept)

    @pass_context
    def read_offline_footer(context) -> Markup:
        home = url_filter(context, ".") + f"#{SECTION_ID}"
        return Markup(footer_html(downloads(context), home))

    @pass_context
    def read_offline_section(context) -> Markup:
        return Markup(section_html(downloads(context)))

    env.globals.update(read_offline_footer=read_offline_footer, read_offline_section=read_offline_section)
    return env


def on_post_build(config):
    if not is_offline(config):
        Path(config.site_dir, ONE_FILE_NAME).write_text(_built["edition"], encoding="utf-8")
