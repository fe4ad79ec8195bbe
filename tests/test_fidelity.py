"""Every sentence, heading and table row of the article is in the built site."""

from bs4 import BeautifulSoup

from article import missing_units, units
from conftest import build_project, copy_project


def test_every_sentence_and_table_row_is_published(built):
    missing = missing_units(built.site)
    assert not missing, "missing from the site:\n" + "\n".join(missing)


def test_a_deleted_sentence_is_reported(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "confidentiality.md"
    sentence = "Breaches of confidentiality can severely damage this trust."
    assert sentence in units()
    text = page.read_text(encoding="utf-8")
    assert text.count(sentence) == 1
    page.write_text(text.replace(sentence + " ", ""), encoding="utf-8")

    assert missing_units(build_project(project).site) == [sentence]


SECTIONS = [
    "The importance of building trust in therapy relationships",
    "The Foundation of Trust in Therapy",
    "Fostering Connections: How Therapists Build Trust",
    "The Pillar of Confidentiality",
    "Challenges and Barriers: Understanding Client Trust Issues",
    "Trust as a Driver of Therapeutic Success",
    "Techniques for Rebuilding Trust",
    "Key Components of the Therapeutic Alliance",
    "Trust Dynamics: Insights from Research",
    "Trust Across Different Therapy Modalities",
    "Conclusion",
]


def test_sections_are_in_the_seed():
    assert all(section in units() for section in SECTIONS)
    assert [units().index(s) for s in SECTIONS] == sorted(units().index(s) for s in SECTIONS)


def test_next_links_walk_the_sections_in_article_order(built):
    titles, page = [], built.site / "index.html"
    while page is not None:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        titles.append(soup.find("article").find("h1").get_text().rstrip("¶"))
        following = soup.find("link", rel="next")
        page = (page.parent / following["href"]).resolve() if following else None
        if page is not None and page.is_dir():
            page = page / "index.html"
    assert titles[: len(SECTIONS)] == SECTIONS
