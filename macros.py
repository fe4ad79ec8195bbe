"""Macros the pages call: a thin registry over trustsite's plain functions."""

from pathlib import Path

from trustsite.data import DataError, load_data
from trustsite.publication_date import date_line_html, published_date
from trustsite.references import references_html
from trustsite.tables import table_html

try:
    # MkDocs reports a PluginError on one line, without a traceback.
    from mkdocs.exceptions import PluginError as Refused
except ImportError:
    # Zensical's environment has no MkDocs; the build's check stage (trustsite/build.py) checks the data before either builder runs.
    Refused = RuntimeError


def define_env(env):
    # Validate every data file now, so one bad row stops the build before any page renders.
    try:
        data = load_data(Path(env.project_dir) / "data")
    except DataError as error:
        raise Refused(str(error)) from None

    # The only macros a page may call, read by the plugin's preview checks (trustsite/plugin/): mkdocs-macros'
    # own (macros_info(), context(), now()…) would publish the build's settings.
    env.site_macros = {}

    def site_macro(function):
        # So a wrong call reads "data_table() takes 1 positional argument…".
        function.__qualname__ = function.__name__
        env.site_macros[function.__name__] = env.macro(function)
        return function

    @site_macro
    def data_table(name: str) -> str:
        """One of the article's tables: `{{ data_table("methods") }}`."""
        return table_html(name, data)

    @site_macro
    def references() -> str:
        """The reference list, in APA style: `{{ references() }}`."""
        return references_html(data["references.yml"])

    @site_macro
    def publication_date() -> str:
        """The article's date, from mkdocs.yml's extra.published: `{{ publication_date() }}`."""
        try:
            return date_line_html(published_date(env.conf["extra"], "mkdocs.yml"))
        except ValueError as error:
            raise Refused(str(error)) from None
