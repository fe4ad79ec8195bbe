"""The `trustsite` plugin's options in mkdocs.yml, typed as MkDocs checks them."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TrustsiteConfig(Config):
    # mkdocs.yml's name for mkdocs-macros: the plugin keeps a preview running
    # through its errors and checks the pages before it renders them.
    macros_plugin = c.Type(str, default="macros")
