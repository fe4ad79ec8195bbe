"""Headless Chromium for printing the PDF and for the browser tests."""

import shutil
from pathlib import Path

# Flags that keep Chromium from calling home (there is no network to call).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-default-apps"]
NO_CHROMIUM = "no Chromium: install Debian's chromium package"


def chromium_path(playwright) -> str | None:
    """Playwright's own Chromium if it is installed, or else Debian's `chromium`, or None."""
    if Path(playwright.chromium.executable_path).exists():
        return playwright.chromium.executable_path
    return shutil.which("chromium")


def launch_chromium(playwright):
    executable = chromium_path(playwright)
    if executable is None:
        raise RuntimeError(NO_CHROMIUM)
    return playwright.chromium.launch(args=CHROMIUM_ARGS, executable_path=executable)
