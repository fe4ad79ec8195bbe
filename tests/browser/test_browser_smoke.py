"""The online site renders in a real Chromium with the theme applied."""

from tests.support.built_site import site_pages


def test_every_page_renders_with_the_theme(browser, built, site_url):
    page = browser.new_page()
    for path in site_pages(built.site):
        response = page.goto(site_url + path)
        assert response.ok, path
        # Material's stylesheet fixes the header; without it the header is static.
        assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky", path
    page.close()
