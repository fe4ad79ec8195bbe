"""One source, either builder: each page says which builder made it, and a
mistake in the sources reads the same whichever builder was asked for."""

import pytest
from bs4 import BeautifulSoup

from tests.support.built_site import site_pages
from tests.support.project import BUILDERS, both_builders, copy_project, run_build

# What each builder writes in every page's <meta name="generator">.
GENERATOR = {"mkdocs": "mkdocs-", "zensical": "zensical-"}


@both_builders
def test_every_page_names_the_builder_that_made_it(built):
    for path in site_pages(built.site):
        soup = BeautifulSoup((built.site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        generator = soup.find("meta", attrs={"name": "generator"})["content"]
        assert generator.startswith(GENERATOR[built.builder]), (path, generator)
        # The footer credits the same builder.
        credit = soup.select_one(".md-copyright > a[href^='https://']").get_text()
        assert credit == {"mkdocs": "Material for MkDocs", "zensical": "Zensical"}[built.builder], path


@pytest.fixture(scope="module")
def misspelt_field(tmp_path_factory) -> tuple:
    """A project whose last table row misspells a field; the project, that row and its line."""
    project = copy_project(tmp_path_factory.mktemp("misspelt"))
    rows = project / "data" / "methods.yml"
    lines = rows.read_text(encoding="utf-8").splitlines(keepends=True)
    line = max(number for number, text in enumerate(lines) if text.startswith("  importance:"))
    lines[line] = lines[line].replace("importance:", "importanse:", 1)
    rows.write_text("".join(lines), encoding="utf-8")
    row = sum(text.startswith("- ") for text in lines[:line + 1])
    return project, row, line + 1


def test_a_mistake_is_reported_alike_before_either_builder_runs(misspelt_field):
    project, row, line = misspelt_field
    said = {}
    for builder in BUILDERS:
        result = run_build(project, "--builder", builder)
        assert result.returncode != 0
        said[builder] = result.output
    assert f"data/methods.yml, row {row} (line {line}), field 'importanse': is not a known field" in said["mkdocs"]
    assert said["zensical"] == said["mkdocs"]
    assert not (project / "site").exists()
