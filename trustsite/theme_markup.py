"""Everything the publishing steps know of the theme's markup, per builder.

Material for MkDocs and Zensical's classic design write nearly the same
pages; where they differ, Zensical's entry says how. Each selector names one
thing a step looks for. tests/contracts/test_theme_markup.py renders a tiny
site with each builder and fails naming the selector that no longer matches,
so that a theme's new release breaks a named test, not a page far away.
"""

import json
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class ThemeMarkup:
    builder: str
    # The generator's <meta>, by which a page says which builder wrote it.
    generator: str
    # The theme's main stylesheet link: its href is the site's root as the page
    # writes it ("", "../", "/site/"), then `stylesheet_path`.
    stylesheet: str
    stylesheet_path: str
    # The article: the page's own rendered content, after the skip link's target where there is one.
    article: str
    skip_target: str | None
    # The table of contents in the secondary sidebar, and its title's words.
    toc: str
    # On the current page's entry of the main menu: the link after the toggle that opens its contents.
    toc_toggle_link: str
    # The footer's line of partials/copyright.html, and the lines inside it.
    footer: str
    footer_line: str
    # The search panel, which the theme marks as a dialog.
    search_dialog: str
    # The theme's stylesheets in the head: the offline mode adds its polyfill after the last of them.
    polyfill_after: str
    # The theme's settings for its scripts, as JSON ("base": the site's root from the page), and how
    # the theme writes that JSON (Jinja's tojson, or compact).
    config_json: str
    config_json_separators: tuple[str, str]
    # The inline script that scopes the theme's local storage to the site: its text starts with
    # `scope_script_start` and a JavaScript string, the site's root from the page.
    scope_script: str = "head > script:not([src])"
    scope_script_start: str = "__md_scope=new URL("
    # What starts an address to a file in the page's folder or below, where the address has no "../".
    relative_prefix: str = ""
    # The head's canonical link and meta description, written from mkdocs.yml and front matter.
    canonical: str = 'link[rel="canonical"]'
    description: str = 'meta[name="description"]'
    # The class of the <span> a table-of-contents entry wraps its title in, if any.
    toc_title_class: str | None = None

    def config_json_text(self, config: dict) -> str:
        """The config JSON's text, as the theme writes it (safe inside a <script>, as Jinja's tojson)."""
        text = json.dumps(config, separators=self.config_json_separators)
        for character in "<>&'":
            text = text.replace(character, f"\\u{ord(character):04x}")
        return text

    def scoped_to(self, script: str) -> tuple[str, int, int] | None:
        """The site's root the scope script `script` names, and where its string starts and ends; None
        for another script."""
        if not script.startswith(self.scope_script_start):
            return None
        root, end = json.JSONDecoder().raw_decode(script, len(self.scope_script_start))
        return root, len(self.scope_script_start), end

    def footer_line_html(self, content: str, name: str | None = None) -> str:
        """A line of ours for the footer, styled as the theme's own lines; `name`, a class of our own for it."""
        classes = self.footer_line.rsplit(" > ", 1)[-1].split(".")[1:] + ([name] if name else [])
        return f'<div class="{" ".join(classes)}">{content}</div>'

    def toc_items(self, headings: list[tuple[int, str, str]]) -> str:
        """partials/toc-item.html for `headings` (level, id, title as text), nested by level."""
        items = []
        while headings:
            level, element_id, title = headings[0]
            end = next((index for index, (deeper, _, _) in enumerate(headings[1:], 1) if deeper <= level),
                       len(headings))
            children = self.toc_items(headings[1:end])
            shown = escape(title, quote=False)
            if self.toc_title_class:
                shown = f'<span class="{self.toc_title_class}">\n{shown}\n</span>'
            item = (f'<li class="md-nav__item">\n<a href="#{element_id}" class="md-nav__link">\n'
                    f'<span class="md-ellipsis">\n{shown}\n</span>\n</a>\n')
            if children:
                item += (f'<nav class="md-nav" aria-label="{escape(title)}">\n<ul class="md-nav__list">\n'
                         f"{children}\n</ul>\n</nav>\n")
            items.append(item + "</li>")
            headings = headings[end:]
        return "\n".join(items)

    def toc_contents(self, title: str, items: str) -> str:
        """The inside of partials/toc.html: its title, then `items`."""
        return (f'\n<label class="md-nav__title" for="__toc">\n<span class="md-nav__icon md-icon"></span>\n'
                f'{escape(title, quote=False)}\n</label>\n'
                f'<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>\n{items}\n</ul>\n')

    def toc_toggle_label(self, title_html: str) -> str:
        """partials/nav-item.html's label that opens the contents on a narrow screen."""
        return (f'<label class="md-nav__link md-nav__link--active" for="__toc">\n'
                f'{title_html}\n<span class="md-nav__icon md-icon"></span>\n</label>\n')


MATERIAL = ThemeMarkup(
    builder="mkdocs",
    generator='meta[name="generator"][content^="mkdocs-"]',
    stylesheet='link[rel="stylesheet"][href*="assets/stylesheets/main."]',
    stylesheet_path="assets/stylesheets/main.",
    article="article.md-content__inner.md-typeset",
    skip_target=None,
    toc="nav.md-nav.md-nav--secondary",
    toc_toggle_link="input.md-nav__toggle.md-toggle#__toc + a.md-nav__link.md-nav__link--active",
    footer="div.md-copyright",
    footer_line="div.md-copyright > div.md-copyright__highlight",
    search_dialog='div.md-search[data-md-component="search"][role="dialog"]',
    polyfill_after='head > link[rel="stylesheet"][href*="assets/stylesheets/"]',
    config_json='script#__config[type="application/json"]',
    config_json_separators=(", ", ": "),
)

ZENSICAL = ThemeMarkup(
    builder="zensical",
    generator='meta[name="generator"][content^="zensical-"]',
    # The classic design keeps its stylesheet in a folder of its own.
    stylesheet='link[rel="stylesheet"][href*="assets/stylesheets/classic/main."]',
    stylesheet_path="assets/stylesheets/classic/main.",
    article=MATERIAL.article,
    # Zensical starts the article with the skip link's target; the content follows it.
    skip_target="a#__skip",
    toc=MATERIAL.toc,
    toc_toggle_link=MATERIAL.toc_toggle_link,
    footer=MATERIAL.footer,
    footer_line=MATERIAL.footer_line,
    search_dialog=MATERIAL.search_dialog,
    polyfill_after=MATERIAL.polyfill_after,
    config_json=MATERIAL.config_json,
    config_json_separators=(",", ":"),
    relative_prefix="./",
    # Its contents' entries set their titles as article text.
    toc_title_class="md-typeset",
)

THEMES = (MATERIAL, ZENSICAL)


@dataclass(frozen=True)
class ZensicalBundle:
    """How Zensical's JavaScript bundle adds the style of its search panel,
    drawn in a shadow root: `C("style",{},Tc.toString())`, then `Tc='…'`.
    JavaScript, not HTML: read with patterns, checked by a contract test."""

    files: str = "assets/javascripts/bundle.*.js"
    # The name of the constant the style element's text comes from.
    style_element: str = r'\("style",\{\},(\w+)\.toString\(\)\)'
    # The constant's quoted text, for the name found above.
    string_constant: str = r"\b{name}=(['\"`])((?:\\.|(?!\1).)*)\1"


BUNDLE = ZensicalBundle()
