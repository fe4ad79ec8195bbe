"""The theme's markup, as trustsite/theme_markup.py names it, for each builder.

The publishing steps find the article, the table of contents, the footer, the
stylesheet link and the rest by the selectors of trustsite/theme_markup.py,
and write the whole-article page's table of contents in the theme's own
markup. A release of Material or Zensical that writes them otherwise would
break a page far from its cause. So a tiny site is rendered here with each
builder, with the project's own overrides, and each selector must still match,
each piece of markup we write must still be the theme's own; a failure names
the selector. The offline copy is derived from the online rendering
(trustsite/offline_copy/derive.py): the tiny site is also rendered in the
builder's own offline mode, which the derived copy must equal.
"""

import dataclasses
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.support.project import ROOT, ZENSICAL
from trustsite.offline_copy.derive import SEARCH_SCRIPTS, derive_offline_copy
from trustsite.policy.policy_step import runtime_style_hashes
from trustsite.publish.pages import Page
from trustsite.theme_markup import BUNDLE, THEMES, ThemeMarkup
from trustsite.theme_markup import ZENSICAL as ZENSICAL_MARKUP
from trustsite.whole_article.whole_article_step import content, toc_headings

# The site as the build renders it: online, with directory URLs.
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
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Other: part/other.md
"""
# The builder's own offline mode: plain .html links, search from file://.
OFFLINE_CONFIG = CONFIG.replace("  - search\n", "  - search\n  - offline\n")
OTHER = "part/other/index.html"  # where the online site puts part/other.md
# The polyfill the builders' offline mode loads from a CDN, which our polyfill step vendors.
CDN_POLYFILL = 'script[src="https://unpkg.com/iframe-worker/shim"]'
# Links between pages, in the article and beyond ASCII: the offline copy re-bases both.
HOME = ("# Home\n\nClients’ text, and [the other page](part/other.md#other).\n\n## First part\n\nText.\n\n"
        "### A detail\n\nText.\n\n## Second part\n\nText.\n")
# The fields of ThemeMarkup that are not selectors.
NOT_SELECTORS = {"builder", "stylesheet_path", "skip_target", "toc_title_class", "config_json_separators",
                 "relative_prefix", "scope_script_start"}


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


def _site(theme: ThemeMarkup, project: Path, config: str) -> Path:
    """The tiny site, rendered in `project` by `theme`'s builder from `config`: its folder."""
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "docs" / "part").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    (project / "docs" / "part" / "other.md").write_text("# Other\n\nText, [home](../index.md).\n", encoding="utf-8")
    _render(theme.builder, project)
    return project / "site"


@pytest.fixture(scope="module")
def tiny_sites(tmp_path_factory) -> Callable[..., Path]:
    """The tiny site's folder as `theme`'s builder renders it, online or in its
    offline mode, rendered once per builder and mode."""
    sites: dict[tuple[str, bool], Path] = {}

    def site(theme: ThemeMarkup, offline: bool = False) -> Path:
        if (theme.builder, offline) not in sites:
            project = tmp_path_factory.mktemp(f"contract-{theme.builder}-{'offline' if offline else 'online'}")
            sites[theme.builder, offline] = _site(theme, project, OFFLINE_CONFIG if offline else CONFIG)
        return sites[theme.builder, offline]
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
    assert page.root == "../../", (f"{theme.builder}: the theme's stylesheet link, {theme.stylesheet!r}, "
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


def test_the_config_json_is_written_as_the_theme_writes_it(rendered):
    theme, pages = rendered
    written = Page(OTHER, pages[OTHER], "part/other.md").find(theme.config_json).text()
    assert theme.config_json_text(json.loads(written)) == written, (
        f"{theme.builder}: the theme's config JSON is no longer written as trustsite/theme_markup.py's "
        f"config_json_text writes it:\n{written}")


def test_the_scope_script_names_the_sites_root(rendered):
    theme, pages = rendered
    page = Page(OTHER, pages[OTHER], "part/other.md")
    scoped = [found for element in page.select(theme.scope_script) if (found := theme.scoped_to(element.text()))]
    assert [root for root, _, _ in scoped] == ["../.."], (
        f"{theme.builder}: no script of {theme.scope_script!r} starts with {theme.scope_script_start!r} "
        f"and the site's root as a string")


def _without_canonical(html: str, theme: ThemeMarkup) -> LexborHTMLParser:
    """The page less its canonical link, which the head tags' step writes on both
    editions: the page's published address, not the offline mode's file name."""
    tree = LexborHTMLParser(html)
    tree.css_first(theme.canonical).decompose()
    return tree


def _builders_offline_page(html: str, theme: ThemeMarkup) -> str:
    """A page of the builder's offline mode less the CDN's polyfill, which must
    follow the last of the theme's stylesheets, where our polyfill step puts it."""
    tree = _without_canonical(html, theme)
    polyfill = tree.css_first(CDN_POLYFILL)
    before = polyfill.prev
    while before is not None and not before.is_element_node:
        before = before.prev
    assert before is not None and before.html == tree.css(theme.polyfill_after)[-1].html, (
        f"{theme.builder}: the offline mode's polyfill no longer follows the last of "
        f"trustsite/theme_markup.py's polyfill_after, {theme.polyfill_after!r}")
    polyfill.decompose()
    return tree.html


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.builder)
def test_the_derived_offline_copy_is_the_builders_offline_mode(tiny_sites, theme, tmp_path):
    online, offline = tiny_sites(theme), tiny_sites(theme, offline=True)
    derived = tmp_path / "derived"
    derive_offline_copy(online, derived, online.parent / "docs")
    pages = sorted(path.relative_to(offline).as_posix() for path in offline.rglob("*.html"))
    assert sorted(path.relative_to(derived).as_posix() for path in derived.rglob("*.html")) == pages
    for page in pages:
        if page == "404.html":  # online-only, left out of the zip; its addresses are from the host's root
            continue
        theirs = _builders_offline_page((offline / page).read_text(encoding="utf-8"), theme)
        ours = _without_canonical((derived / page).read_text(encoding="utf-8"), theme).html
        assert shape(ours) == shape(theirs), page
    scripts = [search.script for search in SEARCH_SCRIPTS if (offline / search.script).exists()]
    assert scripts and all((derived / script).read_bytes() == (offline / script).read_bytes() for script in scripts)


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
