"""Which of the site's builds a configuration makes.

One MkDocs configuration builds two things: the online site, and the offline
copy (Material's offline plugin, switched on by OFFLINE=true). Hooks and
macros ask here rather than each reading the plugin's setting in its own way.
"""


def is_offline(config) -> bool:
    """Whether `config` (an MkDocs configuration) builds the offline copy."""
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)
