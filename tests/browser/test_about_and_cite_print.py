"""The "About this article" and "Cite this article" blocks where a browser is
needed: in the PDF, which names its own address in every page's tags, and
before axe-core in both palettes. The test project names its publisher,
authors and reviewers (tests/support/project.py)."""

from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from tests.support.article import running_text
from tests.support.built_site import page_head, site_pages
from tests.support.project import (CREDITS, Build, copy_project, expected_apa, name_credits, run_build,
                                   use_test_project)
from tests.support.reader import axe_violations, choose_palette, scheme
from tests.support.server import serve
from trustsite.settings import read_config
from trustsite.urls import output_path
from trustsite.whole_article import PAGE as WHOLE_ARTICLE


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Build:
    project = name_credits(use_test_project(copy_project(tmp_path_factory.mktemp("credited-pdf"))))
    result = run_build(project, "--pdf")
    assert result.returncode == 0, result.output
    return Build(project, project / "site", project / "dist")


def test_the_pdf_names_who_stands_behind_the_article_and_how_to_cite_it(printed):
    text = " ".join(running_text(page.extract_text()) for page in PdfReader(printed.dist / printed.names.pdf).pages)
    for heading in ("About this article", "Cite this article"):
        assert heading in text
    for person in [CREDITS["publisher"]] + CREDITS["authors"] + CREDITS["reviewers"]:
        assert person["name"] in text, person
    assert expected_apa(printed.project) in text


def test_the_pdf_links_only_to_the_web(printed):
    """Not to the files it was printed from: a reader's PDF cannot reach them,
    and their folder's name would change the PDF's bytes from build to build."""
    links = [annotation.get_object()["/A"]["/URI"] for page in PdfReader(printed.dist / printed.names.pdf).pages
             for annotation in page.get("/Annots") or [] if "/URI" in annotation.get_object().get("/A", {})]
    assert links and [link for link in links if not link.startswith(("https://", "mailto:"))] == []


def test_every_page_names_the_pdf_it_was_printed_with(printed):
    site_url = read_config(printed.project / "mkdocs.yml")["site_url"]
    for path in site_pages(printed.site):
        (tag,) = page_head(printed.site, path).find_all("meta", attrs={"name": "citation_pdf_url"})
        assert tag["content"] == urljoin(site_url, printed.names.pdf), path


@pytest.mark.parametrize("palette", ["default", "slate"])
def test_axe_finds_no_violation_in_the_blocks(browser, printed, palette):
    context = browser.new_context(color_scheme="dark" if palette == "default" else "light")
    page = context.new_page()
    found = []
    with serve(printed.site) as url:
        page.goto(url)
        choose_palette(page, palette)
        for path in ("", output_path(WHOLE_ARTICLE, offline=False).removesuffix("index.html")):
            page.goto(url + path)
            assert scheme(page) == palette
            assert page.locator('[id$="about-this-article"]').count() == 1, path
            found += [f"{path or '/'}: {violation}" for violation in axe_violations(page)]
    context.close()
    assert not found, f"axe, {palette} palette:\n" + "\n".join(found)
