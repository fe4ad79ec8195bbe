"""Who stands behind the article, and how to cite it, in every edition: shown
as the publisher names them in mkdocs.yml, and nothing where nobody is named.
The test project's own settings say what to expect (tests/support/project.py)."""

import json
from datetime import date
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from tests.support.built_site import page_head, site_pages
from tests.support.project import (CREDITS, Build, copy_project, expected_apa, name_credits, run_build,
                                   unzip_offline_copy, use_test_project)
from trustsite.builders import BUILDERS
from trustsite.credits import MISSING
from trustsite.data import load_rows
from trustsite.schema import Reference
from trustsite.settings import read_config
from trustsite.urls import output_path
from trustsite.whole_article import PAGE as WHOLE_ARTICLE

def _build(project, builder: str = BUILDERS[0]) -> tuple[Build, str]:
    result = run_build(project, "--builder", builder)
    assert result.returncode == 0, result.output
    return Build(project, project / "site", project / "dist", builder), result.output


@pytest.fixture(scope="module", params=BUILDERS)
def credited(request, tmp_path_factory) -> tuple[Build, str]:
    """The test project, naming its publisher, authors and reviewers, built by each builder."""
    project = name_credits(use_test_project(copy_project(tmp_path_factory.mktemp(f"credited-{request.param}"))))
    return _build(project, request.param)


@pytest.fixture(scope="module")
def uncredited(tmp_path_factory) -> tuple[Build, str]:
    project = use_test_project(copy_project(tmp_path_factory.mktemp("uncredited")))
    assert not {"publisher", "authors", "reviewers"} & set(read_config(project / "mkdocs.yml")["extra"])
    return _build(project)


def editions(build: Build, tmp_path) -> dict[str, BeautifulSoup]:
    """Each edition that carries the blocks, parsed: the opening page, the
    whole-article page, the one-file edition and the offline copy's opening page."""
    offline = unzip_offline_copy(build.dist / build.names.archive, tmp_path / "offline")
    files = {"opening page": build.site / "index.html",
             "whole-article page": build.site / output_path(WHOLE_ARTICLE, offline=False),
             "one-file edition": build.dist / build.names.one_file,
             "offline copy": offline / "index.html"}
    return {name: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for name, path in files.items()}


def block(soup: BeautifulSoup, name: str):
    """The site's block `name`, its id prefixed or not, as the edition joined it."""
    found = soup.select(f'section[id$="{name}"]')
    assert len(found) <= 1
    return found[0] if found else None


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_every_edition_names_the_publisher_authors_and_reviewers(credited, tmp_path):
    publisher = CREDITS["publisher"]
    for edition, soup in editions(credited[0], tmp_path).items():
        about = block(soup, "about-this-article")
        assert about is not None, edition
        assert "feature of this site" in words(about), edition
        text = words(about)
        for value in (publisher["name"], publisher["address"], publisher["contact"]):
            assert value in text, (edition, value)
        for person in CREDITS["authors"] + CREDITS["reviewers"]:
            assert person["name"] in text and person["role"] in text, (edition, person)
        links = {a.get_text(): a["href"] for a in about.find_all("a")}
        for person in [publisher] + CREDITS["authors"] + CREDITS["reviewers"]:
            if "url" in person:
                assert links[person["name"]] == person["url"], edition
        assert links[publisher["contact"]] == f"mailto:{publisher['contact']}"
        # Text from the settings is text, never markup.
        assert about.find("script") is None and about.find("high") is None


def test_every_edition_shows_the_reference_in_apa_and_links_the_downloads(credited, tmp_path):
    build = credited[0]
    names = build.names
    for edition, soup in editions(build, tmp_path).items():
        cite = block(soup, "cite-this-article")
        assert cite is not None, edition
        assert words(cite.select_one(".cite-article__reference")) == expected_apa(build.project), edition
        hrefs = [a["href"] for a in cite.find_all("a", download=True)]
        assert [href.rsplit("/", 1)[-1] for href in hrefs] == [names.bibtex, names.ris, names.csl_json], edition
    for name in (names.bibtex, names.ris, names.csl_json):
        assert (build.site / name).is_file()


def test_the_downloads_hold_the_same_facts(credited):
    build = credited[0]
    config = read_config(build.project / "mkdocs.yml")
    (item,) = json.loads((build.site / build.names.csl_json).read_text(encoding="utf-8"))
    day = date.fromisoformat(config["extra"]["published"])
    assert (item["title"], item["URL"], item["issued"]) == (
        config["site_name"], config["site_url"], {"date-parts": [[day.year, day.month, day.day]]})
    assert item["author"] == [{"family": "Smith", "given": "Jane Anne"}, {"family": "de la Cruz", "given": "Mary"}]
    ris = (build.site / build.names.ris).read_bytes().decode("utf-8")
    assert ris.startswith("TY  - ELEC\r\n") and ris.endswith("ER  - \r\n")
    assert "AU  - Smith, Jane Anne\r\nAU  - de la Cruz, Mary\r\n" in ris
    bibtex = (build.site / build.names.bibtex).read_text(encoding="utf-8")
    assert "author = {Smith, Jane Anne and de la Cruz, Mary}" in bibtex
    assert bibtex.count("{") == bibtex.count("}")


def test_every_page_has_highwire_tags(credited):
    build = credited[0]
    config = read_config(build.project / "mkdocs.yml")
    for path in site_pages(build.site):
        tags = [(meta["name"], meta["content"]) for meta in page_head(build.site, path).find_all(
            "meta", attrs={"name": lambda name: name and name.startswith("citation_")})]
        assert tags == [("citation_title", config["site_name"]),
                        ("citation_author", "Jane Anne Smith"), ("citation_author", "de la Cruz, Mary"),
                        ("citation_publication_date", config["extra"]["published"].replace("-", "/"))], path


def json_ld(build: Build, path: str) -> dict:
    (script,) = page_head(build.site, path).find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_every_page_describes_itself_as_a_medical_web_page(credited):
    build = credited[0]
    references = load_rows(build.project / "data" / "references.yml", Reference)
    config = read_config(build.project / "mkdocs.yml")
    for path in site_pages(build.site):
        data = json_ld(build, path)
        assert data["@type"] == "MedicalWebPage", path
        assert data["url"] == urljoin(config["site_url"], path), path
        assert data["datePublished"] == config["extra"]["published"]
        assert [person["name"] for person in data["author"]] == [a["name"] for a in CREDITS["authors"]]
        assert [person["name"] for person in data["reviewedBy"]] == [r["name"] for r in CREDITS["reviewers"]]
        assert data["publisher"]["name"] == CREDITS["publisher"]["name"]
        assert [source.get("identifier", {}).get("value") for source in data["citation"]] == [
            reference.doi for reference in references]
        assert data["isPartOf"]["url"] == config["site_url"]


def test_without_names_nothing_is_shown_or_invented_and_the_build_says_so_once(uncredited, tmp_path):
    build, output = uncredited
    assert output.count(MISSING) == 1
    assert [line for line in output.splitlines() if "health-information standards" in line] == [MISSING]
    config = read_config(build.project / "mkdocs.yml")
    for edition, soup in editions(build, tmp_path).items():
        assert block(soup, "about-this-article") is None, edition
        # No author: the title takes the author's place, and nobody is named.
        reference = words(block(soup, "cite-this-article").select_one(".cite-article__reference"))
        assert reference.startswith(config["site_name"] + ". ("), edition
    for path in site_pages(build.site):
        assert page_head(build.site, path).find("meta", attrs={"name": "citation_author"}) is None
        data = json_ld(build, path)
        assert not {"author", "reviewedBy", "publisher", "lastReviewed"} & data.keys()
    (item,) = json.loads((build.site / build.names.csl_json).read_text(encoding="utf-8"))
    assert not {"author", "publisher"} & item.keys()
