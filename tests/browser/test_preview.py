"""`make serve`, the publisher's preview: after a save it shows the rebuild and
its time, and any warning or error, but none of mkdocs-macros' INFO chatter;
a mistake does not stop it but shows on every page until the next good save;
and it never registers a service worker."""

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.support.article import site_path
from tests.support.project import MISSPELT_FIELD, MISSPELT_MESSAGE, copy_project
from trustsite.sources import article_pages

STARTUP_TIMEOUT = 180  # seconds for the first build
REBUILD_TIMEOUT = 120
# All a publisher should see after saving a page, apart from warnings and errors.
REBUILD_LINES = [re.compile(pattern) for pattern in (
    r"INFO    -  \[\d\d:\d\d:\d\d\] Detected file changes",
    r"INFO    -  Building documentation\.\.\.",
    # Printed once a process to a publisher; every time here (PYTHONWARNINGS, below).
    r"INFO    -  Cleaning site directory",
    r"INFO    -  Documentation built in [\d.]+ seconds",
    r"INFO    -  \[\d\d:\d\d:\d\d\] Reloading (browsers|page: .*)",
)]
# Straight to the local server, whatever proxy the environment names.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """`make serve` running in a project, its output read line by line."""

    def __init__(self, project, port: int) -> None:
        # The Makefile's own recipe; -o keeps make from setting up a .venv/ in the copy.
        self.process = subprocess.Popen(
            ["make", "-o", ".venv/.installed", "serve", f"PY={sys.executable}", f"DEV_ADDR=127.0.0.1:{port}"],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1",
                                         # Any warning option keeps MkDocs from printing each message
                                         # once a process: a rebuild exactly as quick as an earlier
                                         # one would show no "Documentation built in 1.03 seconds".
                                         "PYTHONWARNINGS": "ignore::DeprecationWarning"})
        self.lines: list[str] = []
        self._new: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._new.put(line.rstrip("\n"))
        self._new.put(None)  # the process has ended

    def wait_for(self, pattern: str, timeout: float) -> str:
        """The next line that matches `pattern`; fails after `timeout` seconds or if make ends."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._new.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                pytest.fail("make serve ended:\n" + "\n".join(self.lines))
            self.lines.append(line)
            if re.search(pattern, line):
                return line
        pytest.fail(f"no line matching {pattern!r} in {timeout} s:\n" + "\n".join(self.lines))

    def stop(self) -> None:
        """End make and the MkDocs server it started: the whole process group."""
        for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
                self.process.wait(timeout=grace)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
        self._reader.join(timeout=10)


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project", "Makefile")


def test_a_save_shows_the_rebuild_and_no_macros_chatter(project):
    port = free_port()
    preview = Preview(project, port)
    try:
        served = preview.wait_for(r"Serving on (http://\S+)", STARTUP_TIMEOUT)
        address = re.search(r"Serving on (http://\S+)", served).group(1)
        with OPENER.open(address, timeout=30) as response:
            assert response.status == 200 and f"127.0.0.1:{port}" in address

        name = article_pages(project)[-1]
        page = project / "docs" / name
        saved_at = len(preview.lines)
        page.write_text(page.read_text(encoding="utf-8") + "\nA sentence saved while previewing.\n",
                        encoding="utf-8")
        preview.wait_for(r"Reloading (browsers|page)", REBUILD_TIMEOUT)
        after_save = preview.lines[saved_at:]

        # A macro error after that still reaches the publisher, on one line,
        # and the preview waits for the fix instead of stopping.
        errors_at = len(preview.lines)
        good = page.read_text(encoding="utf-8")
        page.write_text(good + '\n{{ data_table("nope") }}\n', encoding="utf-8")
        error = preview.wait_for(r"^ERROR", REBUILD_TIMEOUT)
        page.write_text(good, encoding="utf-8")
        preview.wait_for(r"shows this mistake on every page", REBUILD_TIMEOUT)
        # The fix rebuilds, and the reload after it marks the end.
        preview.wait_for(r"Building documentation", REBUILD_TIMEOUT)
        fixed_at = len(preview.lines)
        preview.wait_for(r"Reloading (browsers|page)", REBUILD_TIMEOUT)
    finally:
        preview.stop()

    assert any("Documentation built in" in line for line in after_save), after_save
    assert not any("mistake" in line or line.startswith("ERROR") for line in preview.lines[fixed_at:])
    assert [line for line in after_save if "[macros]" in line] == []
    assert [line for line in after_save if not any(p.fullmatch(line) for p in REBUILD_LINES)] == []
    assert f"docs/{name}" in error and "there is no table 'nope'" in error, preview.lines[errors_at:]


def test_the_preview_registers_no_service_worker(project, browser):
    """A publisher's preview must always show the latest edit, never a saved copy."""
    preview = Preview(project, free_port())
    try:
        served = preview.wait_for(r"Serving on (http://\S+)", STARTUP_TIMEOUT)
        address = re.search(r"Serving on (http://\S+)", served).group(1)
        html = OPENER.open(address, timeout=30).read().decode("utf-8")
        with pytest.raises(urllib.error.HTTPError) as missing:
            OPENER.open(address + "sw.js", timeout=30)
        page = browser.new_page()
        page.goto(address, wait_until="load")
        registrations = page.evaluate("navigator.serviceWorker.getRegistrations().then(all => all.length)")
        page.close()
    finally:
        preview.stop()
    assert "offline-reading.js" not in html and 'rel="manifest"' not in html
    assert missing.value.code == 404
    assert registrations == 0


def test_a_mistake_shows_on_every_page_until_the_next_good_save(project, browser):
    preview = Preview(project, free_port())
    methods = project / "data" / "methods.yml"
    good = methods.read_text(encoding="utf-8")
    try:
        served = preview.wait_for(r"Serving on (http://\S+)", STARTUP_TIMEOUT)
        address = re.search(r"Serving on (http://\S+)", served).group(1)
        page = browser.new_page()
        page.goto(address + site_path(article_pages(project)[-1]), wait_until="load")
        good_heading = page.locator("h1").first.inner_text()

        methods.write_text(MISSPELT_FIELD, encoding="utf-8")
        preview.wait_for(r"shows this mistake on every page", REBUILD_TIMEOUT)
        # The open page reloads by itself; another page opened now says the same.
        page.wait_for_function("document.title === 'The preview could not be built'", timeout=30_000)
        reloaded = page.locator("main").inner_text()
        other = browser.new_page()
        other.goto(address, wait_until="load", timeout=30_000)
        opened = other.locator("main").inner_text()

        methods.write_text(good, encoding="utf-8")
        preview.wait_for(r"Documentation built", REBUILD_TIMEOUT)
        page.wait_for_function("document.title !== 'The preview could not be built'", timeout=30_000)
        fixed_heading = page.locator("h1").first.inner_text()
        page.close()
        other.close()
    finally:
        preview.stop()
    assert MISSPELT_MESSAGE in reloaded and MISSPELT_MESSAGE in opened
    assert fixed_heading == good_heading != "The preview could not be built"


def test_a_page_added_during_the_preview_shows_the_mistake_too(project, browser):
    """The error page goes over every page there is at the failed save, not only
    those of the preview's last good build: a page added since shows it too."""
    preview = Preview(project, free_port())
    added = project / "docs" / "added-while-previewing.md"
    try:
        served = preview.wait_for(r"Serving on (http://\S+)", STARTUP_TIMEOUT)
        address = re.search(r"Serving on (http://\S+)", served).group(1)
        added.write_text("# A page added while previewing\n\nIts first sentence.\n", encoding="utf-8")
        preview.wait_for(r"Reloading (browsers|page)", REBUILD_TIMEOUT)
        (project / "data" / "methods.yml").write_text(MISSPELT_FIELD, encoding="utf-8")
        preview.wait_for(r"shows this mistake on every page", REBUILD_TIMEOUT)
        page = browser.new_page()
        page.goto(address + site_path(added.name), wait_until="load", timeout=30_000)
        title, shown = page.title(), page.locator("main").inner_text()
        page.close()
    finally:
        preview.stop()
    assert title == "The preview could not be built"
    assert MISSPELT_MESSAGE in shown
