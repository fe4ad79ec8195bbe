"""The project is a package: installed with its MkDocs plugin, no sys.path
edits, no hook files, and the tools apart from the tests."""

import ast
import importlib.metadata
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from tests.support.project import ROOT
from trustsite.plugin.site_plugin import TrustsitePlugin

# Our own Python: the package, its tools, the tests, the scripts, the macros.
OWN = [path for folder in ("trustsite", "trustsite_tools", "tests", "scripts")
       for path in (ROOT / folder).rglob("*.py")] + [ROOT / "macros.py"]
INSTALL = ".venv/bin/python -m pip install --no-deps --no-build-isolation --editable ."


def imported(path: Path) -> set[str]:
    """The top-level names of the modules `path` imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_mkdocs_finds_the_plugin_mkdocs_yml_names_through_the_entry_points():
    plugins = {point.name: point for point in importlib.metadata.entry_points(group="mkdocs.plugins")}
    assert "trustsite" in plugins, f"the project is not installed in this venv: {INSTALL}"
    assert plugins["trustsite"].load() is TrustsitePlugin
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    names = [next(iter(plugin)) if isinstance(plugin, dict) else plugin for plugin in config["plugins"]]
    assert names[-1] == "trustsite", "the plugin must come last: it changes mkdocs-macros' settings and errors"


def test_no_hook_files():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nhooks:" not in config
    assert not (ROOT / "hooks").exists()


def test_nothing_edits_sys_path():
    edits = []
    for path in OWN:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr == "path" and isinstance(node.value, ast.Name)
                    and node.value.id == "sys"):
                edits.append(f"{path.relative_to(ROOT)}, line {node.lineno}")
    assert edits == []


def test_the_tools_never_import_the_tests_and_the_tests_never_import_scripts():
    tools = [path.relative_to(ROOT).as_posix() for path in (ROOT / "trustsite_tools").rglob("*.py")
             if "tests" in imported(path)]
    tests = [path.relative_to(ROOT).as_posix() for path in (ROOT / "tests").rglob("*.py")
             if "scripts" in imported(path)]
    build = [path.relative_to(ROOT).as_posix() for path in (ROOT / "trustsite").rglob("*.py")
             if imported(path) & {"tests", "trustsite_tools"}]
    assert (tools, tests, build) == ([], [], [])


def environment_writes(path: Path) -> list[int]:
    """The lines of `path` that change os.environ or hand it over changed,
    rather than read it (`.get`, `in`, `[name]`, `{**os.environ}`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == "environ"):
            continue
        parent = parents[node]
        read = ((isinstance(parent, ast.Attribute) and parent.attr == "get")
                or isinstance(parent, ast.Compare)
                or (isinstance(parent, ast.Subscript) and isinstance(parent.ctx, ast.Load))
                or (isinstance(parent, ast.Dict) and None in parent.keys))
        if not read:
            lines.append(node.lineno)
    return lines


def test_only_the_builders_module_tells_a_builder_anything_through_the_environment():
    # The build's facts travel as arguments (trustsite.context); what a builder
    # can only read from the environment is set in builder_environment().
    writes = {path.relative_to(ROOT).as_posix(): lines for path in [*(ROOT / "trustsite").rglob("*.py"), ROOT / "macros.py"]
              if (lines := environment_writes(path))}
    assert list(writes) == ["trustsite/builders.py"], writes
