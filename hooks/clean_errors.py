"""One-line build errors for publishers.

mkdocs-macros reports a failing macro call with a full Python traceback. This
hook rewrites that report as one line naming the page, the line and the problem.
"""

import logging
import re
import sys
import traceback

_PAGE = re.compile(r"_File_: `([^`]+)`")


def _template_line(error: BaseException) -> int | None:
    """The page line Jinja was rendering when `error` was raised."""
    if getattr(error, "lineno", None):
        return error.lineno
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


class _OneLineMacroError(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        error = sys.exc_info()[1]
        page = _PAGE.search(message)
        if error is not None and page and re.search(r"_Macro (Rendering|Syntax) Error_", message):
            line = _template_line(error)
            where = f"docs/{page.group(1)}" + (f", line {line}" if line else "")
            record.msg, record.args = f"{where}: {error}", ()
            record.levelno, record.levelname = logging.ERROR, "ERROR"
        return True


def on_config(config):
    # mkdocs-macros logs through this module's logger. Builds that share a
    # process load this hook afresh each time, so compare by name.
    logger = logging.getLogger("mkdocs.plugins.mkdocs_macros.util")
    if not any(type(f).__name__ == _OneLineMacroError.__name__ for f in logger.filters):
        logger.addFilter(_OneLineMacroError())
