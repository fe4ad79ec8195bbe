"""Shared fixtures: one real build of the project, a real Chromium, and the
build served and unzipped. The helpers they share with the tests are in
tests/support/."""

import shutil
from pathlib import Path

import pytest

from tests.support.project import Build, build_project, unzip_offline_copy
from tests.support.server import serve
from trustsite.browser import NO_CHROMIUM, chromium_path, launch_chromium
from trustsite.publish.pages import Page
from trustsite_tools.project_copy import ROOT, copy_project

# The tiers that need no browser and no HTML checker.
NEEDS_NO_TOOLS = ("tests/unit", "tests/contracts")
NO_JAVA = "no Java, which the HTML checker needs: install Debian's default-jre-headless"


def missing_tools() -> list[str]:
    """What the browser and HTML tests need and this machine lacks."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        missing = [] if chromium_path(playwright) else [NO_CHROMIUM]
    return missing + ([] if shutil.which("java") else [NO_JAVA])


def pytest_sessionstart(session):
    # The unit and contract tiers need neither: `make test-fast` runs anywhere.
    asked = [Path(arg.split("::")[0]).resolve() for arg in session.config.args]
    if all(any(path.is_relative_to(ROOT / tier) for tier in NEEDS_NO_TOOLS) for path in asked):
        return
    # At once, in one line, rather than as a traceback in each of fifty tests minutes later.
    if missing := missing_tools():
        raise pytest.UsageError("make test cannot run here: " + "; ".join(missing))


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


_copies: dict[str, Path] = {}


@pytest.fixture(scope="session")
def offline_copy(built, tmp_path_factory) -> Path:
    """The offline archive of `built`, unzipped."""
    if built.builder not in _copies:
        _copies[built.builder] = unzip_offline_copy(built.dist / built.names.archive, tmp_path_factory.mktemp(f"offline-{built.builder}"))
    return _copies[built.builder]
