"""What the publishing steps need from mkdocs.yml, read as plain YAML.

Both builders read mkdocs.yml; the steps after them read it here, never from
a builder's own objects, so they work the same whichever builder ran.
"""

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's YAML: safe, with MkDocs' `!ENV [NAME, fallback]`."""


def _environment_value(loader: _Loader, node: yaml.Node):
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, fallback = names if len(names) > 1 else (*names, None)
    for name in variables:
        if name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else None
    return fallback


_Loader.add_constructor("!ENV", _environment_value)


@dataclass(frozen=True)
class Settings:
    site_name: str
    site_url: str
    site_description: str
    language: str  # a BCP 47 tag such as "en"
    published: date
    extra: dict
    extra_css: list[str]
    docs_dir: Path
    nav_files: list[str]  # the pages of the nav, in order, as paths under docs_dir
    search_languages: list[str]


def read_config(config_file: Path) -> dict:
    """`config_file` (mkdocs.yml) as plain values, each `!ENV` setting resolved as MkDocs does."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader)


def nav_files(nav: list) -> list[str]:
    """The pages of mkdocs.yml's `nav`, in order, as paths under docs_dir."""
    files = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        files += nav_files(value) if isinstance(value, list) else [value]
    return files


def _search_languages(plugins: list) -> list[str]:
    for plugin in plugins:
        if isinstance(plugin, dict) and "search" in plugin:
            lang = (plugin["search"] or {}).get("lang", ["en"])
            return [lang] if isinstance(lang, str) else list(lang)
    return ["en"]


def load_settings(config_file: Path) -> Settings:
    """The settings of `config_file`; a ValueError naming the setting for a
    missing address or a publication date that is not YYYY-MM-DD."""
    config = read_config(config_file)
    shown = config_file.name
    if not config.get("site_url"):
        raise ValueError("site_url is empty: set SITE_URL, or site_url in mkdocs.yml, "
                         "to the address the site is published at")
    extra = config.get("extra") or {}
    try:
        published = date.fromisoformat(str(extra.get("published")))
    except ValueError:
        raise ValueError(f"{shown}, extra.published: write the article's "
                         "publication date as YYYY-MM-DD") from None
    return Settings(
        site_name=config["site_name"],
        site_url=config["site_url"],
        site_description=config.get("site_description", ""),
        language=(config.get("theme") or {}).get("language", "en"),
        published=published,
        extra=extra,
        extra_css=config.get("extra_css", []),
        docs_dir=config_file.parent / config.get("docs_dir", "docs"),
        nav_files=nav_files(config.get("nav", [])),
        search_languages=_search_languages(config.get("plugins", [])),
    )
