"""trustsite.urls places each page where MkDocs does, online and offline."""

import pytest
from mkdocs.structure.files import File

from trustsite.urls import output_path, page_url

SOURCES = ["index.md", "conclusion.md", "a/index.md", "a/b.md", "a/README.md", "a/b/c.md"]


@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
@pytest.mark.parametrize("source", SOURCES)
def test_a_page_is_written_and_linked_where_mkdocs_puts_it(source, offline):
    mkdocs = File(source, src_dir=None, dest_dir="", use_directory_urls=not offline)
    assert output_path(source, offline=offline) == mkdocs.dest_uri
    # MkDocs writes the site's root "./"; from the root, it is "".
    assert page_url(source, offline=offline) == mkdocs.url.removeprefix("./")
