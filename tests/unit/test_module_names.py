"""No two of the project's modules share a name, so a traceback's file name says which one."""

from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("trustsite", "trustsite_tools", "scripts")


def test_no_two_modules_share_a_name():
    by_name = defaultdict(list)
    for folder in FOLDERS:
        for module in (ROOT / folder).rglob("*.py"):
            # A package's __init__.py is named by its folder.
            if module.name != "__init__.py":
                by_name[module.name].append(module.relative_to(ROOT).as_posix())
    shared = {name: sorted(paths) for name, paths in by_name.items() if len(paths) > 1}
    assert not shared, f"modules sharing a name: {shared}"
