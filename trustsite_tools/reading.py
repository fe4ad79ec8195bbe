"""Figures for readers on a bad connection, on a metered plan and on a long read.

    python -m trustsite_tools.reading                 # the last build: site/ and dist/
    python -m trustsite_tools.reading --site S --one-file F  # default F: dist/<the site's file name>.html

Prints, in Chromium: the characters on a full line of body text at each width
(largest and 90th percentile, site and one-file edition), the size of table
text, what a first visit downloads with and without Save-Data (the worker's
background saving included, counted at the server), and the seconds to each
page's heading once the server hangs (accepts connections, never answers).
"""

import argparse
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from trustsite.browser import launch_chromium
from trustsite.settings import load_settings
from trustsite.sources import article_pages, page_calling
from trustsite.urls import page_url
from trustsite.whole_article import PAGE as WHOLE_ARTICLE_PAGE
from trustsite_tools.measure import BODY_TEXT, LINE_LENGTHS, TABLE_TEXT_SIZES
from trustsite_tools.project_copy import ROOT
from trustsite_tools.serve_static import StaticHostHandler, hanging, page_paths, serving

WIDTHS = [1024, 1280, 1440, 1920]
TABLE_WIDTHS = [320, 390, 1280, 1920]
HEADING = "article h1"
# The pages timed on a hanging network: the home page, a section, the whole article.
HANGING_PAGES = ["", page_url(article_pages(ROOT)[1], offline=False), page_url(WHOLE_ARTICLE_PAGE, offline=False)]
# The page that shows the methods table, as the sources say.
TABLE_PAGE = page_url(page_calling(ROOT, "methods"), offline=False)
GIVE_UP_SECONDS = 15


@contextmanager
def serving_counted(folder: Path, tally: dict):
    """`folder` served as a static host does, counting requests and bytes sent in `tally`."""
    class Counting(StaticHostHandler):
        def setup(self):
            super().setup()
            write = self.wfile.write

            def counted(data):
                tally["bytes"] += len(data)
                return write(data)
            self.wfile.write = counted

        # Counted once read: a connection the browser opens ahead and closes unused asks nothing.
        def parse_request(self):
            tally["requests"] += 1
            return super().parse_request()

    with serving(folder, Counting) as url:
        yield url


def percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def line_lengths(browser, addresses: list[str], width: int) -> list[int]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    lengths = []
    for address in addresses:
        page.goto(address)
        lengths += [n for element in page.evaluate(LINE_LENGTHS, BODY_TEXT) for n in element["full"]]
    page.close()
    return lengths


def report_measure(browser, url: str, site: Path, one_file: str) -> None:
    print("Characters on a full line of body text (each paragraph's last line left out)")
    print(f"{'width':>6} | {'site max':>8} | {'site p90':>8} | {'one-file max':>12} | {'one-file p90':>12}")
    # The site's pages, each an index.html: not the one-file edition beside them.
    pages = [url + path for path in page_paths(site, "index.html")]
    for width in WIDTHS:
        on_site = line_lengths(browser, pages, width)
        alone = line_lengths(browser, [one_file], width)
        print(f"{width:>6} | {max(on_site):>8} | {percentile(on_site, 0.9):>8} | "
              f"{max(alone):>12} | {percentile(alone, 0.9):>12}")


def report_tables(browser, url: str, one_file: str) -> None:
    print("\nTable text and captions, smallest computed size (px)")
    print(f"{'width':>6} | {'site':>6} | {'one-file':>8}")
    for width in TABLE_WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 800})
        sizes = []
        for address in (url + TABLE_PAGE, one_file):
            page.goto(address)
            sizes.append(min(page.evaluate(TABLE_TEXT_SIZES)))
        page.close()
        print(f"{width:>6} | {sizes[0]:>6} | {sizes[1]:>8}")


def report_save_data(browser, site: Path) -> None:
    print("\nA first visit to the home page, load and 10 s after, counted at the server")
    print(f"{'Save-Data':>9} | {'requests':>8} | {'bytes':>9} | {'caches':>6}")
    for save_data in (False, True):
        tally = {"requests": 0, "bytes": 0}
        context = browser.new_context()
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setDataSaverOverride", {"dataSaverEnabled": save_data})
        with serving_counted(site, tally) as url:
            page.goto(url)
            page.wait_for_timeout(10_000)
            caches = len(page.evaluate("caches.keys()"))
        context.close()
        print(f"{'on' if save_data else 'off':>9} | {tally['requests']:>8} | {tally['bytes']:>9,} | {caches:>6}")


def report_hanging(browser, site: Path) -> None:
    print(f"\nSeconds from navigation to the page's heading, server hanging (given up at {GIVE_UP_SECONDS} s)")
    context = browser.new_context()
    page = context.new_page()
    with serving(site) as url:
        page.goto(url)
        page.evaluate("""() => navigator.serviceWorker.controller || new Promise(resolve =>
            navigator.serviceWorker.addEventListener("controllerchange", resolve, {once: true}))""")
    port = int(url.rsplit(":", 1)[1].strip("/"))
    with hanging(port):
        for path in HANGING_PAGES:
            tab = context.new_page()
            tab.evaluate("address => { location.href = address }", url + path)
            try:
                tab.locator(HEADING).wait_for(timeout=GIVE_UP_SECONDS * 1000)
                seconds = f"{tab.evaluate('performance.now()') / 1000:.1f}"
            except Exception:  # Playwright's TimeoutError: the heading never showed
                seconds = f"> {GIVE_UP_SECONDS}"
            print(f"  /{path:<20} {seconds}")
            tab.close()
    context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--one-file", type=Path, help="the one-file edition (default: the last build's, in dist/)")
    args = parser.parse_args()
    one_file_path = args.one_file or ROOT / "dist" / load_settings(ROOT / "mkdocs.yml").file_names.one_file
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        with serving(args.site) as url:
            one_file = one_file_path.resolve().as_uri()
            report_measure(browser, url, args.site, one_file)
            report_tables(browser, url, one_file)
        report_save_data(browser, args.site)
        report_hanging(browser, args.site)
        browser.close()
    return 0


if __name__ == "__main__":
    started = time.monotonic()
    status = main()
    print(f"\n({time.monotonic() - started:.0f} s)")
    sys.exit(status)
