"""The site as GitHub Pages serves a project site: under /trust-in-therapy/.

The project is built for that address (SITE_URL, as the workflow sets it) and
served there on 127.0.0.1. Every link and asset of every page is followed,
the 404 page's too, and every page's head tags are read back.
"""

import json
import re
import urllib.error
import urllib.request
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from tests.support.article import page_texts, search_word, site_path
from tests.support.built_site import site_pages
from tests.support.project import ROOT, copy_project, file_names, run_build, unzip_offline_copy
from tests.support.server import serve
from trustsite.sources import article_pages, sentences

PREFIX = "/trust-in-therapy/"
UNKNOWN_PAGE = "no/such/page/"
# 2026-01-01T00:00:00Z: a build date after publication, which no date of the article may take.
BUILD_EPOCH = 1767225600
# <link> relations that point at a page rather than load a file.
PAGE_RELATIONS = {"canonical", "prev", "next", "alternate"}
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""")
# Straight to the local server, whatever proxy the environment names.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True)
class Published:
    url: str  # http://127.0.0.1:<port>/trust-in-therapy/
    project: Path
    site: Path


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("published"))
    # The server starts first: its port is part of the address built in.
    with serve(project / "site", PREFIX) as url:
        result = run_build(project, env={"SITE_URL": url, "SOURCE_DATE_EPOCH": str(BUILD_EPOCH)})
        assert result.returncode == 0, result.output
        yield Published(url, project, project / "site")


# -- Crawling ---------------------------------------------------------------------

@dataclass(frozen=True)
class Response:
    url: str  # after any redirect: what relative references resolve against
    status: int
    content_type: str
    body: bytes


def fetch(url: str) -> Response:
    try:
        with OPENER.open(url, timeout=30) as response:
            return Response(response.url, response.status, response.headers.get_content_type(),
                            response.read())
    except urllib.error.HTTPError as error:
        return Response(url, error.code, error.headers.get_content_type(), error.read())


def html_references(soup: BeautifulSoup) -> list[tuple[str, bool]]:
    """(URL, whether the browser loads it) for every URL in a page."""
    found = []
    for tag in soup.find_all(True):
        loaded = tag.name != "a" and not (tag.name == "link" and PAGE_RELATIONS & set(tag.get("rel", [])))
        for attribute in ("href", "src", "poster"):
            if tag.has_attr(attribute):
                found.append((tag[attribute], loaded))
        if tag.has_attr("srcset"):
            found += [(candidate.split()[0], True) for candidate in tag["srcset"].split(",")]
        if tag.name == "object" and tag.has_attr("data"):
            found.append((tag["data"], True))
    # Link previews fetch these, so the crawl checks them too.
    found += [(tag["content"], False) for tag in soup.find_all("meta", property=["og:url", "og:image"])]
    return found


def references(response: Response) -> list[tuple[str, bool]]:
    text = response.body.decode("utf-8", errors="replace")
    if response.content_type == "text/html":
        return html_references(BeautifulSoup(text, "html.parser"))
    if response.content_type == "text/css":
        return [(url, True) for url in CSS_URL.findall(text)]
    if response.content_type in ("application/xml", "text/xml"):  # the sitemap
        return [(loc, False) for loc in re.findall(r"<loc>([^<]+)</loc>", text)]
    if response.content_type == "text/plain":  # robots.txt
        return [(line.split(":", 1)[1].strip(), False)
                for line in text.splitlines() if line.lower().startswith("sitemap:")]
    return []


@dataclass
class Crawl:
    responses: dict[str, Response] = field(default_factory=dict)
    linked_from: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    fragments: list[tuple[str, str, str]] = field(default_factory=list)  # (from, page, id)
    off_site_assets: list[tuple[str, str]] = field(default_factory=list)  # (from, url)

    def ids(self, url: str) -> set[str]:
        soup = BeautifulSoup(self.responses[url].body, "html.parser")
        return ({tag["id"] for tag in soup.find_all(id=True)}
                | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})})


def crawl(starts: list[str], origin: str) -> Crawl:
    """Fetch `starts` and everything on `origin` they lead to, recursively."""
    result = Crawl()
    queue = deque(starts)
    while queue:
        url = queue.popleft()
        if url in result.responses:
            continue
        response = result.responses[url] = fetch(url)
        for reference, loaded in references(response):
            target, fragment = urldefrag(urljoin(response.url, reference))
            if urlsplit(target).scheme not in ("http", "https"):
                continue  # mailto:, data: and the like
            if not target.startswith(origin):
                if loaded:
                    result.off_site_assets.append((url, target))
                continue
            result.linked_from[target].add(url)
            if fragment:
                result.fragments.append((url, target, unquote(fragment)))
            queue.append(target)
    return result


@pytest.fixture(scope="module")
def crawled(published) -> Crawl:
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(published.url))
    starts = [published.url, published.url + UNKNOWN_PAGE,
              published.url + "robots.txt", published.url + "sitemap.xml"]
    return crawl(starts, origin)


def test_crawl_reaches_every_page_and_the_offline_archive(published, crawled):
    pages = {published.url + path for path in site_pages(published.site)}
    assert pages - set(crawled.responses) == set()
    assert published.url + file_names(published.project, published.url).archive in crawled.responses


def test_no_link_or_asset_is_broken_under_the_sub_path(published, crawled):
    unknown = published.url + UNKNOWN_PAGE
    broken = [f"{url} ({response.status}) from {sorted(crawled.linked_from[url])}"
              for url, response in crawled.responses.items()
              if response.status != 200 and url != unknown]
    assert broken == []
    assert crawled.responses[unknown].status == 404


def test_the_404_page_links_back_into_the_site(published, crawled):
    unknown = published.url + UNKNOWN_PAGE
    targets = {target for target, sources in crawled.linked_from.items() if unknown in sources}
    # The menu, one of whose pages is the article's second.
    assert published.url + site_path(article_pages(ROOT)[1]) in targets
    assert any(target.endswith(".css") for target in targets)


def test_no_link_points_to_a_missing_anchor(crawled):
    ids = {}
    missing = []
    for source, page, fragment in crawled.fragments:
        if crawled.responses[page].content_type != "text/html":
            continue
        if page not in ids:
            ids[page] = crawled.ids(page)
        if fragment not in ids[page]:
            missing.append(f"{page}#{fragment} from {source}")
    assert crawled.fragments and missing == []


def test_every_asset_comes_from_the_site_itself(crawled):
    assert crawled.off_site_assets == []


# -- In a browser -------------------------------------------------------------------

def visit(browser, url: str):
    """Open `url` in a new tab; return its response, the tab, every URL it
    requested (its workers' too), and those that failed, `url` itself aside."""
    page = browser.new_page()
    requested, failures = [], []
    page.on("requestfailed", lambda request: failures.append(f"{request.url} failed"))

    def on_response(response):
        requested.append(response.url)
        if response.status >= 400 and response.url != url:
            failures.append(f"{response.url} {response.status}")

    page.on("response", on_response)
    response = page.goto(url, wait_until="networkidle")
    return response, page, requested, failures


def header_style(page) -> list[str]:
    return page.eval_on_selector(
        ".md-header", "e => [getComputedStyle(e).position, getComputedStyle(e).backgroundColor]")


def test_404_page_has_the_theme_at_an_unknown_address(browser, published):
    response, page, _, failures = visit(browser, published.url + UNKNOWN_PAGE)
    _, home, _, _ = visit(browser, published.url)
    try:
        assert response.status == 404 and failures == []
        assert page.text_content("article h1").startswith("404")
        # Only Material's stylesheet makes the header sticky and coloured.
        assert header_style(page)[0] == "sticky"
        assert header_style(page) == header_style(home)
    finally:
        page.close()
        home.close()


def test_search_works_under_the_sub_path(browser, published):
    response, page, requested, failures = visit(browser, published.url + site_path(article_pages(ROOT)[1]))
    try:
        page.locator(".md-search__input").fill(search_word()[0])
        page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
        page.wait_for_load_state("networkidle")
    finally:
        page.close()
    assert response.ok and failures == []
    assert published.url + "search/search_index.json" in requested


# -- Head tags ----------------------------------------------------------------------

def source_page(path: str) -> str:
    """The page under docs/ that the site's `path` is made from: conclusion/ is conclusion.md."""
    return (path.rstrip("/") or "index") + ".md"


def front_matter(project: Path, path: str) -> dict:
    return get_data((project / "docs" / source_page(path)).read_text(encoding="utf-8"))[1]


def expected_description(published: "Published", path: str, config: dict) -> str:
    """A description given in the front matter; else the site's, for the opening page;
    else the first sentence of the page's first paragraph of running text, if it has one."""
    explicit = front_matter(published.project, path).get("description")
    if explicit or path == "":
        return explicit or config["site_description"]
    article = BeautifulSoup((published.site / path / "index.html").read_text(encoding="utf-8"),
                            "html.parser").find("article")
    paragraph = article.select_one(":scope > p:not([class])")
    return sentences(paragraph.get_text())[0] if paragraph else config["site_description"]


def head(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser").head


def only(soup: BeautifulSoup, name: str, attrs: dict) -> str:
    """The value of the one tag that matches; it must not be duplicated."""
    tags = soup.find_all(name, attrs=attrs)
    assert len(tags) == 1, (name, attrs, len(tags))
    tag = tags[0]
    return tag.get("content") or tag.get("href") or tag.string


@pytest.fixture(scope="module")
def config(published) -> dict:
    with open(published.project / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file)


def test_every_page_has_one_set_of_head_tags_with_the_right_values(published, crawled, config):
    for path in site_pages(published.site):
        tags = head(published.site, path)
        url = published.url + path
        description = expected_description(published, path, config)
        title = tags.title.string.removesuffix(" - " + config["site_name"])
        assert only(tags, "link", {"rel": "canonical"}) == url
        assert only(tags, "meta", {"name": "description"}) == description, path
        assert only(tags, "meta", {"property": "og:type"}) == "article"
        assert only(tags, "meta", {"property": "og:title"}) == title
        assert only(tags, "meta", {"property": "og:description"}) == description
        assert only(tags, "meta", {"property": "og:url"}) == url
        assert only(tags, "meta", {"property": "og:site_name"}) == config["site_name"]
        assert only(tags, "meta", {"property": "og:locale"}) == "en"
        assert only(tags, "meta", {"name": "twitter:card"}) == "summary_large_image"
        image = only(tags, "meta", {"property": "og:image"})
        assert image.startswith(published.url), image
        assert crawled.responses[image].content_type == "image/png", image
        assert (only(tags, "meta", {"property": "og:image:width"}),
                only(tags, "meta", {"property": "og:image:height"})) == ("1200", "630")
        alt = only(tags, "meta", {"property": "og:image:alt"})
        assert f"“{title}”" in alt and only(tags, "meta", {"name": "twitter:image:alt"}) == alt, path
        article = json.loads(only(tags, "script", {"type": "application/ld+json"}))
        assert article["@context"] == "https://schema.org" and article["@type"] == "MedicalWebPage"
        assert (article["headline"], article["url"], article["description"]) == (title, url, description)
        assert article["image"] == image
        # dateModified is a correction's date, never the build's (tests/site/test_corrections.py).
        assert article["datePublished"] == config["extra"]["published"] <= article["dateModified"]
        assert article["inLanguage"] == tags.find_parent("html")["lang"] == "en"


def published_path(offline_file: str) -> str:
    """Where a page of the offline copy is on the site: confidentiality.html is confidentiality/."""
    page = PurePosixPath(offline_file).with_suffix("")
    if page.name == "index":
        page = page.parent
    return "" if page == PurePosixPath(".") else f"{page}/"


def test_offline_pages_name_their_published_address(published, tmp_path):
    # A link shared from the copy must lead to the page on the site, not to a
    # file name that is a 404 there.
    copy = unzip_offline_copy(published.project / "dist" / file_names(published.project, published.url).archive,
                              tmp_path)
    online = site_pages(published.site)
    pages = sorted(page.relative_to(copy).as_posix() for page in copy.rglob("*.html"))
    assert pages, "the offline copy has no pages"
    for page in pages:
        path = published_path(page)
        assert path in online, page
        tags = BeautifulSoup((copy / page).read_text(encoding="utf-8"), "html.parser").head
        article = json.loads(only(tags, "script", {"type": "application/ld+json"}))
        addresses = (only(tags, "link", {"rel": "canonical"}), only(tags, "meta", {"property": "og:url"}),
                     article["url"])
        assert addresses == (published.url + path,) * 3, page


def test_a_section_is_described_by_a_sentence_of_its_own_sources(published, config):
    described = 0
    for path in site_pages(published.site):
        page = BeautifulSoup((published.site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        description = only(page.head, "meta", {"name": "description"})
        if path and not front_matter(published.project, path).get("description") \
                and description != config["site_description"]:
            assert description in page_texts(published.project, source_page(path)), path
            described += 1
    assert described


def test_publication_date_is_the_one_the_first_page_shows(published):
    home = BeautifulSoup((published.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = json.loads(home.find("script", type="application/ld+json").string)
    assert home.find("article").find("time")["datetime"] == article["datePublished"]


def test_robots_and_sitemap_give_the_published_addresses(published, crawled):
    robots = crawled.responses[published.url + "robots.txt"].body.decode()
    assert f"Sitemap: {published.url}sitemap.xml" in robots.splitlines()
    sitemap = crawled.responses[published.url + "sitemap.xml"].body.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert sorted(locations) == sorted(published.url + path for path in site_pages(published.site))
