"""One-line build errors for publishers, and no chatter.

mkdocs-macros reports a failing macro call with a full Python traceback. This
hook rewrites that report as one line naming the page, the line and the problem.
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

from trustsite.build_kind import is_preview
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


def _replace_filter(logger_name: str, new: logging.Filter) -> None:
    # Builds that share a process load this hook afresh each time, so replace any earlier filter.
    logger = logging.getLogger(logger_name)
    for old in [f for f in logger.filters if type(f).__name__ == type(new).__name__]:
        logger.removeFilter(old)
    logger.addFilter(new)


def on_startup(command, dirty):
    # Once, before any build: MkDocs has set its log level from --verbose by now.
    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG:
        logging.getLogger(MACROS_LOGGER).setLevel(logging.WARNING)


def on_config(config):
    # In a preview a mistake must not stop the server: mkdocs-macros would exit
    # the process. The error is still shown, and the next save rebuilds.
    if is_preview():
        config.plugins["macros"].config["on_error_fail"] = False
    _replace_filter(MACROS_LOGGER, _OneLineMacroError(config.docs_dir))
    _replace_filter(LINKS_LOGGER, _LinkWithItsLine(config.docs_dir))
    _replace_filter(BUILD_LOGGER, _PageByItsPath(config.docs_dir))
