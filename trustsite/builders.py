"""The builders that render the site: MkDocs with Material, in this process,
or Zensical, from a venv of its own. Each renders the online site once
(BuildContext) into a folder; trustsite.build derives the offline copy from
it and publishes over both."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from unittest import mock

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

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
    Zensical read as SOURCE_DATE_EPOCH; and, for Zensical, which does not take
    it on its command line, mkdocs.yml's `site_dir: !ENV [SITE_DIR, site]`.
    MkDocs, run in this process, has it set in its loaded config instead."""
    return {"SOURCE_DATE_EPOCH": str(context.epoch), "SITE_DIR": str(site_dir)}


class MkDocsRenderer:
    """MkDocs with Material, in this process."""

    def __call__(self, site_dir: Path, context: BuildContext) -> None:
        config = load_config(config_file=str(context.config_file), site_dir=str(site_dir))
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
