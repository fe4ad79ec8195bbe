"""mkdocs.yml's publisher, authors and reviewers: read as written, refused in
one line naming the setting and item, and shown escaped, labelled as the site's."""

import itertools

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support.project import ROOT
from trustsite.credits import PUBLISHER, Credits, Person, Publisher, about_html, read_credits

SHOWN = "mkdocs.yml"


def test_nothing_named_reads_as_nobody_and_shows_nothing():
    credits = read_credits({"published": "2025-01-21"}, SHOWN)
    assert credits == Credits(None, (), ()) and not credits.named
    assert about_html(credits) == ""


def test_each_is_read_as_written():
    credits = read_credits({"publisher": {"name": " A Clinic ", "contact": "0123 456"},
                            "reviewers": [{"name": "Sam Lee", "role": "PhD", "url": "https://example.org/sam"}]},
                           SHOWN)
    assert credits == Credits(Publisher("A Clinic", None, "0123 456", None), (),
                              (Person("Sam Lee", "PhD", "https://example.org/sam"),))


@pytest.mark.parametrize("extra, message", [
    ({"authors": [{"name": "A"}, {"role": "Therapist"}]}, "mkdocs.yml, extra.authors, item 2: give the author's name"),
    ({"reviewers": [{"name": "  "}]}, "mkdocs.yml, extra.reviewers, item 1: give the reviewer's name"),
    ({"publisher": {"address": "1 High Street"}}, "mkdocs.yml, extra.publisher: give the publisher's name"),
    ({"publisher": "A Clinic"},
     "mkdocs.yml, extra.publisher: write the publisher's name, address, contact, url as 'field: value' lines"),
    ({"authors": {"name": "A"}}, "mkdocs.yml, extra.authors: write a list, each item starting with '- name:'"),
    ({"authors": ["Jane Smith"]},
     "mkdocs.yml, extra.authors, item 1: write the author's name, role, url as 'field: value' lines"),
    ({"authors": [{"name": "A", "credentials": "PhD"}]},
     "mkdocs.yml, extra.authors, item 1: 'credentials' is not a known field; use only: name, role, url"),
    ({"authors": [{"name": 42}]}, "mkdocs.yml, extra.authors, item 1, name: must be text, but YAML read 42; "
                                  "put it in quotes"),
    ({"authors": [{"name": "A", "url": "http://example.org"}]},
     "mkdocs.yml, extra.authors, item 1, url: must be a web address starting with https://"),
    # A message quotes a line's worth of what it names, however long.
    ({"publisher": {"name": "A", "x" * 10_000: "y"}},
     f"mkdocs.yml, extra.publisher: '{'x' * 58}… is not a known field; use only: name, address, contact, url"),
], ids=["author-unnamed", "reviewer-blank", "publisher-unnamed", "publisher-not-a-mapping", "authors-not-a-list",
        "author-not-a-mapping", "unknown-field", "not-text", "insecure-link", "long-field-name"])
def test_a_setting_it_cannot_show_is_refused_in_one_line(extra, message):
    with pytest.raises(ValueError) as refused:
        read_credits(extra, SHOWN)
    assert str(refused.value) == message


def test_the_block_is_the_sites_and_escapes_every_value():
    hostile = "<script>alert(1)</script> & <b>"
    soup = BeautifulSoup(about_html(Credits(Publisher(hostile, hostile, "a@example.org", None),
                                            (Person(hostile, hostile, "https://example.org/?a=1&b=2"),), ())),
                         "html.parser")
    assert soup.find("script") is None and soup.find("b") is None
    assert soup.get_text().count(hostile) == 4
    assert "feature of this site" in soup.p.get_text()
    assert [a["href"] for a in soup.find_all("a")] == ["mailto:a@example.org", "https://example.org/?a=1&b=2"]


def test_the_examples_a_publisher_copies_are_read_alike():
    """README.md's example, and mkdocs.yml's commented one, name the same people and are accepted."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## Who stands behind the article")[1]
    from_readme = yaml.safe_load(readme.split("```yaml\n")[1].split("```")[0])
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = config.index(f"  # {PUBLISHER}:")
    commented = itertools.takewhile(lambda line: line.startswith("  # "), config[start:])
    from_config = yaml.safe_load("\n".join(line.replace("  # ", "", 1) for line in commented))
    assert read_credits(from_readme, "README.md") == read_credits(from_config, SHOWN)
    assert read_credits(from_readme, "README.md").named
