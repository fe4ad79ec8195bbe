"""The publication date is written in mkdocs.yml's extra.published alone: a
copy of the project with another date shows that date, in one format,
wherever the site and its editions show one, and the old one nowhere."""

import json
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from tests.support.article import page_texts
from tests.support.built_site import site_pages
from tests.support.project import (BUILDERS, Build, build_project, change_config, copy_project, file_names,
                                   unzip_offline_copy)
from trustsite.cards.social_card import CARD_FOLDER, card_png
from trustsite.publication_date import long_date
from trustsite.settings import load_settings


def test_a_date_reads_as_the_article_was_first_published_whatever_the_locale():
    assert long_date(date(2024, 12, 3)) == "December 3, 2024"
    assert long_date(date(2025, 1, 21)) == "January 21, 2025"


@pytest.fixture(scope="module", params=BUILDERS)
def redated(request, tmp_path_factory) -> tuple[Build, date, date]:
    """A copy of the project published a month and a day later, built by each
    builder (Zensical runs macros.py too): (its build, the old date, the new)."""
    project = copy_project(tmp_path_factory.mktemp("redated"))
    old = load_settings(project / "mkdocs.yml").published
    new = old + timedelta(days=32)
    change_config(project, f'  published: "{old.isoformat()}"', f'  published: "{new.isoformat()}"')
    return build_project(project, request.param), old, new


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def shows_only(element, new: date, old: date) -> bool:
    """Whether `element` shows `new`, as a reader reads it and in its <time>, and nowhere `old`."""
    text = element.get_text()
    times = [(time["datetime"], time.get_text()) for time in element.find_all("time")]
    return (long_date(new) in text and times == [(new.isoformat(), long_date(new))]
            and long_date(old) not in text and old.isoformat() not in str(element))


def test_the_opening_page_shows_the_new_date_under_its_title(redated):
    build, old, new = redated
    (line,) = soup(build.site / "index.html").select("article .article-date")
    assert shows_only(line, new, old)
    # The sources say so too, so the fidelity tests and check-original read the same line.
    assert long_date(new) in page_texts(build.project, "index.md")


def test_every_footer_gives_the_new_date_once(redated, tmp_path):
    build, old, new = redated
    copy = unzip_offline_copy(build.dist / file_names(build.project).archive, tmp_path)
    pages = [build.site / path / "index.html" for path in site_pages(build.site)] + [build.site / "404.html"]
    pages += sorted(copy.rglob("*.html"))
    for page in pages:
        (footer,) = soup(page).select(".md-copyright")
        (line,) = footer.select(".md-copyright__highlight")
        assert line.get_text() == f"Article first published {long_date(new)}.", page
        # Other lines of the footer may give other dates (the review's), never the old one.
        assert shows_only(line, new, old) and long_date(old) not in footer.get_text(), page
        assert old.isoformat() not in str(footer), page


def test_cards_and_head_tags_give_the_new_date(redated):
    build, old, new = redated
    config = load_settings(build.project / "mkdocs.yml")
    for path in site_pages(build.site):
        head = soup(build.site / path / "index.html").head
        for tag in (head.find("meta", property="og:image:alt"), head.find("meta", attrs={"name": "twitter:image:alt"})):
            assert long_date(new) in tag["content"] and long_date(old) not in tag["content"], path
        article = json.loads(head.find("script", type="application/ld+json").string)
        assert article["datePublished"] == new.isoformat(), path
        title = head.find("meta", property="og:title")["content"]
        card = build.site / CARD_FOLDER / (path or "index").removesuffix("/")
        assert card.with_suffix(".png").read_bytes() == card_png(title, config.site_name, new), path


def test_the_one_file_edition_gives_the_new_date(redated):
    build, old, new = redated
    edition = soup(build.dist / file_names(build.project).one_file)
    assert shows_only(edition.header.select_one(".article-date"), new, old)
    assert shows_only(edition.body.find("footer", recursive=False), new, old)
    assert long_date(old) not in edition.get_text() and old.isoformat() not in str(edition)
