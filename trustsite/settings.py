"""What the publishing steps need from mkdocs.yml, read as plain YAML.

Both builders read mkdocs.yml; the steps after them read it here, never from
a builder's own objects, so they work the same whichever builder ran.
"""

import posixpath
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from yaml_env_tag import add_env_tag

from trustsite.check import pages_under
from trustsite.credits import Credits, read_credits
from trustsite.data import LARGEST_DATA_FILE, DataError, decode_utf8, quoted, read_capped, yaml_error
from trustsite.feedback import feedback_from
from trustsite.messages import closest_page
from trustsite.publication_date import published_date
from trustsite.review import Review, review_from


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's YAML: safe, with MkDocs' `!ENV [NAME, fallback]`."""


# The tag as MkDocs itself reads it (pyyaml-env-tag, MkDocs' own dependency).
add_env_tag(_Loader)


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

    # The article's reference, for reference managers (trustsite.citation).
    @property
    def bibtex(self) -> str:
        return f"{self.stem}.bib"

    @property
    def ris(self) -> str:
        return f"{self.stem}.ris"

    @property
    def csl_json(self) -> str:
        return f"{self.stem}.csl.json"


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
    review: Review | None  # extra.review: when the article was last reviewed, and is next due
    feedback: str | None  # extra.feedback: where readers reply, an e-mail or https:// address
    credits: Credits  # the publisher, authors and reviewers, where mkdocs.yml names them
    file_names: FileNames
    extra: dict
    extra_css: list[str]
    docs_dir: Path
    nav_files: list[str]  # the pages of the nav, in order, as paths under docs_dir
    search_languages: list[str]


def _read(config_file: Path) -> tuple[dict, yaml.MappingNode]:
    """`config_file` as plain values, and as YAML nodes, which know their lines;
    a DataError naming the file and line for YAML it cannot read, in the words
    a data file's mistake gets."""
    shown = config_file.name
    text = decode_utf8(read_capped(config_file, shown, LARGEST_DATA_FILE), shown)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        config = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        raise yaml_error(error, text, shown) from None
    except RecursionError:  # PyYAML composes nested lists and mappings by recursion
        raise DataError(shown, "nests lists or mappings thousands deep; no setting needs that") from None
    finally:
        loader.dispose()
    if not isinstance(config, dict):
        raise DataError(shown, "must be a set of 'setting: value' lines, such as 'site_name: …'")
    return config, node


def read_config(config_file: Path) -> dict:
    """`config_file` (mkdocs.yml) as plain values, each `!ENV` setting resolved as MkDocs does."""
    return _read(config_file)[0]


def _named_pages(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Each value of a nav (the part of mkdocs.yml under `nav:`): pages and links."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _named_pages(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _named_pages(value)
    elif isinstance(node, yaml.ScalarNode):
        yield node


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # such as a name too long for the file system
        return False


def _check_nav(config: yaml.MappingNode, docs_dir: Path, shown: str) -> None:
    """A DataError for the first entry of the nav that names no page under
    `docs_dir`, which MkDocs would report in its own words."""
    nav = next((value for key, value in config.value if key.value == "nav"), None)
    for entry in _named_pages(nav):
        name = entry.value
        try:
            link = urlsplit(name)
        except ValueError:  # such as "http://[x": an address, which the builders judge
            continue
        if link.scheme or link.netloc or name.startswith("/"):
            continue
        if not posixpath.normpath(name).startswith("../") and _is_file(docs_dir / name):
            continue
        pages = [page.relative_to(docs_dir).as_posix() for page in pages_under(docs_dir)]
        meant = closest_page(name, "", pages)
        raise DataError(shown, f"the menu (nav) names {quoted(name)}, which is not a page in {docs_dir.name}/"
                        + (f"; did you mean {quoted(meant)}?" if meant else ""),
                        line=entry.start_mark.line + 1)


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
    missing address, a publication date that is not YYYY-MM-DD, a file name
    that is not safe, or a review, a feedback address, a publisher, author or
    reviewer it cannot show; a DataError for YAML it cannot read or a menu entry
    naming no page."""
    config, node = _read(config_file)
    shown = config_file.name
    docs_dir = config_file.parent / config.get("docs_dir", "docs")
    _check_nav(node, docs_dir, shown)
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
        review=review_from(extra, shown),
        feedback=feedback_from(extra, shown),
        credits=read_credits(extra, shown),
        file_names=FileNames(file_stem(config["site_url"], config["site_name"], extra, shown)),
        extra=extra,
        extra_css=config.get("extra_css", []),
        docs_dir=docs_dir,
        nav_files=nav_files(config.get("nav", [])),
        search_languages=_search_languages(config.get("plugins", [])),
    )
