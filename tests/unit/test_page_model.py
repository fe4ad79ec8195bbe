"""The page model the publishing steps share (trustsite/publish/pages.py):
one parsed tree per page, edited by selector, serialized once."""

import pytest

from trustsite.publish.pages import Page
from trustsite.theme_markup import MATERIAL, ZENSICAL


def page(*, generator: str = "mkdocs-1.6.1, mkdocs-material-9", stylesheet: str = "../assets/stylesheets/main.1.min.css",
         body: str = '<div class="md-copyright"><div class="md-copyright__highlight">A</div> Made with</div>') -> Page:
    return Page("part/index.html", f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="generator" content="{generator}">
<title>A &amp; B - Site</title><meta name="description" content="Says &quot;so&quot;">
<link rel="stylesheet" href="{stylesheet}">
</head><body>{body}</body></html>""", "part.md")


def test_a_page_knows_its_theme_root_title_and_description():
    material = page()
    assert material.theme is MATERIAL
    assert (material.root, material.url("."), material.url("x.js")) == ("../", "..", "../x.js")
    assert (material.title, material.description) == ("A & B - Site", 'Says "so"')
    zensical = page(generator="zensical-0.0.9", stylesheet="/site/assets/stylesheets/classic/main.2.min.css")
    assert zensical.theme is ZENSICAL
    assert (zensical.root, zensical.url(".")) == ("/site/", "/site/.")


@pytest.mark.parametrize(("where", "expected"), [
    ("before", '<i>1</i> <i>2</i><div class="md-copyright">'),
    ("start", '<div class="md-copyright"><i>1</i> <i>2</i><div class="md-copyright__highlight">'),
    ("end", ' Made with<i>1</i> <i>2</i></div>'),
    ("after", 'Made with</div><i>1</i> <i>2</i></body>'),
])
def test_a_fragment_goes_where_it_is_asked_in_its_own_order(where, expected):
    edited = page()
    edited.insert(MATERIAL.footer, "<i>1</i> <i>2</i>", where)
    assert expected in edited.text


def test_a_selector_that_matches_nothing_is_named():
    with pytest.raises(ValueError, match=r"part/index.html: no element matches 'nav.md-nav--secondary'"):
        page().insert("nav.md-nav--secondary", "<i>1</i>")


def test_a_page_is_serialized_once_and_not_edited_after():
    edited = page()
    edited.insert("body", "<i>1</i>")
    first = edited.text
    assert edited.text is first
    with pytest.raises(RuntimeError, match="already serialized"):
        edited.insert("body", "<i>2</i>")
