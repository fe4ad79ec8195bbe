"""The offline copy (OFFLINE=true) turns off instant navigation, which needs a server.

No feature in mkdocs.yml asks for it today; this keeps a publisher's addition
out of the copy, as Material's offline guide asks ("Building for offline
usage", Limitations). Its script also skips instant navigation on file:// now,
but does not promise to.

A change to the theme's features, so it must happen before MkDocs renders a
page; the copy's own search polyfill is a publishing step
(trustsite/offline_copy/polyfill_step.py).
"""

from trustsite.build_kind import is_offline


def on_config(config):
    if is_offline(config):
        config.theme["features"] = [feature for feature in config.theme["features"]
                                    if not feature.startswith("navigation.instant")]
