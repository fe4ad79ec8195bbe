"""The corrections as every reader meets them, in a real Chromium: axe-core
finds nothing on the changes page and on a corrected page, with its notice
and footer line, in either palette, and the feed's link costs no request (a
small project with corrections of its own, tests/support/git_project.py)."""

import pytest

from tests.support.article import site_path
from tests.support.git_project import build_corrected_project
from tests.support.reader import axe_violations, choose_palette, scheme
from tests.support.server import serve
from trustsite.history import PAGE as CHANGES_PAGE


@pytest.fixture(scope="module")
def corrected_url(tmp_path_factory):
    build = build_corrected_project(tmp_path_factory.mktemp("corrected"))
    with serve(build.site) as url:
        yield url


@pytest.mark.parametrize("palette", ["default", "slate"])
def test_axe_finds_no_violation_on_the_changes_and_a_corrected_page(browser, corrected_url, palette):
    context = browser.new_context(color_scheme="dark" if palette == "default" else "light")
    page = context.new_page()
    page.goto(corrected_url)
    choose_palette(page, palette)
    found, asked = [], []
    page.on("request", lambda request: asked.append(request.url))
    for path in (site_path(CHANGES_PAGE), site_path("conclusion.md")):
        page.goto(corrected_url + path)
        assert scheme(page) == palette
        # The page holds what is checked: the entries, or the notice that links to them.
        assert page.locator(".history-entry, .history-updated").count() > 0, path
        found += [f"{path}: {violation}" for violation in axe_violations(page)]
    context.close()
    assert not found, f"axe, {palette} palette:\n" + "\n".join(found)
    # The feed's link costs no request: neither the feed nor, as the theme's script
    # asks for a page's other languages, the sitemap.
    assert not [address for address in asked if address.endswith(("feed.xml", "sitemap.xml"))], asked
