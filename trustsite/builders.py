"""The builders that render the site, and where the second one's program is."""

import os
from pathlib import Path

# What scripts/build.py renders with; MkDocs with Material, the first, is the default.
BUILDERS = ("mkdocs", "zensical")
# Zensical runs from a venv of its own (requirements-zensical.txt). This setting
# names another, as a copy of the project (a test's, a benchmark's) needs.
ZENSICAL_SETTING = "TRUSTSITE_ZENSICAL"


def zensical_program(root: Path) -> Path:
    """Zensical's command for the project at `root`."""
    return Path(os.environ.get(ZENSICAL_SETTING, root / ".venv-zensical" / "bin" / "zensical"))
