"""A build without an address, or with a publication date that is no date, stops
with one line that says so."""

from tests.support.project import change_config, copy_project, run_build


def test_an_empty_site_address_stops_the_build(tmp_path):
    result = run_build(copy_project(tmp_path / "project"), env={"SITE_URL": ""})
    assert result.returncode != 0
    assert "site_url is empty: set SITE_URL" in result.output
    assert "Traceback" not in result.output


def test_a_publication_date_that_is_not_a_date_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    # The line as it stands, whatever date the publisher gave.
    (line,) = [line for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
               if line.lstrip().startswith("published:")]
    change_config(project, line, "  published: 21 January 2025")
    result = run_build(project)
    assert result.returncode != 0
    assert "mkdocs.yml, extra.published: write the article's publication date as YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output
