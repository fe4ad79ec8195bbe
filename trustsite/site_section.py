"""A section the site adds to the article's pages (Read offline, About this
article, Cite this article): headed, labelled as the site's own rather than the
publisher's words, and left out of search."""

SITE_LABEL = "A feature of this site, not part of the article"


def site_section(css_class: str, section_id: str, title: str, body: str, purpose: str = "") -> str:
    """The section's HTML: `title` as its heading, the label (with `purpose`
    after a colon, where given), then `body`; all of them HTML already."""
    label = f"{SITE_LABEL}: {purpose}." if purpose else f"{SITE_LABEL}."
    return (f'<section class="{css_class}" id="{section_id}" aria-labelledby="{section_id}-title" '
            f'data-search-exclude><h2 id="{section_id}-title">{title}</h2><p>{label}</p>{body}</section>')
