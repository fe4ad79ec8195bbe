"""Puts trustsite.csp's Content-Security-Policy into every page of the online
site, the 404 page included.

Not into a preview: `mkdocs serve` adds its own inline live-reload script to
every page after all hooks, which the policy would refuse. Not into the offline
copy: from file:// each browser reads 'self' its own way, and the copy's search
worker runs in the iframe-worker polyfill's frame, which inherits the page's
policy and starts with an inline script the polyfill writes as it runs: the
policy refuses it (in Chromium, offline search then finds nothing).
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from trustsite.build_kind import is_offline, is_preview
from trustsite.csp import with_policy


def _protected(html: str, where: str, config) -> str:
    if is_preview() or is_offline(config):
        return html
    try:
        return with_policy(html)
    except ValueError as error:
        raise PluginError(f"{where}: {error}") from None


# Last of all, after the minify plugin (priority 0) and any hook that edits a
# page: the hashes must be of the bytes that are published. Hooks run after
# plugins of equal priority anyway; -100 does not rest on that, nor on the order
# of the hooks in mkdocs.yml.
@event_priority(-100)
def on_post_page(output, page, config):
    return _protected(output, page.file.dest_uri, config)


# Material's 404.html is a theme template: it goes through this event, not on_post_page.
@event_priority(-100)
def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return _protected(output_content, template_name, config)
