"""Headless Chromium for printing the PDF and for the browser tests."""

import shutil
from pathlib import Path

# Flags that keep Chromium from calling home (there is no network to call).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-default-apps"]


def launch_chromium(playwright):
    """Playwright's own Chromium if it is installed, or else Debian's `chromium`."""
    options = {}
    if not Path(playwright.chromium.executable_path).exists():
        system = shutil.which("chromium")
        if system is None:
            raise RuntimeError("no Chromium: install Debian's chromium package")
        options["executable_path"] = system
    return playwright.chromium.launch(args=CHROMIUM_ARGS, **options)
