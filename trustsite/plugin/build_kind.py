"""Which of the site's builds a loaded MkDocs configuration makes.

One MkDocs configuration builds three things: the online site, the offline
copy (Material's offline plugin, switched on by the build driver), and a
publisher's preview under `mkdocs serve`, which the plugin learns from MkDocs'
command (TrustsitePlugin.preview).
"""


def is_offline(config) -> bool:
    """Whether `config` (an MkDocs configuration) builds the offline copy."""
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)
