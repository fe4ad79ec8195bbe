"""`make pdf`: the whole article on A4 pages, its tables whole, linked from the
site only by a build that makes it."""

import zipfile

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.support.article import article_texts, running_text, unplaced_units
from tests.support.project import Build, copy_project, run_build
from trustsite.data import load_rows
from trustsite.schema import TableRow
from trustsite.settings import load_settings
from trustsite.sources import article_pages
from trustsite.tables import TABLES

A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def with_pdf(tmp_path_factory) -> Build:
    """The project built as `make pdf` builds it."""
    project = copy_project(tmp_path_factory.mktemp("pdf"))
    result = run_build(project, "--pdf")
    assert result.returncode == 0, result.output
    return Build(project, project / "site", project / "dist")


@pytest.fixture(scope="module")
def pages(with_pdf) -> list[str]:
    return [running_text(page.extract_text()) for page in PdfReader(with_pdf.dist / with_pdf.names.pdf).pages]


def test_the_pdf_is_a4_with_a_sane_number_of_pages(with_pdf):
    reader = PdfReader(with_pdf.dist / with_pdf.names.pdf)
    # Each section from a new page, and no runaway blank pages.
    sections = len(article_pages(with_pdf.project))
    assert sections <= len(reader.pages) <= 3 * sections
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1.5)
    assert reader.metadata.title == load_settings(with_pdf.project / "mkdocs.yml").site_name


@pytest.mark.sources
def test_the_pdf_holds_the_whole_article_in_order(with_pdf, pages):
    unplaced = unplaced_units(" ".join(pages), article_texts(with_pdf.project))
    assert not unplaced, "missing from the PDF or out of order:\n" + "\n".join(unplaced)


@pytest.mark.sources
@pytest.mark.parametrize("name", TABLES)
def test_each_table_is_on_one_page(with_pdf, pages, name):
    spec = TABLES[name]
    rows = load_rows(with_pdf.project / "data" / spec.data_file, TableRow)
    (page,) = [text for text in pages if spec.caption in text]
    assert all(f"{row.description} " in page and row.importance in page for row in rows)


def test_the_pdf_is_dated_by_the_sources_not_the_clock(with_pdf):
    # A copy of the project is no git checkout, so its build is dated 1 January 1970.
    metadata = PdfReader(with_pdf.dist / with_pdf.names.pdf).metadata
    assert metadata["/CreationDate"] == metadata["/ModDate"] == "D:19700101000000+00'00'"


def pdf_links(build: Build) -> dict[str, list[str]]:
    """Each page's links to the PDF (the one-file edition has no footer)."""
    site = build.site
    return {str(html.relative_to(site)): [a["href"] for a in BeautifulSoup(
                html.read_text(encoding="utf-8"), "html.parser").select(".pdf-download a")]
            for html in sorted(site.rglob("*.html")) if html.name != build.names.one_file}


def test_every_page_links_to_the_pdf_beside_the_site(with_pdf):
    pdf = with_pdf.names.pdf
    assert (with_pdf.site / pdf).read_bytes() == (with_pdf.dist / pdf).read_bytes()
    for page, links in pdf_links(with_pdf).items():
        assert len(links) == 1, page
        if page == "404.html":  # served at any depth, so its links start from the site's root
            assert links[0].endswith(f"/{pdf}")
        else:
            assert (with_pdf.site / page).parent.joinpath(links[0]).resolve() == (with_pdf.site / pdf)


def test_a_plain_build_has_no_pdf_and_no_link_to_one(built):
    assert not (built.site / built.names.pdf).exists() and not (built.dist / built.names.pdf).exists()
    assert not any(pdf_links(built).values())


def test_the_offline_copy_has_no_link_to_the_pdf(with_pdf):
    with zipfile.ZipFile(with_pdf.dist / with_pdf.names.archive) as archive:
        pages = [archive.read(name).decode() for name in archive.namelist() if name.endswith(".html")]
    assert pages and not any(with_pdf.names.pdf in page for page in pages)
