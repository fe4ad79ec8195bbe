"""One-line build errors for publishers, and no chatter.

mkdocs-macros reports a failing macro call with a full Python traceback. The
plugin (site_plugin.py) rewrites that report as one line naming the page, the line and the problem.
It rewrites MkDocs' link warnings the same way, with the link's line, and its
"Error reading page 'x.md'" as "docs/x.md" (trustsite/messages.py). And it
silences mkdocs-macros' INFO lines (the module and functions it found...),
six on every build and on every save under `mkdocs serve`; its warnings and
errors still show, and `--verbose` shows everything.
"""

import logging
import sys
import traceback
from pathlib import Path

from mkdocs.utils.meta import get_data

from trustsite.messages import BROKEN_LINKS, MACROS_ERROR, MACROS_LOGGER, MACROS_PAGE, LinkProblems, page_problem

# The logger MkDocs reports links it cannot follow to.
LINKS_LOGGER = "mkdocs.structure.pages"
# The logger MkDocs names a failing page to.
BUILD_LOGGER = "mkdocs.commands.build"


def _template_line(error: BaseException) -> int | None:
    """The page line Jinja was rendering when `error` was raised."""
    if getattr(error, "lineno", None):
        return error.lineno
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


def _front_matter_lines(page: Path) -> int:
    """Lines before the Markdown body: macros number lines from the body."""
    source = page.read_text(encoding="utf-8")
    body, _ = get_data(source)
    return source[: len(source) - len(body)].count("\n")


class _OneLineMacroError(logging.Filter):
    def __init__(self, docs_dir: str) -> None:
        super().__init__()
        self.docs_dir = Path(docs_dir)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        error = sys.exc_info()[1]
        page = MACROS_PAGE.search(message)
        if error is not None and page and MACROS_ERROR.search(message):
            line = _template_line(error)
            if line:
                line += _front_matter_lines(self.docs_dir / page.group(1))
            where = f"{self.docs_dir.name}/{page.group(1)}" + (f", line {line}" if line else "")
            record.msg, record.args = f"{where}: {error}", ()
            record.levelno, record.levelname = logging.ERROR, "ERROR"
        return True


class _LinkWithItsLine(logging.Filter):
    def __init__(self, docs_dir: str) -> None:
        super().__init__()
        self.links = LinkProblems(Path(docs_dir))

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and (message := self.links.rewrite(record.getMessage())):
            record.msg, record.args = message, ()
            record.problem_kind = BROKEN_LINKS
        return True


class _PageByItsPath(logging.Filter):
    def __init__(self, docs_dir: str) -> None:
        super().__init__()
        self.docs = Path(docs_dir).name

    def filter(self, record: logging.LogRecord) -> bool:
        message = page_problem(record.getMessage(), self.docs)
        if message is not None:
            record.msg, record.args = message, ()
        return message != ""


class LogRewrites:
    """The rewriting filters on MkDocs' and mkdocs-macros' loggers, and
    mkdocs-macros' INFO lines silenced: changes to other libraries' loggers,
    so each is undone by `remove`, when the plugin's builds are over."""

    def __init__(self) -> None:
        self._filters: list[tuple[logging.Logger, logging.Filter]] = []
        self._macros_level: int | None = None

    def quiet_macros(self) -> None:
        """Silence mkdocs-macros' INFO lines, unless MkDocs was asked for --verbose
        (by now MkDocs has set its log level from it)."""
        macros = logging.getLogger(MACROS_LOGGER)
        if self._macros_level is None and logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG:
            self._macros_level = macros.level
            macros.setLevel(logging.WARNING)

    def rewrite_for(self, docs_dir: str) -> None:
        """Rewrite the messages about the pages of `docs_dir`, in place of any earlier build's."""
        self._remove_filters()
        for name, new in ((MACROS_LOGGER, _OneLineMacroError(docs_dir)), (LINKS_LOGGER, _LinkWithItsLine(docs_dir)),
                          (BUILD_LOGGER, _PageByItsPath(docs_dir))):
            logger = logging.getLogger(name)
            logger.addFilter(new)
            self._filters.append((logger, new))

    def _remove_filters(self) -> None:
        for logger, old in self._filters:
            logger.removeFilter(old)
        self._filters.clear()

    def remove(self) -> None:
        """Every logger as it was before."""
        self._remove_filters()
        if self._macros_level is not None:
            logging.getLogger(MACROS_LOGGER).setLevel(self._macros_level)
            self._macros_level = None
