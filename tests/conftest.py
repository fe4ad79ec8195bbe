"""Shared fixtures: one real build of the project, and disposable copies of it."""

import contextlib
import http.server
import io
import os
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.project_copy import ROOT, copy_project
from scripts.serve_static import serving
from trustsite.browser import NO_CHROMIUM, chromium_path, launch_chromium
from trustsite.builders import BUILDERS, ZENSICAL_SETTING, zensical_program
from trustsite.publish.pages import Page
from trustsite.settings import FileNames, load_settings
from trustsite.urls import file_url
from trustsite.whole_article import PAGE as WHOLE_ARTICLE_PAGE

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEST_PROJECT = FIXTURES / "test-project"
# The test project's menu, which use_test_project puts in place of the article's.
TEST_PROJECT_NAV = [{"Introduction": "index.md"}, {"Conclusion": "conclusion.md"},
                    {"References": "references.md"}, {"Whole article on one page": WHOLE_ARTICLE_PAGE}]


NO_JAVA = "no Java, which the HTML checker needs: install Debian's default-jre-headless"


def missing_tools() -> list[str]:
    """What the browser and HTML tests need and this machine lacks."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        missing = [] if chromium_path(playwright) else [NO_CHROMIUM]
    return missing + ([] if shutil.which("java") else [NO_JAVA])


def pytest_sessionstart(session):
    # At once, in one line, rather than as a traceback in each of fifty tests minutes later.
    if missing := missing_tools():
        raise pytest.UsageError("make test cannot run here: " + "; ".join(missing))


# Zensical's own venv, which a project copy has not got.
ZENSICAL = zensical_program(ROOT)


@dataclass(frozen=True)
class Build:
    project: Path
    site: Path
    dist: Path
    builder: str = "mkdocs"

    @property
    def names(self) -> FileNames:
        """What this build named its downloads, from its mkdocs.yml."""
        return file_names(self.project)


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together, as a publisher sees them


def file_names(project: Path, site_url: str | None = None) -> FileNames:
    """The names a build of `project` gives its downloads, for the address
    `site_url` if the build was given one (SITE_URL)."""
    with pytest.MonkeyPatch.context() as patch:
        if site_url:
            patch.setenv("SITE_URL", site_url)
        return load_settings(project / "mkdocs.yml").file_names


def use_test_project(project: Path) -> Path:
    """`project` with the test project's own pages, menu and data files in place
    of the article's, for tests that name a row or a line: a publisher's edit
    moves none, and no page of the article is left to link into invented data.

    What the site adds (the one-page view, the stylesheet) stays.
    """
    for page in (project / "docs").rglob("*.md"):
        if page.relative_to(project / "docs").as_posix() != WHOLE_ARTICLE_PAGE:
            page.unlink()
    for folder in ("docs", "data"):
        shutil.copytree(TEST_PROJECT / folder, project / folder, dirs_exist_ok=True)
    replace_nav(project, TEST_PROJECT_NAV)
    return project


def nav_replaced(config: str, nav: list[dict[str, str]]) -> str:
    """The text of a mkdocs.yml, `config`, with its menu made `nav`, the rest as it was."""
    lines = config.splitlines(keepends=True)
    start = lines.index("nav:\n")
    end = next(n for n in range(start + 1, len(lines)) if lines[n].strip() and not lines[n][0].isspace())
    entries = [f"  - {title}: {page}\n" for item in nav for title, page in item.items()]
    return "".join(lines[:start + 1] + entries + ["\n"] + lines[end:])


def replace_nav(project: Path, nav: list[dict[str, str]]) -> None:
    """The project's mkdocs.yml with its menu made `nav`."""
    config = project / "mkdocs.yml"
    config.write_text(nav_replaced(config.read_text(encoding="utf-8"), nav), encoding="utf-8")


# A methods file whose one row misspells a field on its line 3, and what the build says of it.
MISSPELT_FIELD = "- name: A method\n  description: What it is\n  importanse: Why it matters\n"
MISSPELT_MESSAGE = ("data/methods.yml, row 1 (line 3), field 'importanse': is not a known field; "
                    "use only: name, description, importance")


def change_config(project: Path, line: str, new_line: str) -> None:
    """Replace one line of the project's mkdocs.yml, which must be there."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(line + "\n") == 1, f"{line!r} is not one line of mkdocs.yml"
    config.write_text(text.replace(line + "\n", new_line + "\n"), encoding="utf-8")


def run_build(project: Path, *extra: str, env: dict | None = None,
              program: tuple[str, ...] = ("scripts/build.py",)) -> BuildResult:
    """`make build`'s command, run in `project`.

    `program` is what Python runs instead of scripts/build.py, such as
    ("-c", code) for code that changes something and then runs it.
    """
    result = subprocess.run(
        [sys.executable, *program, *extra],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", ZENSICAL_SETTING: str(ZENSICAL), **(env or {})},
    )
    return BuildResult(result.returncode, result.stdout + result.stderr)


def build_project(project: Path, builder: str = "mkdocs") -> Build:
    result = run_build(project, "--builder", builder)
    assert result.returncode == 0, result.output
    return Build(project, project / "site", project / "dist", builder)


# Tests of what a reader gets run on both builders' output: `@both_builders`
# (or `pytestmark = both_builders`) parametrises `built`, and so every fixture made from it.
both_builders = pytest.mark.parametrize("built", BUILDERS, indirect=True)

_builds: dict[str, Build] = {}


@pytest.fixture(scope="session")
def built(request, tmp_path_factory) -> Build:
    """The project as committed, built once for the whole session by each
    builder a test asks for (MkDocs unless parametrised)."""
    builder = getattr(request, "param", "mkdocs")
    # Kept here, not only by pytest: a session fixture with parameters is set up
    # again whenever the parameter changes between tests, and a build takes seconds.
    if builder not in _builds:
        _builds[builder] = build_project(copy_project(tmp_path_factory.mktemp(f"project-{builder}")), builder)
    return _builds[builder]


# -- Browser and local server ---------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium: Playwright's own, or else Debian's."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


# The header in which serve() says when it answered, on the tests' own clock (time.monotonic()).
ANSWERED_AT = "X-Answered-At"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, prefix: str = "/", headers: dict[str, str] | None = None, port: int = 0,
          delay: float = 0):
    """Serve `folder` at http://127.0.0.1:<port><prefix>, as a static host would.

    Anything outside `prefix` is a 404 answered with the site's own 404.html,
    which is what GitHub Pages does for a project site. `headers` are added to
    every response. `port` 0 takes any free port; give the port of a server
    that has stopped to serve again at its address. `delay` seconds late, each
    answer is a slow network's. Each answer carries ANSWERED_AT, so that a test
    can tell this server's answer from a copy saved earlier.
    """
    class Handler(_QuietHandler):
        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header(ANSWERED_AT, repr(time.monotonic()))
            super().end_headers()

        def translate_path(self, path):
            if not path.startswith(prefix):
                return str(folder / "404.html")
            return super().translate_path("/" + path[len(prefix):])

        def send_head(self):
            time.sleep(delay)
            path = self.path.split("?")[0]
            if not path.startswith(prefix) or not Path(self.translate_path(path)).exists():
                body = (folder / "404.html").read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
            return super().send_head()

    with serving(folder, Handler, port) as root:
        yield root + prefix.removeprefix("/")


@pytest.fixture(scope="session")
def site_url(built):
    """The online build, served on 127.0.0.1."""
    with serve(built.site) as url:
        yield url


@pytest.fixture(scope="session")
def hosted(built):
    """The online build served at the path it is published under, so that the
    404 page, whose links start from the site's root, is whole too."""
    not_found = Page("404.html", (built.site / "404.html").read_text(encoding="utf-8"), None)
    with serve(built.site, not_found.root) as url:
        yield url


def unzip_offline_copy(archive_file: Path, folder: Path) -> Path:
    """The offline archive `archive_file`, unzipped into `folder` as a reader would: its one top folder."""
    with zipfile.ZipFile(archive_file) as archive:
        archive.extractall(folder)
    (top,) = folder.iterdir()
    return top


_copies: dict[str, Path] = {}


@pytest.fixture(scope="session")
def offline_copy(built, tmp_path_factory) -> Path:
    """The offline archive of `built`, unzipped."""
    if built.builder not in _copies:
        _copies[built.builder] = unzip_offline_copy(built.dist / built.names.archive, tmp_path_factory.mktemp(f"offline-{built.builder}"))
    return _copies[built.builder]


# -- Search, as a reader uses it in each builder's theme --------------------------------

@dataclass(frozen=True)
class SearchBox:
    opener: str  # what a reader clicks to search
    results: str  # the result links, once there are some (Zensical's are in an open shadow root)
    index: tuple[str, ...]  # what the online site's pages fetch to search, from the site's root
    offline_index: str  # what the offline copy's search reads instead


SEARCH = {
    "mkdocs": SearchBox("input[data-md-component=search-query]", ".md-search-result__item > a",
                        ("search/search_index.json", "search/search_docs.json"), "search/search_index.js"),
    "zensical": SearchBox(".md-search__button", "a[role=option]", ("search.json",), "search.js"),
}


def plain(href: str) -> str:
    """A relative link as MkDocs writes it: Zensical writes "./page/" where MkDocs writes "page/"."""
    return href.removeprefix("./")


def search(page, builder: str, word: str) -> list[str]:
    """Open search, type `word` key by key; the hrefs of the results."""
    box = SEARCH[builder]
    page.click(box.opener)
    page.keyboard.type(word, delay=20)
    page.wait_for_selector(box.results)
    return page.eval_on_selector_all(box.results, "links => links.map(a => a.href)")


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 320, "height": 640}


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it stands, one line each."""
    # Evaluated, not added as a <script>: the site's policy refuses inline scripts it did not publish.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", AXE_TAGS)
    # A target inside a shadow root (Zensical's search) is a list: the host's selector, then its own.
    return [f"{rule['id']} ({rule['impact']}): {rule['help']}: "
            + "; ".join(" ".join(" >> ".join(part) if isinstance(part, list) else part for part in node["target"])
                        for node in rule["nodes"][:5])
            for rule in result["violations"]]


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def choose_palette(page, wanted: str) -> None:
    """Click the palette toggle in the header, as a reader does, until `wanted` shows."""
    for _ in range(3):  # the toggle cycles through three palettes: system, light, dark
        if scheme(page) == wanted:
            return
        page.locator('form[data-md-component="palette"] label:not([hidden])').click()
    assert scheme(page) == wanted


def site_pages(site: Path) -> list[str]:
    """Every page of a build, as paths relative to its root ("" is the home page).

    The 404 page is not a page, nor is the one-file edition, which the theme does not frame.
    """
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative == "404.html" or not BeautifulSoup(html.read_bytes(), "html.parser").select_one(".md-header"):
            continue
        pages.append(file_url(relative, offline=False))
    return pages


def every_page(built) -> list[str]:
    """site_pages(), and an unknown address, which the 404 page answers."""
    return site_pages(built.site) + ["no-such-page/"]
