"""The builders that render the site: MkDocs with Material, in this process,
or Zensical, from a venv of its own. Each renders one build (BuildContext)
into a folder; trustsite.build publishes over it."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from unittest import mock

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

from trustsite.context import BuildContext

# Zensical runs from a venv of its own (requirements-zensical.txt). This setting
# names another, as a copy of the project (a test's, a benchmark's) needs.
ZENSICAL_SETTING = "TRUSTSITE_ZENSICAL"


def zensical_program(root: Path) -> Path:
    """Zensical's command for the project at `root`."""
    return Path(os.environ.get(ZENSICAL_SETTING, root / ".venv-zensical" / "bin" / "zensical"))


def builder_environment(context: BuildContext, site_dir: Path) -> dict[str, str]:
    """What the builders can only be told through the environment, said here
    alone: the build's date, which MkDocs (mkdocs.utils.get_build_datetime) and
    Zensical read as SOURCE_DATE_EPOCH; and, for Zensical, which takes neither
    on its command line, mkdocs.yml's `site_dir: !ENV [SITE_DIR, site]` and
    the offline plugin's `enabled: !ENV [OFFLINE, false]`. MkDocs, run in
    this process, has those two set in its loaded config instead."""
    return {"SOURCE_DATE_EPOCH": str(context.epoch), "OFFLINE": "true" if context.offline else "false",
            "SITE_DIR": str(site_dir)}


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory: the second build reuses the
    first's instead of compiling every template again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class _ShareTemplates(BasePlugin):
    """Gives a build's Jinja environment the cache both builds share."""

    def __init__(self, cache: jinja2.BytecodeCache) -> None:
        self.cache = cache

    def on_env(self, env, *, config, files):
        env.bytecode_cache = self.cache
        return env


class MkDocsRenderer:
    """MkDocs with Material, in this process; one renderer serves a run's builds."""

    def __init__(self) -> None:
        self.templates = _CompiledTemplates()

    def __call__(self, site_dir: Path, context: BuildContext) -> None:
        config = load_config(config_file=str(context.config_file), site_dir=str(site_dir))
        config.plugins["material/offline"].config.enabled = context.offline
        config.plugins["trustsite/shared-templates"] = _ShareTemplates(self.templates)
        config.plugins.on_startup(command="build", dirty=False)
        # MkDocs runs in this process: its environment is set for this render only.
        with mock.patch.dict(os.environ, builder_environment(context, site_dir)):
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()


class ZensicalRenderer:
    """Zensical, from the same mkdocs.yml, with the project installed in its venv
    (macros.py imports trustsite). It writes only inside the project, so it
    renders into a folder there, which then moves to `site_dir`."""

    def __call__(self, site_dir: Path, context: BuildContext) -> None:
        program = zensical_program(context.project)
        if not program.exists():
            raise FileNotFoundError(f"{program} is missing: `make build BUILDER=zensical` installs it")
        rendered = Path(tempfile.mkdtemp(prefix=".zensical-", dir=context.project))
        try:
            # --clean: no page from an earlier build's cache.
            result = subprocess.run([str(program), "build", "--clean", "--strict", "-f", str(context.config_file)],
                                    cwd=context.project, capture_output=True, text=True,
                                    env={**os.environ, **builder_environment(context, rendered)})
            if result.returncode != 0:
                said = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
                raise RuntimeError(f"Zensical: {said[-1] if said else f'exit status {result.returncode}'}")
            shutil.move(rendered, site_dir)
        finally:
            shutil.rmtree(rendered, ignore_errors=True)


# What `python -m trustsite build --builder` names; the first is the default.
RENDERERS = {"mkdocs": MkDocsRenderer, "zensical": ZensicalRenderer}
BUILDERS = tuple(RENDERERS)
