"""Macros the pages call: a thin registry over trustsite's plain functions."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import normalize_url

from trustsite.build_kind import is_offline
from trustsite.data import DataError, load_data
from trustsite.offline import ARCHIVE_NAME, download_link_html
from trustsite.references import references_html
from trustsite.tables import table_html


def define_env(env):
    # Validate every data file now, so one bad row stops the build before any page renders.
    try:
        data = load_data(Path(env.project_dir) / "data")
    except DataError as error:
        raise PluginError(str(error)) from None

    @env.macro
    def data_table(name: str) -> str:
        """One of the article's tables: `{{ data_table("methods") }}`."""
        return table_html(name, data)

    @env.macro
    def references() -> str:
        """The reference list, in APA style: `{{ references() }}`."""
        return references_html(data["references.yml"])

    @env.macro
    def offline_download() -> str:
        """The link to the offline copy, on the online site only: `{{ offline_download() }}`."""
        if is_offline(env.conf):
            return ""
        return download_link_html(normalize_url(ARCHIVE_NAME, page=env.page))

    # So a wrong call reads "data_table() takes 1 positional argument…".
    for macro in (data_table, references, offline_download):
        macro.__qualname__ = macro.__name__
