"""The review dates and the way to reply as readers meet them, in a real
Chromium: axe finds nothing on them in either palette, the screen shows the
review once, in the footer, and the PDF prints it once."""

from datetime import date

import pytest
from pypdf import PdfReader

from tests.support.article import running_text
from tests.support.built_site import site_pages
from tests.support.project import Build, copy_project, run_build, set_extra, use_test_project
from tests.support.reader import axe_violations, choose_palette, scheme
from tests.support.server import serve
from trustsite.feedback import LINK_TEXT
from trustsite.publication_date import long_date

LAST_REVIEWED, NEXT_REVIEW_DUE = date(2025, 6, 1), date(2028, 6, 1)
LINE = f"Last reviewed {long_date(LAST_REVIEWED)} · Next review due {long_date(NEXT_REVIEW_DUE)}"


@pytest.fixture(scope="module")
def signalled(tmp_path_factory) -> Build:
    """The test project with a review and a feedback address, built with its PDF."""
    project = use_test_project(copy_project(tmp_path_factory.mktemp("signalled")))
    set_extra(project, review=f'{{last_reviewed: "{LAST_REVIEWED}", next_review_due: "{NEXT_REVIEW_DUE}"}}',
              feedback="https://example.org/contact")
    result = run_build(project, "--pdf")
    assert result.returncode == 0, result.output
    return Build(project, project / "site", project / "dist")


@pytest.fixture(scope="module")
def signalled_url(signalled):
    with serve(signalled.site) as url:
        yield url


@pytest.mark.parametrize("palette", ["default", "slate"])
def test_axe_finds_no_violation_on_the_new_lines(browser, signalled, signalled_url, palette):
    context = browser.new_context(color_scheme="dark" if palette == "default" else "light")
    page = context.new_page()
    page.goto(signalled_url)
    choose_palette(page, palette)
    found = []
    for path in site_pages(signalled.site):
        page.goto(signalled_url + path)
        assert scheme(page) == palette
        assert page.locator(".md-copyright .page-review").inner_text() == LINE
        assert page.locator(".page-feedback a").inner_text() == LINK_TEXT
        found += [f"{path or '/'}: {violation}" for violation in axe_violations(page)]
    context.close()
    assert not found, f"axe, {palette} palette:\n" + "\n".join(found)


def test_the_screen_shows_the_review_once_and_paper_at_the_end_of_the_article(browser, signalled_url):
    page = browser.new_page()
    page.goto(signalled_url + "whole-article/")
    shown = lambda: [line for line in page.locator(".page-review").all() if line.is_visible()]  # noqa: E731
    assert [line.inner_text() for line in shown()] == [LINE]
    assert shown()[0].evaluate("line => Boolean(line.closest('footer'))")
    page.emulate_media(media="print")
    assert [line.inner_text() for line in shown()] == [LINE]
    assert shown()[0].evaluate("line => Boolean(line.closest('article'))")
    page.close()


def test_the_pdf_gives_the_review_once(signalled):
    pages = PdfReader(signalled.dist / signalled.names.pdf).pages
    text = running_text("\n".join(page.extract_text() for page in pages))
    assert text.count("Last reviewed") == 1
    assert LINE in text
