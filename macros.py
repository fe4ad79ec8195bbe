"""Macros the pages call: a thin registry over trustsite's plain functions."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from trustsite.data import DataError, load_data
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

    # So a wrong call reads "data_table() takes 1 positional argument…".
    for macro in (data_table, references):
        macro.__qualname__ = macro.__name__
