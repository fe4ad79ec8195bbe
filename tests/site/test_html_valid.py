"""Every page of both builds passes the Nu Html Checker (vnu.jar from npm)."""

from tests.support.html_checker import allowed_messages, vnu_errors, vnu_messages
from tests.support.project import both_builders, build_project, copy_project, name_credits, use_test_project
from trustsite.urls import output_path
from trustsite.whole_article import PAGE as WHOLE_ARTICLE


@both_builders
def test_every_page_of_both_builds_is_valid_html(built, offline_copy):
    """Theme pages may need the allowlist; the one-file edition, all our own markup, may not."""
    pages = sorted(built.site.rglob("*.html")) + sorted(offline_copy.rglob("*.html"))
    assert len(pages) > 20
    messages = vnu_messages(pages)
    assert vnu_errors(messages, built.builder, built.names.one_file) == []
    unused = allowed_messages(built.builder) - {m.get("message") for m in messages}
    assert unused == set(), "no page needs these vnu-allowlist.txt entries any more: remove them"


def test_the_blocks_of_a_named_publisher_are_valid_html(tmp_path):
    """The About and Cite blocks, which a build shows only where mkdocs.yml names
    a publisher (tests/support/project.py), on each page that carries them."""
    build = build_project(name_credits(use_test_project(copy_project(tmp_path / "project"))))
    pages = [build.site / "index.html", build.site / output_path(WHOLE_ARTICLE, offline=False),
             build.dist / build.names.one_file]
    assert vnu_errors(vnu_messages(pages), build.builder, build.names.one_file) == []
