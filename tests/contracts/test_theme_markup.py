"""The theme's markup, as trustsite/theme_markup.py names it, for each builder.

The publishing steps find the article, the table of contents, the footer, the
stylesheet link and the rest by the selectors of trustsite/theme_markup.py,
and write the whole-article page's table of contents in the theme's own
markup. A release of Material or Zensical that writes them otherwise would
break a page far from its cause. So a tiny site is rendered here with each
builder, with the project's own overrides, and each selector must still match,
each piece of markup we write must still be the theme's own; a failure names
the selector.
"""

import dataclasses
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.support.project import ROOT, ZENSICAL
from trustsite.policy.policy_step import runtime_style_hashes
from trustsite.publish.pages import Page
from trustsite.theme_markup import BUNDLE, THEMES, ThemeMarkup
from trustsite.theme_markup import ZENSICAL as ZENSICAL_MARKUP
from trustsite.whole_article.whole_article_step import content, toc_headings

# The builder's offline mode, so that the pages load the polyfill the offline copy replaces.
CONFIG = """site_name: Contract
site_url: https://example.org/contract/
site_description: A tiny site that shows the theme's markup.
copyright: A notice of the publisher's
site_dir: site
theme:
  name: material
  variant: classic
  custom_dir: overrides
  language: en
  font: false
plugins:
  - search
  - offline
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Other: part/other.md
"""
OTHER = "part/other.html"  # where the offline mode puts part/other.md
HOME = "# Home\n\nText.\n\n## First part\n\nText.\n\n### A detail\n\nText.\n\n## Second part\n\nText.\n"
# The fields of ThemeMarkup that are not selectors.
NOT_SELECTORS = {"builder", "stylesheet_path", "skip_target", "toc_title_class"}


def selectors(theme: ThemeMarkup) -> dict[str, str]:
    """Each selector of `theme`, by its name in trustsite/theme_markup.py."""
    named = {field.name: getattr(theme, field.name) for field in dataclasses.fields(theme)
             if field.name not in NOT_SELECTORS}
    if theme.skip_target:
        named["skip_target"] = f"{theme.article} > {theme.skip_target}"
    return named


def unmatched(html: str, theme: ThemeMarkup) -> list[str]:
    """A line for each selector of `theme` that matches nothing in the page `html`."""
    tree = LexborHTMLParser(html)
    return [f"{theme.builder}: trustsite/theme_markup.py's {name}, {selector!r}, matches nothing"
            for name, selector in selectors(theme).items() if tree.css_first(selector) is None]


def shape(html: str) -> list[tuple]:
    """What a browser makes of `html`, whitespace aside: each element with its
    depth and attributes, each run of text with its words."""
    root = LexborHTMLParser(html, is_fragment=True).root
    found = []
    for top in root.iter(include_text=True) if root else []:
        for node in top.traverse(include_text=True):
            depth, parent = 0, node.parent
            while parent is not None:
                depth, parent = depth + 1, parent.parent
            if node.is_text_node:
                if words := " ".join(node.text(deep=False).split()):
                    found.append((depth, "text", words))
            else:
                attributes = sorted((name, value or "") for name, value in node.attributes.items())
                found.append((depth, node.tag, tuple(attributes)))
    return found


def _render(builder: str, project) -> None:
    if builder == "mkdocs":
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        build(load_config(config_file=str(project / "mkdocs.yml")))
    else:
        result = subprocess.run([str(ZENSICAL), "build", "--clean", "-f", str(project / "mkdocs.yml")],
                                cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def _site(theme: ThemeMarkup, project: Path) -> Path:
    """The tiny site, rendered in `project` by `theme`'s builder: its folder."""
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (project / "docs" / "part").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    (project / "docs" / "part" / "other.md").write_text("# Other\n\nText.\n", encoding="utf-8")
    _render(theme.builder, project)
    return project / "site"


@pytest.fixture(scope="module")
def tiny_sites(tmp_path_factory) -> Callable[[ThemeMarkup], Path]:
    """The tiny site's folder as `theme`'s builder renders it, rendered once per builder."""
    sites: dict[str, Path] = {}

    def site(theme: ThemeMarkup) -> Path:
        if theme.builder not in sites:
            sites[theme.builder] = _site(theme, tmp_path_factory.mktemp(f"contract-{theme.builder}"))
        return sites[theme.builder]
    return site


@pytest.fixture(scope="module", params=THEMES, ids=lambda theme: theme.builder)
def rendered(request, tiny_sites) -> tuple[ThemeMarkup, dict[str, str]]:
    """The theme, and the tiny site's pages as its builder rendered them, by path."""
    site = tiny_sites(request.param)
    return request.param, {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
                           for path in site.rglob("*.html")}


def test_every_selector_matches_the_builders_page(rendered):
    """On a page with no subheadings, as the whole-article page is when rendered:
    there the menu's link follows the toggle of its empty contents."""
    theme, pages = rendered
    assert not unmatched(pages[OTHER], theme), "; ".join(unmatched(pages[OTHER], theme))


def test_the_page_model_tells_the_builder_and_the_root(rendered):
    theme, pages = rendered
    page = Page(OTHER, pages[OTHER], "part/other.md")
    assert page.theme is theme, f"{theme.builder}: the generator <meta> no longer matches {theme.generator!r}"
    assert page.root == "../", (f"{theme.builder}: the theme's stylesheet link, {theme.stylesheet!r}, "
                                f"no longer starts at the site's root before {theme.stylesheet_path!r}")


def test_the_table_of_contents_is_written_in_the_themes_own_markup(rendered):
    theme, pages = rendered
    page = Page("index.html", pages["index.html"], "index.md")
    toc = page.find(theme.toc)
    ours = theme.toc_contents(toc.attributes.get("aria-label") or "", theme.toc_items(toc_headings(content(page))))
    assert shape(ours) == shape(toc.inner_html), (
        f"{theme.builder}: the table of contents, {theme.toc!r}, is no longer written as "
        f"trustsite/theme_markup.py's toc_items and toc_contents write it:\n{toc.inner_html}")
    # On a page with contents, the builder writes the label the whole-article page gets.
    label = page.find('label.md-nav__link--active[for="__toc"]')
    link = page.find('label.md-nav__link--active[for="__toc"] + a.md-nav__link--active')
    assert shape(theme.toc_toggle_label(link.inner_html)) == shape(label.html), (
        f"{theme.builder}: the menu's label that opens the contents is no longer written as "
        f"trustsite/theme_markup.py's toc_toggle_label writes it:\n{label.html}")


@pytest.mark.parametrize(("theme", "name"), [(theme, name) for theme in THEMES for name in sorted(selectors(theme))],
                         ids=lambda value: getattr(value, "builder", value))
def test_the_check_names_a_selector_whose_markup_has_changed(tiny_sites, theme, name):
    """The contract's own check, against a page whose matching elements are taken away."""
    tree = LexborHTMLParser((tiny_sites(theme) / OTHER).read_text(encoding="utf-8"))
    for element in tree.css(selectors(theme)[name]):
        element.decompose()
    assert any(f"'s {name}, " in line for line in unmatched(tree.html, theme)), name


def test_the_check_names_the_footer_when_its_class_is_renamed(rendered):
    theme, pages = rendered
    tree = LexborHTMLParser(pages[OTHER])
    tree.css_first(theme.footer).attrs["class"] = "md-footer-notice"
    said = unmatched(tree.html, theme)
    assert f"{theme.builder}: trustsite/theme_markup.py's footer, {theme.footer!r}, matches nothing" in said



def bundle_problem(folder: Path) -> str | None:
    """Why the policy would not allow the style Zensical's search adds as it runs, if it would not."""
    if not sorted(folder.glob(BUNDLE.files)):
        return f"zensical: no bundle at trustsite/theme_markup.py's BUNDLE.files, {BUNDLE.files!r}"
    if not runtime_style_hashes(folder):
        return (f"zensical: its bundle no longer adds a style as BUNDLE.style_element, {BUNDLE.style_element!r}, "
                f"with the text of a string constant, BUNDLE.string_constant, {BUNDLE.string_constant!r}, reads it")
    return None


@pytest.fixture(scope="module")
def zensical_site(tiny_sites) -> Path:
    return tiny_sites(ZENSICAL_MARKUP)


def test_zensicals_bundle_adds_the_style_the_policy_allows(zensical_site):
    assert bundle_problem(zensical_site) is None, bundle_problem(zensical_site)


def test_the_check_names_the_bundle_pattern_when_the_bundle_changes(zensical_site, tmp_path):
    """The check, against a copy of the bundle whose style element is made otherwise."""
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    for bundle in zensical_site.glob(BUNDLE.files):
        changed = bundle.read_text(encoding="utf-8").replace('("style",{},', '("style",{"id":"panel"},')
        (tmp_path / bundle.relative_to(zensical_site)).write_text(changed, encoding="utf-8")
    assert "BUNDLE.style_element" in (bundle_problem(tmp_path) or "")
