"""The article's headings, leads and list have the shape the reader expects."""

from bs4 import BeautifulSoup


def page(built, name):
    return BeautifulSoup((built.site / name / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_each_section_has_one_h1_with_its_tagline_as_lead(built):
    soup = page(built, "foundation-of-trust")
    article = soup.find("article")
    assert [h.get_text().rstrip("¶") for h in article.find_all("h1")] == ["The Foundation of Trust in Therapy"]
    lead = article.find("h1").find_next_sibling()
    assert lead.name == "p" and "lead" in lead["class"]
    assert lead.get_text() == "Understanding Trust: The Cornerstone of Effective Therapy"


def test_home_page_opens_with_title_date_standfirst_then_the_introduction(built):
    soup = BeautifulSoup((built.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    title, date, lead, introduction, *_ = soup.find("article").find_all(True, recursive=False)
    assert title.get_text().rstrip("¶") == "The importance of building trust in therapy relationships"
    assert (date.time["datetime"], date.get_text()) == ("2025-01-21", "January 21, 2025")
    assert "lead" in lead["class"]
    assert lead.get_text() == "Building Trust in the Therapeutic Journey: A Cornerstone for Healing"
    assert (introduction.name, introduction["id"]) == ("h2", "introduction")


def test_read_offline_comes_after_the_introduction_as_a_feature_of_the_site(built):
    soup = BeautifulSoup((built.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    *_, introduction_text, section = soup.find("article").find_all(True, recursive=False)
    assert introduction_text.get_text().startswith("In the realm of therapy")
    assert (section.name, section["id"], section.h2.get_text()) == ("section", "read-offline", "Read offline")
    assert section.p.get_text() == "A feature of this site, not part of the article."
    assert section.has_attr("data-search-exclude")
    # One file for a phone, the zip for a computer, and the site itself after a visit.
    assert len(section.find_all("li")) == 3
    assert [a["href"] for a in section.find_all("a")] == ["trust-in-therapy.html", "trust-in-therapy-offline.zip"]


def test_question_and_sub_headings_are_in_the_table_of_contents(built):
    soup = page(built, "trust-and-outcomes")
    h2 = soup.find("article").find("h2")
    h3 = soup.find("article").find("h3")
    assert h2.get_text().rstrip("¶") == "How does trust impact therapeutic outcomes and effectiveness?"
    assert h3.get_text().rstrip("¶") == "The Role of Empathy and Communication"
    toc = soup.find("nav", class_="md-nav--secondary")
    for heading in (h2, h3):
        assert toc.find("a", href=f"#{heading['id']}") is not None


def test_rebuilding_strategies_are_a_list_with_bold_names(built):
    items = page(built, "rebuilding-trust").find("article").find("ul").find_all("li")
    assert [item.find("strong").get_text() for item in items] == [
        "Open Communication:", "Empathy:", "Acknowledging Feelings:",
        "Taking Responsibility:", "Consistent Actions:", "Patience:"]


def test_recent_articles_link_only_this_article_to_the_home_page(built):
    # The seed's closing list, under its own heading, after the References as in the seed.
    heading = page(built, "references").find("h2", id="recent-articles")
    assert heading.get_text().rstrip("¶") == "Recent articles"
    items = heading.find_next("ul").find_all("li")
    assert len(items) == 6
    (link,) = heading.find_next("ul").find_all("a")
    assert link.find_parent("li") is items[0]
    assert link.get_text() == "The importance of building trust in therapy relationships"
    assert (built.site / "references" / link["href"]).resolve() == built.site.resolve()
