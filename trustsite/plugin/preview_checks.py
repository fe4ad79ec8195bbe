"""In a preview, refuse a page whose Jinja does more than call one of macros.py's
macros, before mkdocs-macros renders it; the rule is in trustsite.page_jinja.

`mkdocs serve` rebuilds without scripts/build.py, whose check stage
(trustsite.check) refuses such a page in a build, so this hook acts only in a preview.
"""

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from trustsite.build_kind import is_preview
from trustsite.data import DataError
from trustsite.page_jinja import check_macro_calls

log = logging.getLogger("mkdocs.hooks.check_macro_calls")


# mkdocs-macros renders the page at the default priority, 0.
@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    if not is_preview():
        return markdown
    macros = config.plugins["macros"]
    try:
        # The whole file: mkdocs-macros also renders a `title:` in the front matter.
        check_macro_calls(page.file.content_string, macros.env, macros.site_macros,
                          shown=f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    except DataError as error:
        log.error(str(error))
        # The preview keeps running, as for any mistake; the page's Jinja is shown, not run.
        page.meta["render_macros"] = False
    return markdown
