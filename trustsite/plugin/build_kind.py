"""Which of the site's builds is running.

One MkDocs configuration builds three things: the online site, the offline
copy (Material's offline plugin, switched on by OFFLINE=true), and a
publisher's preview under `mkdocs serve`. Hooks and macros ask here rather
than each working it out in its own way.
"""

# MkDocs names its command ("build", "gh-deploy" or "serve") only once, in the
# on_startup event, which hooks/record_command.py passes on here. A configuration
# loaded without that event (as some tests do) is a plain build.
_command = "build"


def started_by(command: str) -> None:
    """Record the MkDocs command this process is running."""
    global _command
    _command = command


def is_preview() -> bool:
    """Whether the pages are for `mkdocs serve`, a preview that must always show the latest edit."""
    return _command == "serve"


def is_offline(config) -> bool:
    """Whether `config` (an MkDocs configuration) builds the offline copy."""
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)
