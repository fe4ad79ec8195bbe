"""The page a publisher's preview shows after a save that does not build.

`mkdocs serve` would otherwise keep every page request waiting until the
mistake is fixed. Instead, every page of the last good build is replaced by
one that says what is wrong; the next good build writes the site again.
"""

from html import escape
from pathlib import Path

from trustsite.messages import ShortReport

TITLE = "The preview could not be built"

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 1rem/1.5 system-ui, sans-serif; margin: 0; padding: 1rem; color: #1a1a1a; background: #fff; }}
main {{ max-width: 48rem; margin: 0 auto; }}
li {{ margin: 0.5rem 0; overflow-wrap: anywhere; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #f0f0f0; background: #121212; }} }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>Fix this and save the file: this page then shows the site again by itself.</p>
<ul>
{problems}
</ul>
</main>
</body>
</html>
"""


def error_page(messages: list[str]) -> str:
    """A page listing `messages`, escaped, as short as a build's report."""
    report = ShortReport()
    shown = [message for message in messages if report.admit(message)] + report.rest()
    return _PAGE.format(title=TITLE, problems="\n".join(f"<li><code>{escape(line)}</code></li>" for line in shown))


def pages_in(site: Path) -> list[Path]:
    """Every HTML file of a built site, relative to it."""
    return sorted(path.relative_to(site) for path in site.rglob("*.html"))


def show_everywhere(site: Path, pages: list[Path], page: str) -> None:
    """Write `page` at each of `pages` and as the 404 page, whatever the failed build left there."""
    for relative in [*pages, Path("404.html")]:
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
