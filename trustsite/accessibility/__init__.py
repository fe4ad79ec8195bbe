"""Small repairs to the theme's markup that assistive technology needs."""

import re

# Material marks its search panel as a dialog but gives it no name, so a
# screen reader announces only "dialog".
_UNNAMED_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')


def name_search_dialog(html: str) -> str:
    """`html` with the search dialog named "Search"."""
    return _UNNAMED_SEARCH_DIALOG.sub(r'\1 aria-label="Search">', html, count=1)
