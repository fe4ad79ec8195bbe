"""The offline copy (OFFLINE=true) loads nothing from any other host.

Material's offline plugin makes search work from file://, but it loads the
iframe-worker polyfill from a public CDN: with no network search breaks, and
with one every page tells a third party it is being read. This hook serves the
copy vendored under overrides/ instead, turns off instant navigation (it needs
a server), and keeps the vendored files out of the online site.
"""

from trustsite.build_kind import is_offline

VENDORED = "assets/vendor/iframe-worker/"
SHIM = VENDORED + "index.js"


def on_config(config):
    if is_offline(config):
        config.extra["polyfills"] = [SHIM if "iframe-worker" in script else script
                                     for script in config.extra.get("polyfills", [])]
        config.theme["features"] = [feature for feature in config.theme["features"]
                                    if not feature.startswith("navigation.instant")]


def on_files(files, config):
    if not is_offline(config):
        for file in [file for file in files if file.src_uri.startswith(VENDORED)]:
            files.remove(file)
    return files

