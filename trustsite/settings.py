"""What the publishing steps need from mkdocs.yml, read as plain YAML.

Both builders read mkdocs.yml; the steps after them read it here, never from
a builder's own objects, so they work the same whichever builder ran.
"""

import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from trustsite.publication_date import published_date


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


# A name safe in a file name, a URL and a cache name on any system.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LONGEST_FILE_NAME = 64
# mkdocs.yml's extra: setting that names the downloads, if the site's address does not suit.
FILE_NAME_SETTING = "file_name"


@dataclass(frozen=True)
class FileNames:
    """The names of the downloads, all made from the site's own name, so two
    articles published from this repository never share one."""
    stem: str  # "trust-in-therapy"

    @property
    def one_file(self) -> str:
        return f"{self.stem}.html"

    @property
    def archive(self) -> str:
        return f"{self.stem}-offline.zip"

    @property
    def archive_folder(self) -> str:
        """The one folder the archive unzips to, with index.html at its top."""
        return self.stem

    @property
    def pdf(self) -> str:
        return f"{self.stem}.pdf"


def slug(text: str) -> str:
    """`text` as a file name: "Trust in Therapy!" -> "trust-in-therapy", accents dropped."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:LONGEST_FILE_NAME].strip("-")


def file_stem(site_url: str, site_name: str, extra: dict, shown: str) -> str:
    """The downloads' stem: `extra.file_name` if set, else the last part of the
    site's address (a project site's repository name), else the site's name."""
    if FILE_NAME_SETTING in extra:
        name = extra[FILE_NAME_SETTING]
        if not (isinstance(name, str) and len(name) <= LONGEST_FILE_NAME and _SLUG.fullmatch(name)):
            raise ValueError(f"{shown}, extra.{FILE_NAME_SETTING}: write the downloads' name in "
                             f"lowercase letters, digits and hyphens, at most {LONGEST_FILE_NAME} "
                             "characters, such as trust-in-therapy")
        return name
    segments = [part for part in urlsplit(site_url).path.split("/") if part]
    return (slug(unquote(segments[-1])) if segments else "") or slug(site_name) or "article"


@dataclass(frozen=True)
class Settings:
    site_name: str
    site_url: str
    site_description: str
    language: str  # a BCP 47 tag such as "en"
    published: date
    file_names: FileNames
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
    missing address, a publication date that is not YYYY-MM-DD or a file name
    that is not safe."""
    config = read_config(config_file)
    shown = config_file.name
    if not config.get("site_url"):
        raise ValueError("site_url is empty: set SITE_URL, or site_url in mkdocs.yml, "
                         "to the address the site is published at")
    extra = config.get("extra") or {}
    return Settings(
        site_name=config["site_name"],
        site_url=config["site_url"],
        site_description=config.get("site_description", ""),
        language=(config.get("theme") or {}).get("language", "en"),
        published=published_date(extra, shown),
        file_names=FileNames(file_stem(config["site_url"], config["site_name"], extra, shown)),
        extra=extra,
        extra_css=config.get("extra_css", []),
        docs_dir=config_file.parent / config.get("docs_dir", "docs"),
        nav_files=nav_files(config.get("nav", [])),
        search_languages=_search_languages(config.get("plugins", [])),
    )
