"""The one-file edition as trustsite/one_file.py assembles it from invented sections:
its opening, its links and pictures, and its policy."""

import base64
import hashlib
import re
from datetime import date

from bs4 import BeautifulSoup

from trustsite.one_file import Edition, one_file_html
from trustsite.whole_article import Section


# A picture of one pixel, as a PNG.
DOT = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==")


def edition(**changes) -> Edition:
    values = dict(
        title="Trust", description="About trust.", language="en", site_url="https://example.org/trust/",
        file_name="trust.html", published=date(2025, 1, 21), review=None, reply=None, site_css=".md-typeset .lead{color:red}",
        sections=[Section("index", "", '<h1 id="t">Trust<a class="headerlink" href="#t">¶</a></h1>'
                                       '<p class="lead">Lead</p><h2 id="intro">Intro</h2><p>Text</p>'),
                  Section("a", "a/", '<h1 id="a">A</h1><h2 id="q">Q?</h2><p><a href="../">home</a> '
                                     '<a href="../files/x.pdf">file</a> <a href="https://doi.org/10.1/x">doi</a> '
                                     '<img src="../img/dot.png" alt="dot"></p>')],
        read_file=lambda path: {"img/dot.png": DOT}[path])
    return Edition(**(values | changes))


def test_the_opening_is_the_header_and_the_contents_lead_to_every_section():
    page = BeautifulSoup(one_file_html(edition()), "html.parser")
    header = page.body.find("header", recursive=False)
    assert [(e.name, e.get_text()) for e in header.find_all(True)] == [("h1", "Trust"), ("p", "Lead")]
    assert [h.name for h in page.main.find_all(re.compile("^h[1-6]$"))] == ["h2", "h2", "h3"]
    assert [a["href"] for a in page.nav.find_all("a")] == ["#index", "#a", "#a--q"]
    assert not page.select(".headerlink")


def test_links_out_of_the_file_are_absolute_and_images_are_inside_it():
    page = BeautifulSoup(one_file_html(edition()), "html.parser")
    assert [a["href"] for a in page.main.find_all("a")] == [
        "#index", "https://example.org/trust/files/x.pdf", "https://doi.org/10.1/x"]
    assert page.main.img["src"] == "data:image/png;base64," + base64.b64encode(DOT).decode()


def test_the_policy_allows_only_the_files_own_stylesheet():
    page = BeautifulSoup(one_file_html(edition()), "html.parser")
    css = page.style.string
    assert ".md-typeset .lead{color:red}" in css  # the site's rules, after the edition's own
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert policy.startswith("default-src 'none';") and f"style-src 'sha256-{digest}';" in policy
