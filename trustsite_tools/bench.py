"""Benchmark: first-visit weight, search latency, build time, scaling and refusals.

    python -m trustsite_tools.bench           # everything: 5 build runs, 1x to the content budget
    python -m trustsite_tools.bench --quick   # 1 build run of each kind, 1x only (CI)

Prints a table for each figure and the commands it ran. The page-weight budget
holds the site's own code: what a page loads less its article's own text and
the publisher's pictures (each picture has a budget of its own), so a longer
article or a photo never fails a budget meant for markup, styles and scripts.
The last table says how fast the build refuses the hostile data files that
the tests hold only to a hang guard. It builds into a temporary folder and
leaves site/ and dist/ alone. Tools: Playwright's
Chromium, gzip (trustsite_tools/serve_static.py sends text gzipped, as GitHub Pages
does) and the kernel's rusage of each child process.

The stock reference is Material with `font: false` and the search plugin,
building the same docs/ (nav and Markdown extensions as this site). It also
runs the macros plugin, or the pages' tables would not render; it has none of
this site's hooks, so its whole-article page holds only its introduction.
"""

import argparse
import dataclasses
import inspect
import io
import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from unittest import mock
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import sync_playwright

from trustsite.browser import launch_chromium
from trustsite.build import check_sources, source_date_epoch
from trustsite.builders import RENDERERS, ZENSICAL_SETTING, zensical_program
from trustsite.check import MOST_MARKDOWN, MOST_PAGES
from trustsite.context import BuildContext
from trustsite.history.corrections import read_history
from trustsite.offline_copy.derive import derive_offline_copy
from trustsite.page_jinja import LARGEST_PAGE
from trustsite.publish import STEPS, Publication
from trustsite.publish.pages import RenderedSite
from trustsite.pictures import SUFFIXES
from trustsite.sources import article_units
# The hostile data files the tests refuse, held there only to a hang guard.
from trustsite_tools.hostile_data import HOSTILE_DATA, MEGABYTES, SECONDS
from trustsite_tools.project_copy import ROOT, copy_project, use_test_project
from trustsite_tools.serve_static import compressed, page_paths, serving

PYTHON = sys.executable
# `make build`'s command, run in a copy of the project.
BUILD = [PYTHON, "-m", "trustsite", "build"]
# Zensical's own venv (requirements-zensical.txt), for both its builds.
ZENSICAL = str(zensical_program(ROOT))
# What a page loads on a first visit, less its article's own text and pictures:
# the site's markup, styles, scripts and fonts, which the site's code decides.
BUDGET_KIB = 80
# Each publisher's picture, as the site publishes it (trustsite/pictures/__init__.py):
# a photograph 1,600 px wide at JPEG quality 82 is some 150-450 KB.
PICTURE_BUDGET_KIB = 500
SEARCH_BUDGET_MS = 50
BUILD_RATIO_BUDGET = 2.5


def common_words(count: int) -> list[str]:
    """The article's `count` commonest words of six letters or more, as the
    sources hold them today: words a reader might look up."""
    words = Counter(word.lower() for unit in article_units(ROOT) if not unit.added
                    for word in re.findall(r"(?<![\w'’-])[A-Za-z]{6,}(?![\w'’-])", unit.text))
    return [word for word, _ in sorted(words.items(), key=lambda item: (-item[1], item[0]))[:count]]


# The first starts search and is not counted; twenty are timed.
WARM_UP, *QUERIES = common_words(21)


# -- Processes --------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system seconds: steadier than wall time on a busy machine
    peak_mib: float


def run(command: list[str], cwd: Path, *, refused: bool = False, **env: str) -> Run:
    """Run `command`; its times and its peak resident memory (children included).

    It must succeed, or with `refused`, fail."""
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if bool(child.returncode) != refused:
        raise RuntimeError(f"{' '.join(command)} {'succeeded' if refused else 'failed'}:\n"
                           f"{output.decode(errors='replace')}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def shown(command: list[str], tmp: Path) -> str:
    text = " ".join(command).replace(PYTHON, "python").replace(str(tmp), "$TMP")
    return text.replace(str(Path(PYTHON).parent) + "/", "")  # tools in the venv by name


# -- Projects ------------------------------------------------------------------------

def write_stock_config(project: Path, name: str, site_dir: str, features: list[str]) -> str:
    """A stock Material configuration beside the project's own; its file name."""
    own = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    stock = {
        "site_name": own["site_name"],
        "site_dir": site_dir,
        "nav": own["nav"],
        "theme": {"name": "material", "font": False, "features": features},
        "markdown_extensions": own["markdown_extensions"],
        "plugins": ["search", {"macros": {"module_name": "macros"}}],
    }
    (project / name).write_text(yaml.safe_dump(stock, sort_keys=False), encoding="utf-8")
    return name


def article_pages(project: Path) -> list[Path]:
    return sorted((project / "docs").glob("*.md"))


def fill_to_text_budget(project: Path) -> int:
    """Lengthen the article's pages with its own paragraphs until they hold
    MOST_MARKDOWN bytes in all, or each is nearly LARGEST_PAGE; the bytes they hold.
    The budget's worst case: as much text as a build may read, in few pages."""
    pages = article_pages(project)
    texts = [page.read_text(encoding="utf-8") for page in pages]
    # Plain paragraphs only: a repeated heading, table call or footnote would change what is measured.
    paragraphs = [block for text in texts for block in text.split("\n\n")
                  if block.strip() and not block.lstrip().startswith(("#", "{", "|", "!", "?", "[^", "<"))]
    each = min(MOST_MARKDOWN // len(pages), LARGEST_PAGE - 4096)
    for page, text in zip(pages, texts):
        blocks, size = [text], len(text.encode())
        for block in itertools.cycle(paragraphs):
            if size + len(block.encode()) + 2 > each:
                break
            blocks.append(block)
            size += len(block.encode()) + 2
        page.write_text("\n\n".join(blocks), encoding="utf-8")
    return sum(page.stat().st_size for page in pages)


def scaling_sizes(project: Path) -> list[int]:
    """1x, 10x and the most copies of the article the content budget lets a build
    hold (trustsite.check: MOST_PAGES pages, MOST_MARKDOWN bytes of text)."""
    pages = article_pages(project)
    most = min(MOST_PAGES // len(pages), MOST_MARKDOWN // sum(page.stat().st_size for page in pages))
    return sorted({1, min(10, most), most})


def multiply_article(project: Path, times: int) -> int:
    """Add times-1 copies of every page under docs/copy-NNNN/; the number of pages.

    The copies call the same table macros, so every copy renders both tables.
    They stay out of the nav: Material writes the whole nav into every page,
    so a nav of N pages would make the output grow as N squared.
    """
    pages = article_pages(project)
    for copy in range(2, times + 1):
        folder = project / "docs" / f"copy-{copy:04d}"
        folder.mkdir()
        for page in pages:
            shutil.copyfile(page, folder / page.name)
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nnot_in_nav: /copy-*/\n")
    return len(pages) * times


# -- Pages in Chromium -------------------------------------------------------------------

@contextmanager
def chromium():
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


def sent_kib(response) -> float:
    """KiB of a response's body as the server sent it (Chromium reports no size for
    a worker's script, so the body is compressed here again as the server did)."""
    if 300 <= response.status < 400:  # a redirect: no body
        return 0
    body = response.body()
    return len(compressed(body, response.headers.get("content-type", "")) or body) / 1024


def transferred(responses: list) -> float:
    return sum(sent_kib(response) for response in responses)


# What holds the article's own words: a page's <article>, and each section of
# the one-file edition (whose pictures are inlined there, as data: addresses).
ARTICLE_HOLDERS = "article, section.whole-article__section"


def article_kib(html: bytes) -> float:
    """KiB of a page's gzipped HTML that its article's own content takes: the page
    gzipped with and without what ARTICLE_HOLDERS hold (gzip's bytes do not add
    up part by part). Both are written out by one parser, so only the content differs."""
    soup = BeautifulSoup(html, "html.parser")
    whole = str(soup).encode()
    for article in soup.select(ARTICLE_HOLDERS):
        article.clear()
    return (len(compressed(whole, "text/html")) - len(compressed(str(soup).encode(), "text/html"))) / 1024


@dataclass(frozen=True)
class Weight:
    """What one page loads on a first visit, in KiB, gzipped as a static host sends it."""
    total: float
    article: float  # of it, the article's own text: what the page's <article> holds
    pictures: dict[str, float]  # of it, each publisher's picture (a file from docs/), by address

    @property
    def own(self) -> float:
        """The site's own code: the budget's, however long the article or many its pictures."""
        return self.total - self.article - sum(self.pictures.values())


def first_visit(browser, site: Path, docs_dir: Path) -> dict[str, Weight]:
    """What each page loads with an empty cache, until the network is idle; `docs_dir`
    is where the pages' sources are, to tell the publisher's pictures from the site's files."""
    weights = {}
    with serving(site) as url:
        for page_path in page_paths(site):
            context = browser.new_context()  # a new context has an empty cache
            page = context.new_page()
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(url + page_path, wait_until="networkidle")
            foreign = [r.url for r in responses if not r.url.startswith(url)]
            assert not foreign, f"{page_path} loaded from other hosts: {foreign}"
            document = next(r for r in responses if r.request.resource_type == "document")
            pictures = {r.url.removeprefix(url): sent_kib(r) for r in responses
                        if r.url.removeprefix(url).lower().endswith(SUFFIXES)
                        and (docs_dir / unquote(urlsplit(r.url).path).lstrip("/")).is_file()}
            weights[page_path or "(home)"] = Weight(transferred(responses), article_kib(document.body()), pictures)
            context.close()
    return weights


def search_cost_and_latency(browser, site: Path) -> tuple[float, list[float]]:
    """KiB that the first use of search loads, and each query's latency in ms:
    from the key press that completes the query to the last change of the
    rendered results. The box holds the rest of the query already, as it
    would after a reader typed it: Material searches on each key release."""
    with serving(site) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.evaluate("""() => {
            window.__bench = {key: 0, render: 0}
            addEventListener("keydown", () => __bench.key = performance.now(), true)
            new MutationObserver(() => __bench.render = performance.now()).observe(
                document.querySelector("[data-md-component=search-result]"),
                {childList: true, subtree: true, characterData: true})
        }""")
        page.keyboard.press("/")
        latencies = []
        for query in [WARM_UP, *QUERIES]:
            page.fill("[data-md-component=search-query]", query[:-1])
            page.keyboard.press(query[-1])
            page.wait_for_function("""() => performance.now() - __bench.render > 300
                && __bench.render > __bench.key
                && document.querySelector('.md-search-result__item')""")
            latencies.append(page.evaluate("__bench.render - __bench.key"))
        page.wait_for_load_state("networkidle")
        cost = transferred(responses)
        context.close()
    return cost, latencies[1:]


# -- Report ------------------------------------------------------------------------------

def table(title: str, header: list[str], rows: list[list]) -> None:
    cells = [header, *[[str(cell) for cell in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for index, row in enumerate(cells):
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if index == 0:
            print("  " + "  ".join("-" * width for width in widths))


def verdict(ok: bool) -> str:
    return "within budget" if ok else "OVER BUDGET"


def report_first_visit(weights: dict[str, dict[str, Weight]], search_kib: float) -> None:
    sites = list(weights)
    ours = weights[sites[0]]
    table("First visit, empty cache, gzip -9 (KiB)", ["page", *sites],
          [[page, *(f"{weights[name][page].total:.1f}" if page in weights[name] else "0.0" for name in sites)]
           for page in ours])
    table("This site's first visits: the article's text and pictures, and the site's own code (KiB)",
          ["page", "all", "article text", "pictures", "own code"],
          [[page, f"{weight.total:.1f}", f"{weight.article:.1f}", f"{sum(weight.pictures.values()):.1f}",
            f"{weight.own:.1f}"] for page, weight in ours.items()])
    largest = {name: max(weight.own for weight in weight.values()) for name, weight in weights.items()}
    table(f"Largest first visit, own code (budget {BUDGET_KIB} KiB)", ["site", "KiB", "ratio to this site"],
          [[name, f"{kib:.1f}", f"{kib / largest[sites[0]]:.2f}"] for name, kib in largest.items()])
    print(f"  this site: {verdict(largest[sites[0]] <= BUDGET_KIB)}")
    pictures = dict(sorted({address: kib for weight in ours.values() for address, kib in weight.pictures.items()}
                           .items()))
    table(f"Pictures (budget {PICTURE_BUDGET_KIB} KiB each)", ["picture", "KiB"],
          [[address, f"{kib:.1f}"] for address, kib in pictures.items()])
    print(f"  pictures: {verdict(all(kib <= PICTURE_BUDGET_KIB for kib in pictures.values()))}"
          f" ({len(pictures)} on the pages)")
    print(f"  deferred: {search_kib:.1f} KiB (search worker and documents) load when the reader"
          " first focuses the search box, not on the first visit")


def report_search(latencies: list[float]) -> None:
    median = statistics.median(latencies)
    table(f"Search latency, key press to rendered results ({len(latencies)} queries, Chromium)",
          ["median ms", "min ms", "max ms"],
          [[f"{median:.1f}", f"{min(latencies):.1f}", f"{max(latencies):.1f}"]])
    print(f"  {verdict(median <= SEARCH_BUDGET_MS)} (budget {SEARCH_BUDGET_MS} ms)")


def report_builds(timings: dict[str, list[Run]], stock: str, beside: dict[str, str]) -> None:
    """Each of this site's builds against the stock mkdocs build (the budget), and
    against its own builder's stock build (`beside`), for reading."""
    wall = {name: statistics.median(run.seconds for run in runs) for name, runs in timings.items()}
    cpu = {name: statistics.median(run.cpu for run in runs) for name, runs in timings.items()}
    runs = len(timings[stock])
    table(f"Clean build, median of {runs} run(s); ratios to the stock mkdocs build",
          ["build", "wall s", "ratio", "CPU s", "ratio", "peak MiB"],
          [[name, f"{wall[name]:.2f}", f"{wall[name] / wall[stock]:.2f}",
            f"{cpu[name]:.2f}", f"{cpu[name] / cpu[stock]:.2f}",
            f"{max(run.peak_mib for run in timings[name]):.0f}"] for name in timings])
    for ours, theirs in beside.items():
        ratio = wall[ours] / wall[stock]
        own = f"; {wall[ours] / wall[theirs]:.2f}x {theirs}" if theirs != stock else ""
        print(f"  {ours}: {ratio:.2f}x {stock}, {verdict(ratio <= BUILD_RATIO_BUDGET)}"
              f" (budget {BUILD_RATIO_BUDGET}x){own}")


def build_grown_copy(tmp: Path, name: str, grow: Callable[[Path], int]) -> tuple[Run, int]:
    """A build of a copy of the project (in $TMP/name) that `grow` enlarged, and what `grow` returned."""
    grown = copy_project(tmp / name)
    size = grow(grown)
    # No time limit: a slow machine is measured, not stopped.
    result = run([*BUILD, "--site-dir", str(tmp / f"{name}-site"),
                  "--dist-dir", str(tmp / f"{name}-dist"), "--time-limit", "0"], grown)
    for built in (grown, tmp / f"{name}-site", tmp / f"{name}-dist"):
        shutil.rmtree(built)
    return result, size


def report_scaling(tmp: Path, sizes: list[int], one: Run, one_pages: int) -> None:
    """`one` is a build of the 1x article, already timed."""
    rows, per_copy = [], []
    for times in sizes:
        if times == 1:
            result, pages = one, one_pages
        else:
            result, pages = build_grown_copy(tmp, f"x{times}", lambda project: multiply_article(project, times))
        per_copy.append(result.cpu / times)
        rows.append([f"{times}x", pages, f"{result.seconds:.1f}", f"{result.cpu:.1f}",
                     f"{1000 * result.cpu / pages:.0f}", f"{result.peak_mib:.0f}"])
    table("Scaling: python -m trustsite build on N copies of the article (in $TMP/xN), "
          f"up to the content budget of {MOST_PAGES} pages",
          ["size", "pages", "wall s", "CPU s", "CPU ms per page", "peak MiB"], rows)
    if len(sizes) > 2:
        # Linear growth: one more copy costs the same however large the site is.
        steady = per_copy[-1] / per_copy[-2]
        print(f"  CPU per copy at {sizes[-1]}x / at {sizes[-2]}x = {steady:.2f}: "
              + ("linear" if steady < 1.25 else "faster than linear"))


def report_text_budget(tmp: Path, pages: int) -> None:
    result, size = build_grown_copy(tmp, "text-budget", fill_to_text_budget)
    table(f"The content budget's most text: the article's pages lengthened to {MOST_MARKDOWN / 2**20:g} MB "
          "(in $TMP/text-budget)", ["text", "pages", "wall s", "CPU s", "peak MiB"],
          [[f"{size:,} bytes", pages, f"{result.seconds:.1f}", f"{result.cpu:.1f}", f"{result.peak_mib:.0f}"]])


def step_name(step) -> str:
    """A publishing step's name: its function's, or the call its lambda makes ("figures_step.fit")."""
    if step.run.__name__ != "<lambda>":
        return step.run.__name__.strip("_")
    return inspect.getsource(step.run).split("lambda p:", 1)[1].split("(", 1)[0].strip().removeprefix("p.")


def report_publish_steps(tmp: Path, project: Path, runs: int) -> None:
    """Each publishing step's own time per page, over each builder's rendering of the
    1x article: the online site, and the offline copy derived from it."""
    settings = check_sources(project)
    online = BuildContext(project, settings, "mkdocs", source_date_epoch(project), read_history(project))
    names = [step_name(step) for step in STEPS] + ["(all steps)"]
    columns, header = [], ["step"]
    for builder in RENDERERS:
        context = dataclasses.replace(online, builder=builder)
        rendered = tmp / f"steps-{builder}"
        with mock.patch.dict(os.environ, {ZENSICAL_SETTING: ZENSICAL}):  # the project's, from its copy
            RENDERERS[builder]()(rendered, context)
        for offline in (False, True):
            seconds = [[] for _ in STEPS]
            for number in range(runs):
                folder = tmp / f"steps-{builder}-{offline}-{number}"
                if offline:
                    derive_offline_copy(rendered, folder, settings.docs_dir)
                else:
                    shutil.copytree(rendered, folder)
                site = RenderedSite.read(folder, settings, offline=offline, preview=False)
                publication = Publication(site, pdf=False, epoch=context.epoch, repository=None,
                                          history=context.history)
                for index, step in enumerate(STEPS):
                    started = time.perf_counter()
                    with redirect_stdout(io.StringIO()):  # the build's notices, once a run
                        step.run(publication)
                    seconds[index].append(time.perf_counter() - started)
                shutil.rmtree(folder)
            pages = len(site.pages)
            medians = [1000 * statistics.median(times) / pages for times in seconds]
            columns.append([f"{value:.2f}" for value in medians] + [f"{sum(medians):.2f}"])
            header.append(f"{builder} {'offline' if offline else 'online'}")
        shutil.rmtree(rendered)
    table(f"Publishing steps, ms per page (median of {runs} run(s); trustsite/publish/__init__.py, STEPS)",
          header, [[name, *(column[row] for column in columns)] for row, name in enumerate(names)])


def report_hostile_data(tmp: Path, runs: int) -> None:
    """How fast and in how little memory the build refuses each hostile data file."""
    rows = []
    for case, (mutate, _) in HOSTILE_DATA.items():
        # Each case breaks a row of the tests' own small project, not the article.
        project = use_test_project(copy_project(tmp / f"hostile-{case}"))
        mutate(project)
        command = [*BUILD, "--site-dir", str(tmp / "hostile-site"),
                   "--dist-dir", str(tmp / "hostile-dist")]
        timed = [run(command, project, refused=True) for _ in range(runs)]
        rows.append([case, f"{statistics.median(r.seconds for r in timed):.2f}",
                     f"{statistics.median(r.cpu for r in timed):.2f}", f"{max(r.peak_mib for r in timed):.0f}"])
        shutil.rmtree(project)
    table(f"Hostile data refused, median of {runs} run(s) (trustsite_tools/hostile_data.py)",
          ["case", "wall s", "CPU s", "peak MiB"], rows)
    print(f"  the tests fail a case only past {SECONDS} s (a hang, not a slow machine) or {MEGABYTES} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="one build of each kind and the 1x article only, not the content budget")
    args = parser.parse_args()
    runs = 1 if args.quick else 5

    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        tmp = Path(temp)
        project = copy_project(tmp / "project")
        ours = "this site (both builds + archive)"
        ours_zensical = "this site with Zensical (both builds + archive)"
        stock = "stock mkdocs build"
        stock_zensical = "zensical build (stock config)"
        commands = {
            ours: [*BUILD, "--site-dir", str(tmp / "site"),
                   "--dist-dir", str(tmp / "dist")],
            ours_zensical: [*BUILD, "--builder", "zensical",
                            "--site-dir", str(tmp / "site-z"), "--dist-dir", str(tmp / "dist-z")],
            stock: [PYTHON, "-m", "mkdocs", "build", "--clean", "-q", "-f",
                    write_stock_config(project, "stock.yml", "site-stock", [])],
            "stock + instant mkdocs build":
                [PYTHON, "-m", "mkdocs", "build", "--clean", "-q", "-f",
                 write_stock_config(project, "stock-instant.yml", "site-instant",
                                    ["navigation.instant"])],
            stock_zensical:
                [ZENSICAL, "build", "--clean", "-f",
                 write_stock_config(project, "zensical.yml", "site-zensical", [])],
        }
        print(f"Commands, run in $TMP/project (a copy of the project; $TMP = {tmp}):")
        for command in commands.values():
            print("  " + shown(command, tmp))
        timings = {name: [] for name in commands}
        for _ in range(runs):  # interleaved, so a busy moment slows every kind alike
            for name, command in commands.items():
                # The stock builds' macros module imports trustsite from the project.
                timings[name].append(run(command, project, PYTHONPATH=str(project), **{ZENSICAL_SETTING: ZENSICAL}))

        sites = {"this site": tmp / "site", "stock Material": project / "site-stock",
                 "stock + instant": project / "site-instant"}
        with chromium() as browser:
            weights = {name: first_visit(browser, site, project / "docs") for name, site in sites.items()}
            search_kib, latencies = search_cost_and_latency(browser, tmp / "site")

        report_first_visit(weights, search_kib)
        report_search(latencies)
        report_builds(timings, stock, {ours: stock, ours_zensical: stock_zensical})
        one = sorted(timings[ours], key=lambda run: run.cpu)[runs // 2]  # the median run
        report_publish_steps(tmp, project, runs)
        pages = len(article_pages(project))
        report_scaling(tmp, [1] if args.quick else scaling_sizes(project), one, pages)
        if not args.quick:
            report_text_budget(tmp, pages)
        report_hostile_data(tmp, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
