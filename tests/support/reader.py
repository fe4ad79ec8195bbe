"""What a reader does in a real browser: search, switch the palette, and what
axe-core finds on the page."""

from dataclasses import dataclass

from trustsite_tools.project_copy import ROOT

# -- Search, as a reader uses it in each builder's theme --------------------------------

@dataclass(frozen=True)
class SearchBox:
    opener: str  # what a reader clicks to search
    results: str  # the result links, once there are some (Zensical's are in an open shadow root)
    index: tuple[str, ...]  # what the online site's pages fetch to search, from the site's root
    offline_index: str  # what the offline copy's search reads instead


SEARCH = {
    "mkdocs": SearchBox("input[data-md-component=search-query]", ".md-search-result__item > a",
                        ("search/search_index.json", "search/search_docs.json"), "search/search_index.js"),
    "zensical": SearchBox(".md-search__button", "a[role=option]", ("search.json",), "search.js"),
}


def search(page, builder: str, word: str) -> list[str]:
    """Open search, type `word` key by key; the hrefs of the results."""
    box = SEARCH[builder]
    page.click(box.opener)
    page.keyboard.type(word, delay=20)
    page.wait_for_selector(box.results)
    return page.eval_on_selector_all(box.results, "links => links.map(a => a.href)")


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 320, "height": 640}


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it stands, one line each."""
    # Evaluated, not added as a <script>: the site's policy refuses inline scripts it did not publish.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", AXE_TAGS)
    # A target inside a shadow root (Zensical's search) is a list: the host's selector, then its own.
    return [f"{rule['id']} ({rule['impact']}): {rule['help']}: "
            + "; ".join(" ".join(" >> ".join(part) if isinstance(part, list) else part for part in node["target"])
                        for node in rule["nodes"][:5])
            for rule in result["violations"]]


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def choose_palette(page, wanted: str) -> None:
    """Click the palette toggle in the header, as a reader does, until `wanted` shows."""
    for _ in range(3):  # the toggle cycles through three palettes: system, light, dark
        if scheme(page) == wanted:
            return
        page.locator('form[data-md-component="palette"] label:not([hidden])').click()
    assert scheme(page) == wanted


def settle(page) -> None:
    """Wait for the theme's transitions (search opening, drawer sliding, the
    header's title changing as the page scrolls) to end."""
    page.evaluate("Promise.allSettled(document.getAnimations().map(a => a.finished))")
