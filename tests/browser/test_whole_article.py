"""The single-page view: the whole article on one page, in both builds, and its print style."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from tests.support.article import article_texts, plain_sentence, reading_text, table_count, unplaced_units
from tests.support.built_site import plain
from tests.support.project import both_builders
from trustsite.sources import article_pages
from trustsite.whole_article import DEEPEST, Section, check_depth, whole_article_html


def test_ids_are_prefixed_and_links_point_within_the_page():
    sections = [
        Section("index", "", '<h1 id="top">Home</h1><a href="a/#deep">to A</a>'
                             '<img src="img/x.png" alt="">'),
        Section("a", "a/", '<h1 id="t">A</h1><h2 id="deep">Deep</h2>'
                           '<div id="tbl" aria-labelledby="cap x"><caption id="cap">C</caption></div>'
                           '<a href="#t">up</a><a href="../">home</a><a href="../b.pdf">file</a>'
                           '<a href="https://example.org/#t">out</a>'),
    ]
    page = BeautifulSoup(whole_article_html(sections, "whole-article/"), "html.parser")
    assert [s["id"] for s in page.find_all("section")] == ["index", "a"]
    assert [h.name for h in page.find_all(["h1", "h2", "h3"])] == ["h2", "h2", "h3"]
    assert [e["id"] for e in page.find_all(id=True)] == [
        "index", "index--top", "a", "a--t", "a--deep", "a--tbl", "a--cap"]
    assert page.find(id="a--tbl")["aria-labelledby"] == "a--cap a--x"
    assert [a["href"] for a in page.find_all("a")] == [
        "#a--deep", "#a--t", "#index", "../b.pdf", "https://example.org/#t"]
    assert page.find("img")["src"] == "../img/x.png"


def test_a_page_nested_deeper_than_the_limit_is_refused():
    check_depth("<div>" * DEEPEST + "<br><img src=x>" + "</div>" * DEEPEST)  # empty elements nest nothing
    with pytest.raises(ValueError, match=f"its elements nest {DEEPEST + 1} deep"):
        check_depth("<div>" * (DEEPEST + 1) + "</div>" * (DEEPEST + 1))


def test_links_between_html_pages_point_within_the_page():
    sections = [Section("index", "index.html", '<a href="a.html#x">A</a>'),
                Section("a", "a.html", '<p id="x"><a href="index.html">home</a></p>')]
    page = BeautifulSoup(whole_article_html(sections, "whole-article.html"), "html.parser")
    assert [a["href"] for a in page.find_all("a")] == ["#a--x", "#index"]


def article(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")


@both_builders
@pytest.mark.sources
def test_the_one_page_holds_every_section_in_order_and_every_sentence(offline_copy, built):
    nav = [plain(a["href"]).removesuffix(".html")
           for a in article(offline_copy / "index.html").find_parent("body").select(
               ".md-nav--primary a.md-nav__link[href]") if "#" not in a["href"]]
    assert nav[0] == "index" and nav[-1] == "whole-article"
    for page in (built.site / "whole-article" / "index.html", offline_copy / "whole-article.html"):
        sections = article(page).find_all("section", class_="whole-article__section")
        assert [s["id"] for s in sections] == nav[:-1]
        assert len(article(page).find_all("table")) == table_count(built.site, built.project)
        # The page alone is enough to read the whole article, in the sources' order.
        assert unplaced_units(reading_text(article(page)), article_texts(built.project)) == [], page


def test_units_dropped_changed_or_moved_are_reported():
    units = ["One.", "Two.", "Three.", "Four.", "2018", "Five.", "2018"]
    in_order = " ".join(units)
    assert unplaced_units(in_order, units) == []
    assert unplaced_units(in_order.replace("Two. ", ""), units) == ["Two."]
    assert unplaced_units(in_order.replace("Two.", "Too."), units) == ["Two."]
    # A sentence moved to a later place, and two sentences swapped.
    assert unplaced_units(in_order.replace("One. ", "") + " One.", units) != []
    assert unplaced_units(in_order.replace("Three. Four.", "Four. Three."), units) == ["Four."]
    # A unit given more than once need only be there.
    assert unplaced_units(in_order.replace(" 2018", "", 1), units) == []
    assert unplaced_units(in_order.replace("2018", "2019"), units) == ["2018", "2018"]


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
