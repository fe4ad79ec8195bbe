"""Every sentence, heading, table row and reference of the sources is on the
built site, in order: each page's own on its section page, online and in the
offline copy. The units come from the project's pages and data files."""

import pytest
from bs4 import BeautifulSoup

from tests.support.article import article_text, built_page, page_texts, plain_sentence, unplaced_units
from tests.support.project import both_builders, build_project, copy_project
from trustsite.sources import nav_pages

pytestmark = pytest.mark.sources


@both_builders
@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline-copy"])
def test_every_page_publishes_its_sources_in_order(built, offline_copy, offline):
    site = offline_copy if offline else built.site
    unplaced = {page: unplaced_units(article_text(built_page(site, page, offline=offline)),
                                     page_texts(built.project, page))
                for page in nav_pages(built.project)}
    assert {page: units for page, units in unplaced.items() if units} == {}


def test_a_deleted_sentence_is_reported(built, tmp_path):
    # A build that lost a sentence, judged by the sources that still hold it.
    project = copy_project(tmp_path / "project")
    sentence = plain_sentence(project)
    page = project / sentence.file
    page.write_text(page.read_text(encoding="utf-8").replace(sentence.text, "", 1), encoding="utf-8")
    broken = build_project(project)

    name = sentence.file.removeprefix("docs/")
    text = article_text(built_page(broken.site, name))
    assert unplaced_units(text, page_texts(built.project, name)) == [sentence.text]


@both_builders
def test_next_links_walk_the_pages_in_the_navs_order(built):
    titles, page = [], built.site / "index.html"
    while page is not None:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        titles.append(soup.find("article").find("h1").get_text().rstrip("¶"))
        following = soup.find("link", rel="next")
        page = (page.parent / following["href"]).resolve() if following else None
        if page is not None and page.is_dir():
            page = page / "index.html"
    # Each page's Markdown opens with its heading.
    assert titles == [page_texts(built.project, page)[0] for page in nav_pages(built.project)]
