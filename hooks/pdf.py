"""`{{ pdf_download() }}`: the link to the PDF, only in a build that makes it.

scripts/build.py --pdf (`make pdf`) sets PDF=true for the online site and
prints the PDF after it; a plain build, or the offline copy, shows no link.
"""

import os

from jinja2 import pass_context
from mkdocs.utils.templates import url_filter

from trustsite.pdf import PDF_NAME, pdf_link_html


def on_env(env, config, files):
    made = os.environ.get("PDF") == "true"

    @pass_context
    def pdf_download(context) -> str:
        return pdf_link_html(url_filter(context, PDF_NAME)) if made else ""

    env.globals["pdf_download"] = pdf_download
    return env
