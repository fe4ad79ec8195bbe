"""The single-page view as trustsite/whole_article.py assembles it from invented
sections: ids prefixed, links kept within the page, depth limited."""

import pytest
from bs4 import BeautifulSoup

from tests.support.article import unplaced_units
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
