"""The single-page view (every section in one page), in both builds, and its print style."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from tests.support.article import article_texts, plain_sentence, reading_text, table_count, unplaced_units
from tests.support.built_site import plain
from tests.support.project import both_builders
from trustsite.history import SITE_PAGES
from trustsite.sources import article_pages


def article(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")


@both_builders
@pytest.mark.sources
def test_the_one_page_holds_every_section_in_order_and_every_sentence(offline_copy, built):
    nav = [plain(a["href"]).removesuffix(".html")
           for a in article(offline_copy / "index.html").find_parent("body").select(
               ".md-nav--primary a.md-nav__link[href]") if "#" not in a["href"]]
    # The site's own pages close the menu: the one-page view, then the changes since first publication.
    site_pages = [page.removesuffix(".md") for page in SITE_PAGES]
    assert nav[0] == "index" and nav[-len(site_pages):] == site_pages
    for page in (built.site / "whole-article" / "index.html", offline_copy / "whole-article.html"):
        sections = article(page).find_all("section", class_="whole-article__section")
        assert [s["id"] for s in sections] == nav[:-len(site_pages)]
        assert len(article(page).find_all("table")) == table_count(built.site, built.project)
        # The page alone is enough to read the whole article, in the sources' order.
        assert unplaced_units(reading_text(article(page)), article_texts(built.project)) == [], page


@both_builders
def test_every_id_is_unique_and_every_anchor_exists(built, offline_copy):
    for page in (built.site / "whole-article" / "index.html", offline_copy / "whole-article.html"):
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids = Counter(e["id"] for e in document.find_all(id=True))
        assert not [i for i, n in ids.items() if n > 1], page
        anchors = {a["href"][1:] for a in document.find_all("a", href=True) if a["href"].startswith("#")}
        assert anchors and anchors <= set(ids), anchors - set(ids)


@both_builders
def test_linked_from_the_nav_in_both_builds(built, offline_copy):
    online = article(built.site / "index.html").find_parent("body").select(".md-nav--primary a[href]")
    offline = article(offline_copy / "index.html").find_parent("body").select(".md-nav--primary a[href]")
    assert "whole-article/" in [plain(a["href"]) for a in online]
    assert "whole-article.html" in [plain(a["href"]) for a in offline]
    last = article_pages(built.project)[-1].removesuffix(".md")
    assert article(offline_copy / "whole-article.html").find("section", id=last)


def test_search_leads_to_the_section_pages_not_the_copy(built, offline_copy):
    sentence = plain_sentence(built.project).text
    for index in (built.site / "search", offline_copy / "search"):
        text = "".join(f.read_text(encoding="utf-8") for f in index.iterdir())
        assert sentence in text and "whole-article" not in text, index


def test_printing_shows_the_article_alone_with_tables_whole_and_link_targets(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "whole-article/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert page.eval_on_selector(chrome, "e => getComputedStyle(e).display") == "none", chrome
    tables = page.eval_on_selector_all(".md-typeset table", """tables => tables.map(t => {
        const style = getComputedStyle(t);
        return [style.breakInside, style.display, getComputedStyle(t.parentElement).overflowX];
    })""")
    assert tables and set(map(tuple, tables)) == {("avoid", "table", "visible")}
    targets = page.eval_on_selector_all(
        "article a[href]", "links => links.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])")
    external = [(href, shown) for href, shown in targets if href.startswith("http")]
    assert external and all(shown == f'" ({href})"' for href, shown in external)
    assert all(shown in ("none", "normal") for href, shown in targets if href.startswith("#"))
    page.close()
