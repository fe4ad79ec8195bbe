"""Corrections, dated and visible: a small project with a history of its own
(the commits that built its pages, then a sentence, a table cell and a
reference corrected), built once; its pages' dates, the changes page, the
Atom feed, the offline copy and the one-file edition are read from the build.
Without its history (a shallow clone), the build says so in one line."""

import json
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from tests.support.article import built_page, page_texts, site_path
from tests.support.git_project import (CELL_REASON, CORRECTED, PUBLISHED, REFERENCE, REFERENCE_REASON, ROW,
                                      SENTENCE, build_corrected_project)
from tests.support.project import (TEST_PROJECT_NAV, Build, copy_project, replace_nav, run_build,
                                   unzip_offline_copy, use_test_project)
from tests.support.html_checker import vnu_errors, vnu_messages
from trustsite.history import FEED
from trustsite.history import PAGE as CHANGES_PAGE
from trustsite.history.changes_list import NO_HISTORY
from trustsite.publication_date import long_date
from trustsite.settings import load_settings
from trustsite.sources import squash
from trustsite.whole_article import PAGE as WHOLE_ARTICLE_PAGE

ATOM = "{http://www.w3.org/2005/Atom}"
FIRST_LINE = f"Article first published {long_date(date.fromisoformat(PUBLISHED))}."
# Each page's last correction; None: never corrected since first publication.
LAST_UPDATED = {"index.md": "2025-03-05", "conclusion.md": "2025-02-03", "references.md": "2025-04-01",
                WHOLE_ARTICLE_PAGE: "2025-04-01", CHANGES_PAGE: None}
# The changes page's entries, newest first: anchor, date, reason, and each change.
ENTRIES = [
    ("correction-3", "2025-04-01", REFERENCE_REASON,
     [("Changed on References:", "References", REFERENCE.format(year=2002), REFERENCE.format(year=2012))]),
    ("correction-2", "2025-03-05", CELL_REASON,
     [("Changed on Introduction:", "Introduction", ROW, ROW.replace("method B |", "method B & C |"))]),
    ("correction-1", "2025-02-03", "Correct the test page's sentence",
     [("Changed on Conclusion:", "Conclusion", SENTENCE, CORRECTED)]),
]


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> Build:
    return build_corrected_project(tmp_path_factory.mktemp("corrected"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def footer_lines(page: BeautifulSoup) -> list[str]:
    return [squash(line.get_text()) for line in page.select(".md-copyright__highlight")]


def entries(holder) -> list[tuple]:
    """Each entry of a list of changes: its anchor, date, reason, and each change as
    (where, the linked page's title, before, after)."""
    found = []
    for entry in holder.select("section.history-entry"):
        heading = entry.find(["h2", "h3"])
        changes = []
        for change in entry.select("li.history-change"):
            before, after = change.select_one(".history-change__before"), change.select_one(
                ".history-change__after")
            changes.append((squash(change.p.get_text()), squash(change.p.a.get_text()),
                            squash(before.get_text()).removeprefix("Before: ") if before else None,
                            squash(after.get_text()).removeprefix("After: ") if after else None))
        reason = squash(entry.select_one(".history-entry__reason").get_text()).removeprefix("Reason: ")
        found.append((heading["id"], heading.time["datetime"], reason, changes))
    return found


def target(site: Path, page: str, href: str) -> tuple[Path, str]:
    """The file and fragment a link `href` on docs/`page` leads to."""
    address = urlsplit(urljoin("http://site/" + site_path(page), href))
    path = unquote(address.path).removeprefix("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path), address.fragment


def test_last_updated_shows_on_the_changed_pages_only(corrected):
    for page, day in LAST_UPDATED.items():
        built = soup(built_page(corrected.site, page))
        lines = footer_lines(built)
        assert lines[0] == FIRST_LINE, page
        updated = [line.time["datetime"] for line in built.select(".md-copyright__highlight")
                   if line.get_text().strip().startswith("Last updated")]
        assert updated == ([day] if day else []), page
        (data,) = built.find_all("script", type="application/ld+json")
        assert json.loads(data.string)["dateModified"] == (day or PUBLISHED), page
        notices = built.select("article .history-updated a")
        assert len(notices) == (1 if day else 0), page
        if day:
            assert squash(notices[0].get_text()).endswith(": see what changed")
            assert notices[0].time["datetime"] == day
            file, anchor = target(corrected.site, page, notices[0]["href"])
            assert file == built_page(corrected.site, CHANGES_PAGE)
            entry = soup(file).find(id=anchor)
            assert entry is not None and entry.time["datetime"] == day, page


def test_the_changes_page_lists_each_correction_newest_first(corrected):
    page = soup(built_page(corrected.site, CHANGES_PAGE))
    article = page.find("article")
    assert entries(article) == ENTRIES
    # The commits that built the pages and the one that only rewrapped them list nothing;
    # the reason is shown as its author wrote it, and no script of theirs is on the page.
    assert not article.find("script")
    for link in article.select("li.history-change a"):
        file, _ = target(corrected.site, CHANGES_PAGE, link["href"])
        assert soup(file).find("h1").get_text(strip=True).rstrip("¶"), link
    # The site's page, with its own words (docs/changes.md: what it is, and that it is the
    # site's), after its title; left out of search.
    _, *own_words = page_texts(corrected.project, CHANGES_PAGE)
    assert own_words and [words for words in own_words if words not in squash(article.get_text())] == []
    index = "".join(path.read_text(encoding="utf-8") for path in (corrected.site / "search").iterdir())
    assert CORRECTED in index and [words for words in own_words if words in index] == []


def test_the_feed_is_valid_atom_and_holds_the_same_entries(corrected):
    feed = etree.parse(str(corrected.site / FEED)).getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}"), required
    assert feed.findtext(f"{ATOM}author/{ATOM}name")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith(FEED)
    items = feed.findall(f"{ATOM}entry")
    for item in items:
        assert all(item.findtext(f"{ATOM}{required}") for required in ("id", "title", "updated"))
    first, *corrections = items
    assert first.findtext(f"{ATOM}title") == "First published"
    assert first.findtext(f"{ATOM}updated") == f"{PUBLISHED}T00:00:00+00:00"
    assert [item.findtext(f"{ATOM}updated") for item in corrections] == [
        f"{day}T12:00:00+00:00" for _, day, _, _ in reversed(ENTRIES)]
    assert [item.findtext(f"{ATOM}id").rsplit("#", 1)[1] for item in corrections] == [
        anchor for anchor, _, _, _ in reversed(ENTRIES)]
    # Each entry says what the changes page says of it.
    for item, (anchor, day, reason, changes) in zip(corrections, reversed(ENTRIES), strict=True):
        assert item.findtext(f"{ATOM}title").endswith(f": {reason}")
        content = BeautifulSoup(f'<section class="history-entry"><h2 id="{anchor}"><time datetime="{day}">'
                                f"</time></h2>{item.findtext(f'{ATOM}content')}</section>", "html.parser")
        assert entries(content) == [(anchor, day, reason, changes)]
    # No clock in it: the feed is as new as its newest entry.
    assert feed.findtext(f"{ATOM}updated") == corrections[-1].findtext(f"{ATOM}updated")


def test_every_page_links_the_feed(corrected, tmp_path):
    offline = unzip_offline_copy(corrected.dist / corrected.names.archive, tmp_path)
    # Read at the site's address: 404.html links from the site's root, the others relatively.
    root = load_settings(corrected.project / "mkdocs.yml").site_url
    for folder in (corrected.site, offline):
        assert (folder / FEED).is_file()
        # Every page: the one-file edition is a file of its own, that links nothing beside it.
        for path in set(folder.rglob("*.html")) - {folder / corrected.names.one_file}:
            links = [link for link in soup(path).select('head link[type="application/atom+xml"]')
                     if "alternate" in link["rel"]]
            assert len(links) == 1, path
            address = urljoin(root + path.relative_to(folder).as_posix(), links[0]["href"])
            assert address == root + FEED, path


def test_the_offline_copy_and_the_one_file_edition_carry_the_changes(corrected, tmp_path):
    offline = unzip_offline_copy(corrected.dist / corrected.names.archive, tmp_path)
    assert entries(soup(built_page(offline, CHANGES_PAGE, offline=True)).find("article")) == ENTRIES
    edition = soup(corrected.dist / corrected.names.one_file)
    section = edition.select_one("section.history")
    assert [(anchor.removeprefix("changes-"), *rest) for anchor, *rest in entries(section)] == [
        (anchor, day, reason, changes) for anchor, day, reason, changes in ENTRIES]
    for link in section.select("li.history-change a"):
        assert edition.find(id=link["href"].removeprefix("#")), link
    assert "Last updated April 1, 2025." in squash(edition.footer.get_text())


def test_the_nu_checker_finds_no_error_in_the_changes(corrected):
    pages = [built_page(corrected.site, CHANGES_PAGE), built_page(corrected.site, "conclusion.md"),
             corrected.dist / corrected.names.one_file]
    assert vnu_errors(vnu_messages(pages), "mkdocs", corrected.names.one_file) == []


def test_zensical_shows_the_same(corrected):
    zensical = corrected.project / "zensical"
    zensical.mkdir()
    result = run_build(corrected.project, "--builder", "zensical", "--site-dir", str(zensical / "site"),
                       "--dist-dir", str(zensical / "dist"))
    assert result.returncode == 0, result.output
    for page in LAST_UPDATED:
        assert footer_lines(soup(built_page(zensical / "site", page))) == footer_lines(
            soup(built_page(corrected.site, page))), page
    assert entries(soup(built_page(zensical / "site", CHANGES_PAGE)).find("article")) == ENTRIES
    assert (zensical / "site" / FEED).read_bytes() == (corrected.site / FEED).read_bytes()
    for page in LAST_UPDATED:
        assert soup(built_page(zensical / "site", page)).select('head link[type="application/atom+xml"]'), page


def test_a_menu_without_the_changes_page_is_refused_in_one_line(tmp_path):
    project = use_test_project(copy_project(tmp_path / "project"))
    (project / "docs" / CHANGES_PAGE).unlink()
    replace_nav(project, [item for item in TEST_PROJECT_NAV if CHANGES_PAGE not in item.values()])
    result = run_build(project)
    assert result.returncode == 1
    (said, failed) = result.output.splitlines()
    assert said.startswith(f"ERROR   -  mkdocs.yml: the menu (nav) does not list {CHANGES_PAGE}"), said
    assert failed.endswith("were left as they were."), failed


def test_without_its_history_the_build_says_so_once_and_shows_the_first_date(corrected, tmp_path):
    # What a checkout with the default fetch-depth, 1, holds.
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", corrected.project.as_uri(), str(clone)],
                   check=True, capture_output=True, timeout=60)
    result = run_build(clone)
    assert result.returncode == 0, result.output
    said = [line for line in result.output.splitlines() if "history" in line.lower() or "shallow" in line]
    assert len(said) == 1 and "shallow clone" in said[0], result.output
    for page in LAST_UPDATED:
        built = soup(built_page(clone / "site", page))
        assert footer_lines(built)[0] == FIRST_LINE, page
        assert not [line for line in footer_lines(built) if line.startswith("Last updated")], page
        assert not built.select(".history-updated"), page
    article = soup(built_page(clone / "site", CHANGES_PAGE)).find("article")
    assert NO_HISTORY in squash(article.get_text()) and not entries(article)
    assert len(etree.parse(str(clone / "site" / FEED)).getroot().findall(f"{ATOM}entry")) == 1
