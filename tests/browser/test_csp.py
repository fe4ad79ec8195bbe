"""The Content-Security-Policy: trustsite.policy on small pages, every published
page read back, and a real Chromium that keeps to the policy and is held by it."""

import base64
import hashlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup

from tests.support.article import search_word
from tests.support.built_site import every_page
from tests.support.project import both_builders, copy_project, run_build
from tests.support.reader import search
from trustsite.policy import inline_hash, with_policy

POLICY_META = {"http-equiv": "Content-Security-Policy"}
PALETTE_TOGGLE = "form[data-md-component=palette] label:not([hidden])"
# Before any script of the page runs, every violation the page reports is listed.
RECORD_VIOLATIONS = """document.addEventListener("securitypolicyviolation", event =>
  (window.__violations ||= []).push(event.effectiveDirective + " " + event.blockedURI))"""
# The only sources a directive may name, but for hashes (in script-src and style-src) and data: (in img-src).
KEYWORDS = {"'self'", "'none'"}


def page_html(head: str, body: str = "") -> str:
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n{head}\n</head>\n'
            f"<body>{body}</body>\n</html>")


def policy_of(html: str) -> dict[str, list[str]]:
    """The policy in the page's <meta>, as {directive: [sources]}."""
    (meta,) = BeautifulSoup(html, "html.parser").find_all("meta", attrs=POLICY_META)
    return {name: sources for name, *sources in
            (directive.split() for directive in meta["content"].split(";"))}


def sha256_source(text: str) -> str:
    """How CSP writes a script's hash: base64 of SHA-256 over its UTF-8 text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def effective(policy: dict[str, list[str]], directive: str) -> list[str]:
    """What a directive allows: where the policy leaves it out, its default-src,
    or for base-uri and form-action, which do not fall back, anything ([])."""
    fallback = [] if directive in ("base-uri", "form-action") else policy.get("default-src", [])
    return policy.get(directive, fallback)


def hashes_in(policy: dict[str, list[str]]) -> set[str]:
    """The inline scripts the policy allows, by their hashes."""
    return {source for source in effective(policy, "script-src") if source.startswith("'sha256-")}


# -- trustsite.policy ------------------------------------------------------------------

def test_the_hash_is_the_one_the_csp_specification_gives():
    # CSP Level 2, section 7.15.2: the example script and its hash.
    assert inline_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_only_the_scripts_a_browser_runs_are_hashed():
    runs = ["var plain = 1", "var typed = 2", "var module = 3"]
    html = page_html(
        f"<script>{runs[0]}</script><script type='text/javascript'>{runs[1]}</script>"
        f"<script type=module>{runs[2]}</script>"
        '<script src="app.js">var ignored = 4</script>'
        '<script id="__config" type="application/json">{"base": "."}</script>'
        '<script type="application/ld+json">{"@type": "Article"}</script>')
    assert hashes_in(policy_of(with_policy(html))) == {sha256_source(text) for text in runs}


def test_each_script_is_hashed_as_written_to_the_last_character():
    # A "</" inside the text, a character reference left as text, non-ASCII, and an end space.
    texts = ['document.title = "</b>"', "var a = '&amp;'",
             "var word = 'café “quoted” 😀'", "var end = 1 "]
    html = page_html("".join(f"<script>{text}</script>" for text in texts))
    assert hashes_in(policy_of(with_policy(html))) == {sha256_source(text) for text in texts}


def test_line_ends_are_hashed_as_the_browser_reads_them():
    # The HTML parser turns CR LF and lone CR into LF before the script sees its text.
    html = page_html("<script>var a = 1;\r\nvar b = 2;\rvar c = 3;\n</script>")
    assert hashes_in(policy_of(with_policy(html))) == {sha256_source("var a = 1;\nvar b = 2;\nvar c = 3;\n")}


def test_the_policy_comes_right_after_meta_charset():
    html = page_html('<meta name="viewport" content="width=device-width"><script>var a = 1</script>')
    head = BeautifulSoup(with_policy(html), "html.parser").head.find_all(recursive=False)
    assert head[0].has_attr("charset") and head[1].get("http-equiv") == POLICY_META["http-equiv"]


@pytest.mark.parametrize("html", [
    "<!doctype html><html><head><title>t</title><script>var a = 1</script></head></html>",
    '<!doctype html><html><head><script>var a = 1</script><meta charset="utf-8"></head></html>',
], ids=["no meta charset", "script before meta charset"])
def test_a_page_the_policy_could_not_cover_is_refused(html):
    with pytest.raises(ValueError, match="meta charset"):
        with_policy(html)


def test_chromium_runs_every_script_the_policy_hashes(browser):
    scripts = ["/* café “quoted” 😀 */ (window.ran ||= []).push(0)",
               "(window.ran ||= []).push(1)\r\n// CR LF line ends\r\n",
               '(window.ran ||= []).push("</b>" && 2)',
               "(window.ran ||= []).push(3) // &amp; is text here"]
    body = "".join(f"<script>{text}</script>" for text in scripts)
    html = with_policy(page_html('<script type="application/json">{"a": 1}</script>', body))
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    context.route("http://csp.test/", lambda route: route.fulfill(
        body=html.encode("utf-8"), content_type="text/html; charset=utf-8"))
    page = context.new_page()
    page.goto("http://csp.test/")
    ran, violations = page.evaluate("[window.ran, window.__violations || []]")
    context.close()
    assert (ran, violations) == (list(range(len(scripts))), [])


# -- The published pages ----------------------------------------------------------------

# The floor every page's policy keeps to: as the issue asks, or stricter ('none').
FLOOR = {"default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"]}


def policy_problems(policy: dict[str, list[str]]) -> list[str]:
    problems = [f"{directive} is {effective(policy, directive)}, weaker than {floor}"
                for directive, floor in FLOOR.items() if effective(policy, directive) not in (floor, ["'none'"])]
    for directive, sources in policy.items():
        allowed = KEYWORDS | ({"data:"} if directive == "img-src" else set())
        hashes = directive in ("script-src", "style-src")
        problems += [f"{directive} allows {source}" for source in sources
                     if source not in allowed and not (hashes and source.startswith("'sha256-"))]
    return problems


def inline_scripts(soup: BeautifulSoup) -> list[str]:
    """The text of each script on the page that a browser runs."""
    return [script.string or "" for script in soup.find_all("script")
            if not script.has_attr("src") and script.get("type", "") in ("", "text/javascript", "module")]


@both_builders
def test_every_online_page_allows_exactly_its_own_inline_scripts(built):
    # Every HTML file a reader can open on the site, 404 page and any stand-alone document included.
    pages = sorted(built.site.rglob("*.html"))
    assert built.site / "404.html" in pages
    problems = []
    for path in pages:
        name = str(path.relative_to(built.site))
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        first, second = soup.head.find_all(recursive=False)[:2]
        if not (first.has_attr("charset") and second.get("http-equiv") == POLICY_META["http-equiv"]):
            problems.append(f"{name}: the policy is not the first element after <meta charset>")
            continue
        policy = policy_of(str(soup))
        problems += [f"{name}: {problem}" for problem in policy_problems(policy)]
        if hashes_in(policy) != {sha256_source(text) for text in inline_scripts(soup)}:
            problems.append(f"{name}: the hashes are not those of its {len(inline_scripts(soup))} inline scripts")
    assert not problems, "\n".join(problems)


def test_a_theme_script_before_meta_charset_stops_the_build_in_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    template = project / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8")
                        + "{% block site_meta %}<script>var early = 1</script>{{ super() }}{% endblock %}\n",
                        encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert re.search(r"^ERROR +- +[\w/.-]+\.html: a <script> comes before <meta charset>",
                     result.output, re.M), result.output


@both_builders
def test_the_offline_copy_has_no_policy(offline_copy):
    # Its search runs in iframe-worker's iframe, which inherits a page's policy
    # and runs an inline script written at run time; see trustsite/policy/policy_step.py.
    pages = sorted(offline_copy.rglob("*.html"))
    assert pages
    assert not [path.name for path in pages if "Content-Security-Policy" in path.read_text(encoding="utf-8")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_preview_has_no_policy(tmp_path):
    # `mkdocs serve` adds its live-reload script after every hook; a policy would refuse it.
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload",
                               "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    html = response.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "mkdocs serve did not start"
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "livereload(" in html  # the preview's page, live-reload script and all
    assert "Content-Security-Policy" not in html


# -- In Chromium ---------------------------------------------------------------------------

def violations(page) -> list[str]:
    return page.evaluate("window.__violations || []")


@both_builders
def test_reading_toggling_and_searching_break_no_policy(browser, built, hosted):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    word, _ = search_word()
    found = []
    for path in every_page(built):
        page.goto(hosted + path)
        assert page.locator("meta[http-equiv=Content-Security-Policy]").count() == 1, path
        # The toggle shows the next palette's label once the theme's script has switched.
        shown = page.get_attribute(PALETTE_TOGGLE, "for")
        page.click(PALETTE_TOGGLE)
        assert page.get_attribute(PALETTE_TOGGLE, "for") != shown, path
        search(page, built.builder, word)
        found += [f"{path or '/'}: {violation}" for violation in violations(page)]
    context.close()
    assert not found, "\n".join(found)


@both_builders
def test_a_script_put_into_a_page_does_not_run(browser, hosted):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(hosted)
    page.evaluate("""() => {
      const script = document.createElement("script")
      script.text = "window.injected = true"
      document.body.append(script)
    }""")
    page.wait_for_function("() => window.__violations")
    assert (page.evaluate("window.injected"), violations(page)) == (None, ["script-src-elem inline"])
    context.close()


ELSEWHERE = "http://third-party.test/pixel"


def catching_elsewhere(browser, **options):
    """A context that records violations, and catches (and ends) any request for ELSEWHERE."""
    context = browser.new_context(**options)
    context.add_init_script(RECORD_VIOLATIONS)
    sent = []
    context.route(ELSEWHERE, lambda route: (sent.append(route.request.url), route.abort()))
    return context, sent


def fetch_elsewhere(page) -> str:
    """How a fetch of ELSEWHERE from `page` ends."""
    return page.evaluate("url => fetch(url).then(() => 'fetched', error => error.name)", ELSEWHERE)


@both_builders
def test_a_fetch_to_another_host_is_refused_by_the_policy(browser, hosted):
    context, sent = catching_elsewhere(browser)
    page = context.new_page()
    page.goto(hosted)
    assert fetch_elsewhere(page) == "TypeError"
    page.wait_for_function("() => window.__violations")
    assert (violations(page), sent) == ([f"connect-src {ELSEWHERE}"], [])
    context.close()
    # With the policy ignored the same fetch does leave the page (to be caught
    # here): so above it was the policy, not the network, that refused it.
    context, sent = catching_elsewhere(browser, bypass_csp=True)
    page = context.new_page()
    page.goto(hosted)
    assert (fetch_elsewhere(page), sent) == ("TypeError", [ELSEWHERE])
    context.close()
