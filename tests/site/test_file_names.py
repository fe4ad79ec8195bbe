"""The downloads are named from the site, not the first article: from the last
part of site_url, or mkdocs.yml's extra.file_name, so that a second article
made from this repository has downloads of its own."""

import zipfile

import pytest
from bs4 import BeautifulSoup

from tests.support.built_site import site_pages
from tests.support.project import Build, change_config, copy_project, file_names, run_build
from trustsite.settings import FileNames, file_stem

SECOND_ARTICLE = "https://clinic.github.io/sleep-and-trust/"


def test_the_name_is_the_sites_address_or_else_its_name():
    assert file_stem("https://x.github.io/trust-in-therapy/", "Any", {}, "mkdocs.yml") == "trust-in-therapy"
    assert file_stem("https://x.github.io/Sleep_And.Trust", "Any", {}, "mkdocs.yml") == "sleep-and-trust"
    # A user site or a domain of its own: the article's name, made safe.
    assert file_stem("https://clinic.example/", "Confiance & thérapie!", {}, "mkdocs.yml") == "confiance-therapie"
    assert file_stem("https://clinic.example", "信頼", {}, "mkdocs.yml") == "article"
    assert file_stem("https://clinic.example/", "Any", {"file_name": "our-article"}, "mkdocs.yml") == "our-article"


@pytest.fixture(scope="module")
def second_article(tmp_path_factory) -> Build:
    """The project built, with its PDF, for another address, as a second article would be."""
    project = copy_project(tmp_path_factory.mktemp("second-article"))
    result = run_build(project, "--pdf", env={"SITE_URL": SECOND_ARTICLE})
    assert result.returncode == 0, result.output
    return Build(project, project / "site", project / "dist")


def test_every_download_and_link_follows_the_sites_address(second_article):
    names = file_names(second_article.project, SECOND_ARTICLE)
    assert names == FileNames("sleep-and-trust")
    site, dist = second_article.site, second_article.dist
    assert sorted(path.name for path in dist.iterdir()) == sorted(
        [names.one_file, names.archive, names.archive + ".sha256", names.pdf])
    for name in (names.one_file, names.archive, names.pdf):
        assert (site / name).read_bytes() == (dist / name).read_bytes(), name
    with zipfile.ZipFile(dist / names.archive) as archive:
        assert {name.split("/")[0] for name in archive.namelist()} == {names.archive_folder}
    for path in site_pages(site):
        footer = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser").footer
        links = {(site / path / a["href"]).resolve() for a in footer.find_all("a", download=True)}
        assert links == {(site / name).resolve() for name in (names.one_file, names.archive, names.pdf)}, path


def test_extra_file_name_names_the_downloads(tmp_path):
    project = copy_project(tmp_path / "project")
    change_config(project, "extra:", "extra:\n  file_name: our-article")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert file_names(project) == FileNames("our-article")
    assert {path.name for path in (project / "dist").iterdir()} == {
        "our-article.html", "our-article-offline.zip", "our-article-offline.zip.sha256"}


@pytest.mark.parametrize("name", ["../../etc", "Our Article", "a" * 65, "[1, 2]"])
def test_a_file_name_that_is_not_safe_stops_the_build(tmp_path, name):
    project = copy_project(tmp_path / "project")
    change_config(project, "extra:", f"extra:\n  file_name: {name}")
    result = run_build(project)
    assert result.returncode != 0
    assert ("mkdocs.yml, extra.file_name: write the downloads' name in lowercase letters, digits and "
            "hyphens, at most 64 characters, such as trust-in-therapy") in result.output
    assert "Traceback" not in result.output and name not in result.output
    assert not (project / "site").exists()
