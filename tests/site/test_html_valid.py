"""Every page of both builds passes the Nu Html Checker (vnu.jar from npm)."""

from tests.support.html_checker import allowed_messages, vnu_errors, vnu_messages
from tests.support.project import both_builders


@both_builders
def test_every_page_of_both_builds_is_valid_html(built, offline_copy):
    """Theme pages may need the allowlist; the one-file edition, all our own markup, may not."""
    pages = sorted(built.site.rglob("*.html")) + sorted(offline_copy.rglob("*.html"))
    assert len(pages) > 20
    messages = vnu_messages(pages)
    assert vnu_errors(messages, built.builder, built.names.one_file) == []
    unused = allowed_messages(built.builder) - {m.get("message") for m in messages}
    assert unused == set(), "no page needs these vnu-allowlist.txt entries any more: remove them"
