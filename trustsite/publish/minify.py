"""Publishing step: smaller pages, minified after every other step has changed them.

The first step to work on the pages' text: each is serialized here, once.

Runs of spaces shrink to one but are never removed: a space between two
links or emphasised words is part of the text. The same options as the
mkdocs-minify-plugin this replaces, so both builders' pages shrink alike.
"""

import htmlmin

from trustsite.publish.pages import RenderedSite


def minify(site: RenderedSite) -> None:
    for page in site.pages:
        page.text = htmlmin.minify(page.text, remove_comments=True, remove_optional_attribute_quotes=False)
