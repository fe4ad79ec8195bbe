"""The article's headings, leads and lists have the shape the reader expects,
each taken from the page's Markdown."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.support.article import built_page, page_texts
from trustsite.settings import load_settings
from trustsite.site_section import SITE_LABEL
from trustsite.sources import article_pages, sentences

pytestmark = pytest.mark.sources


def article(built, page: str):
    return BeautifulSoup(built_page(built.site, page).read_text(encoding="utf-8"), "html.parser").find("article")


def markdown(built, page: str) -> str:
    return (built.project / "docs" / page).read_text(encoding="utf-8")


def test_each_page_has_one_h1_its_markdowns_heading_and_its_tagline_as_lead(built):
    leads = 0
    for page in article_pages(built.project):
        body = article(built, page)
        assert [h.get_text().rstrip("¶") for h in body.find_all("h1")] == [page_texts(built.project, page)[0]], page
        # A tagline is the line under the heading marked { .lead }.
        tagline = re.search(r"^(.+)\n\{ \.lead \}$", markdown(built, page), re.M)
        if tagline:
            lead = body.find("h1").find_next_sibling()
            if page != "index.md":  # the opening page's date comes first
                assert lead.name == "p" and "lead" in lead["class"], page
            assert body.select_one("p.lead").get_text() == tagline.group(1), page
            leads += 1
    assert leads


def test_home_page_opens_with_title_date_standfirst_then_the_introduction(built):
    title, date, lead, introduction, *_ = article(built, "index.md").find_all(True, recursive=False)
    texts = page_texts(built.project, "index.md")
    assert title.get_text().rstrip("¶") == texts[0]
    published = load_settings(built.project / "mkdocs.yml").published
    assert (date.time["datetime"], date.get_text()) == (published.isoformat(), texts[1])
    assert "lead" in lead["class"] and lead.get_text() == texts[2]
    assert introduction.name == "h2" and introduction.get_text().rstrip("¶") == texts[3]


def test_read_offline_comes_after_the_introduction_as_a_feature_of_the_site(built):
    *before, section = article(built, "index.md").find_all(True, recursive=False)
    # After the introduction's last words, and after the site's other blocks (Cite this article).
    introduction_text = [element for element in before if not element.has_attr("data-search-exclude")][-1]
    assert sentences(introduction_text.get_text())[-1] == page_texts(built.project, "index.md")[-1]
    assert (section.name, section["id"], section.h2.get_text()) == ("section", "read-offline", "Read offline")
    assert section.p.get_text() == f"{SITE_LABEL}."
    assert section.has_attr("data-search-exclude")
    # One file for a phone, the zip for a computer, and the site itself after a visit.
    assert len(section.find_all("li")) == 3
    assert [a["href"] for a in section.find_all("a")] == [built.names.one_file, built.names.archive]


def test_question_and_sub_headings_are_in_the_table_of_contents(built):
    headings = 0
    for page in article_pages(built.project):
        soup = BeautifulSoup(built_page(built.site, page).read_text(encoding="utf-8"), "html.parser")
        toc = soup.find("nav", class_="md-nav--secondary")
        written = page_texts(built.project, page)
        for heading in soup.find("article").find_all(["h2", "h3"]):
            if heading.get_text().rstrip("¶") not in written:  # a heading the site adds, such as "Read offline"
                continue
            assert toc.find("a", href=f"#{heading['id']}") is not None, (page, heading.get_text())
            headings += 1
    assert headings


def test_a_list_items_bold_name_stays_bold(built):
    named = 0
    for page in article_pages(built.project):
        names = re.findall(r"^- \*\*(.+?)\*\*", markdown(built, page), re.M)
        shown = [item.find("strong").get_text() for item in article(built, page).find_all("li")
                 if item.find("strong") and item.find("strong").find_previous_sibling() is None]
        assert [name for name in names if name not in shown] == [], page
        named += len(names)
    assert named


def test_recent_articles_link_only_this_article_to_the_home_page(built):
    # The closing list under the References page's last heading, as first published.
    body = article(built, "references.md")
    heading = body.find_all("h2")[-1]
    listed = re.findall(r"^- ", markdown(built, "references.md").rsplit("\n## ", 1)[1], re.M)
    items = heading.find_next("ul").find_all("li")
    assert len(items) == len(listed)
    (link,) = heading.find_next("ul").find_all("a")
    assert link.find_parent("li") is items[0]
    assert link.get_text() == page_texts(built.project, "index.md")[0]
    assert (built_page(built.site, "references.md").parent / link["href"]).resolve() == built.site.resolve()
