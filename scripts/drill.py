"""The publisher's drill: every edit a publisher makes reaches every edition.

    python scripts/drill.py     (make drill)

Copies the project with its tests into a temporary folder, makes it a git
repository, and makes there, one commit each, the edits drill/edits.yml
describes: a typo corrected, a first sentence rewritten, a cell changed and
rows added and removed in each table, two references and a citation, a page
added to the menu and a section renamed, a photograph and a diagram, a
footnote, notes, a table, a paragraph in French and a new publication date.
Then it runs `make test` there, the whole suite, and `make pdf`, and looks
for each edit, as the publisher wrote it, in each edition: the site, the
whole-article page, the one-file edition, the offline copy (unzipped) and
the PDF (its text read with pypdf). It prints one line per edit and edition,
keeps the copy if anything failed, and exits 1 then.

Each edit finds its place by the article's structure (the third page of the
menu, a table's first row), never by today's words, so the drill holds after
any correction. The tests never read drill/.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.project_copy import SHARED, copy_with_tests, make_command  # noqa: E402
from trustsite.data import load_rows  # noqa: E402
from trustsite.offline import ARCHIVE_NAME  # noqa: E402
from trustsite.one_file import ONE_FILE_NAME  # noqa: E402
from trustsite.pdf import PDF_NAME  # noqa: E402
from trustsite.publish.pages import output_path  # noqa: E402
from trustsite.schema import SCHEMAS  # noqa: E402
from trustsite.settings import load_settings  # noqa: E402
from trustsite.sources import article_pages, page_calling, page_units, sentences, squash  # noqa: E402
from trustsite.tables import TABLES  # noqa: E402
from trustsite.whole_article import PAGE as WHOLE_ARTICLE_PAGE  # noqa: E402

EDITS = ROOT / "drill" / "edits.yml"
EDITIONS = ["site", "whole article", "one file", "offline", "PDF"]
HTML_EDITIONS = EDITIONS[:-1]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
# The first publication's date in the copy's history; each edit is committed a day later.
FIRST_COMMIT = datetime.datetime(2025, 1, 21, 12, tzinfo=datetime.timezone.utc)


# -- What each edit must show, and where ------------------------------------------------

@dataclass
class Document:
    """One HTML file of an edition that holds a page, read."""
    edition: str
    path: Path
    root: Path  # the edition's folder, which relative links may not leave
    soup: BeautifulSoup

    @property
    def text(self) -> str:
        return squash(self.soup.get_text())


@dataclass(frozen=True)
class Pdf:
    """What the PDF holds: its text, compacted, and the shape (width over height) of each image."""
    text: str
    pictures: list[float]


@dataclass(frozen=True)
class Shown:
    """Text a reader reads on `page` (under docs/)."""
    page: str
    text: str

    def in_html(self, doc: Document) -> str | None:
        return None if self.text in doc.text else f'"{self.text}" is not shown'

    def in_pdf(self, pdf: Pdf) -> str | None:
        return None if compact(self.text) in pdf.text else f'"{self.text}" is not in the PDF'


@dataclass(frozen=True)
class NotShown(Shown):
    """Text a reader must no longer read on `page`: a typo, a removed row, the old date."""

    def in_html(self, doc: Document) -> str | None:
        return f'"{self.text}" is still shown' if self.text in doc.text else None

    def in_pdf(self, pdf: Pdf) -> str | None:
        return f'"{self.text}" is still in the PDF' if compact(self.text) in pdf.text else None


@dataclass(frozen=True)
class InElement(Shown):
    """Text inside an element that `selector` picks: a note, a footnote, a reference."""
    selector: str = ""

    def in_html(self, doc: Document) -> str | None:
        if any(self.text in squash(element.get_text()) for element in doc.soup.select(self.selector)):
            return None
        return f'"{self.text}" is not in any {self.selector}'


@dataclass(frozen=True)
class Row:
    """A table row on `page` whose cells are exactly `cells`; `present` False: no such row."""
    page: str
    cells: tuple[str, ...]
    present: bool = True

    def in_html(self, doc: Document) -> str | None:
        found = any(tuple(squash(cell.get_text()) for cell in row.find_all(["th", "td"])) == self.cells
                    for row in doc.soup.find_all("tr"))
        if found == self.present:
            return None
        return f"{'no' if self.present else 'still a'} row {' | '.join(self.cells)}"

    def in_pdf(self, pdf: Pdf) -> str | None:
        # A cell may wrap inside its column, so each cell is looked for alone.
        if self.present:
            missing = [cell for cell in self.cells if compact(cell) not in pdf.text]
            return f"cells not in the PDF: {missing}" if missing else None
        return "the removed row is still in the PDF" if compact("".join(self.cells)) in pdf.text else None


@dataclass(frozen=True)
class Picture:
    """An image on `page` with `alt`, whose picture the edition holds; `ratio` is its width over height."""
    page: str
    alt: str
    ratio: float

    def in_html(self, doc: Document) -> str | None:
        images = [image for image in doc.soup.find_all("img") if image.get("alt") == self.alt]
        if not images:
            return f'no image with the alt text "{self.alt}"'
        source = images[0].get("src", "")
        if source.startswith("data:image/"):
            return None
        if doc.edition == "one file":
            return f"the image is not in the file: {source[:80]}"
        target = local_target(doc, source)
        return None if target and target.is_file() else f"the image {source} is not in the edition"

    def in_pdf(self, pdf: Pdf) -> str | None:
        # Its alt text is not printed; an image of its shape is, however large the PDF shows it.
        if any(abs(ratio - self.ratio) < 0.02 for ratio in pdf.pictures):
            return None
        return f"no image of the shape {self.ratio:.2f} in the PDF"


@dataclass(frozen=True)
class Citation:
    """A link reading `label` on `page` to the reference `anchor`, which the edition holds."""
    page: str
    label: str
    anchor: str

    def in_html(self, doc: Document) -> str | None:
        links = [link for link in doc.soup.find_all("a", href=True) if squash(link.get_text()) == self.label]
        if not links:
            return f'no link "{self.label}"'
        href = links[0]["href"]
        fragment = urlsplit(href).fragment
        if not fragment.endswith(self.anchor):
            return f"the link goes to {href}, not to #{self.anchor}"
        target = doc.soup if href.startswith("#") else target_soup(doc, href)
        if target is None:
            return f"the link {href} leaves the edition"
        return None if target.find(id=unquote(fragment)) else f"the link {href} goes to no entry"

    def in_pdf(self, pdf: Pdf) -> str | None:
        return None if compact(self.label) in pdf.text else f'"{self.label}" is not in the PDF'


@dataclass(frozen=True)
class MenuEntry:
    """An entry of the site's menu reading `title` (the one-file edition and the PDF have none)."""
    page: str
    title: str

    def in_html(self, doc: Document) -> str | None:
        if doc.edition not in ("site", "offline"):
            return None
        titles = {squash(link.get_text()) for nav in doc.soup.find_all("nav") for link in nav.find_all("a")}
        return None if self.title in titles else f'no menu entry "{self.title}"'

    def in_pdf(self, pdf: Pdf) -> str | None:
        return None


@dataclass(frozen=True)
class Dated:
    """The opening page dated `day`, in a <time> element and, in the PDF, in words."""
    page: str
    day: datetime.date

    def in_html(self, doc: Document) -> str | None:
        times = [element.get("datetime") for element in doc.soup.find_all("time")]
        return None if self.day.isoformat() in times else f"no <time datetime={self.day}> (found {times})"

    def in_pdf(self, pdf: Pdf) -> str | None:
        if any(compact(words) in pdf.text for words in long_dates(self.day)):
            return None
        return f"the date {long_dates(self.day)[0]} is not in the PDF"


@dataclass
class Edit:
    """An edit made and committed, and what it must show."""
    title: str
    where: str
    expected: list = field(default_factory=list)


def long_dates(day: datetime.date) -> list[str]:
    """`day` in words, as British and American readers write it."""
    return [f"{day.day} {MONTHS[day.month - 1]} {day.year}", f"{MONTHS[day.month - 1]} {day.day}, {day.year}"]


def compact(text: str) -> str:
    """`text` with no white space and ligatures undone: a PDF's lines break anywhere."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def shown_text(markdown_text: str) -> str:
    """What a reader reads of a line of Markdown holding links: the links' words."""
    return squash(re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown_text))


def local_target(doc: Document, href: str) -> Path | None:
    """The file a relative link of `doc` leads to, inside its edition; None for one that leaves it."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = (doc.path.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_relative_to(doc.root.resolve()) else None


def target_soup(doc: Document, href: str) -> BeautifulSoup | None:
    target = local_target(doc, href)
    if target is None or not target.is_file():
        return None
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


# -- Edits to the copy: Markdown, YAML and mkdocs.yml, as a publisher's editor makes them ----------

def page_at(pages: list[str], number: int) -> str:
    """The page `number` (from 1) of the menu's pages, or the last if there are fewer."""
    return pages[min(number, len(pages)) - 1]


def append_to_page(project: Path, page: str, markdown_text: str) -> None:
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + markdown_text.strip("\n") + "\n",
                    encoding="utf-8")


def replace_once(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    if text.count(old) != 1:
        raise SystemExit(f"drill: {old!r} is not in {file} exactly once")
    path.write_text(text.replace(old, new), encoding="utf-8")


def plain_sentence(project: Path, pages: list[str]) -> tuple[str, str]:
    """The first sentence of the article's own words alone (no markup, quote or dash), written
    once in its page, on the first of `pages` that has one; and that page."""
    for page in pages:
        text = (project / "docs" / page).read_text(encoding="utf-8")
        for unit in page_units(project, page):
            if (unit.file == f"docs/{page}" and not unit.added and re.fullmatch(r"[A-Z][A-Za-z ,]+\.", unit.text)
                    and text.count(unit.text) == 1 and len(unit.text.split()) > 4):
                return page, unit.text
    raise SystemExit("drill: no page holds a plain sentence")


def first_sentence(project: Path, pages: list[str]) -> tuple[str, str]:
    """The first sentence of the first paragraph (after the heading and the lead line) of the
    first of `pages` whose paragraph opens with plain text; and that page."""
    for page in pages:
        lines = (project / "docs" / page).read_text(encoding="utf-8").splitlines()
        texts = [unit.text for unit in page_units(project, page)]
        for number, line in enumerate(lines):
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if re.match(r"[A-Z]", line) and not following.lstrip().startswith("{"):
                first = sentences(line)[0]
                if first in texts and line.count(first) == 1:
                    return page, first
                break
    raise SystemExit("drill: no page opens with a plain sentence")


def misspell(word: str) -> str:
    """`word` with two neighbouring letters swapped: the first pair after its first letter that differ."""
    at = next(n for n in range(1, len(word) - 1) if word[n] != word[n + 1])
    return word[:at] + word[at + 1] + word[at] + word[at + 2:]


def yaml_items(path: Path) -> list[yaml.Node]:
    return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader).value


def quoted(value) -> str:
    """A YAML value as README.md writes one: text in double quotes, a number bare, null."""
    if value is None:
        return "null"
    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)


def yaml_entry(values: dict) -> str:
    lines = [f"  {key}: {quoted(value)}" for key, value in values.items()]
    return "- " + "\n".join(lines)[2:] + "\n"


def table_rows(project: Path, data_file: str) -> list[tuple[str, ...]]:
    schema = SCHEMAS[data_file]
    return [tuple(getattr(row, name) for name in schema.model_fields)
            for row in load_rows(project / "data" / data_file, schema)]


def change_cell(project: Path, data_file: str, row: int, field_name: str, text: str) -> None:
    path = project / "data" / data_file
    source = path.read_text(encoding="utf-8")
    value = mapping_value(yaml_items(path)[row - 1], field_name)
    path.write_text(source[:value.start_mark.index] + quoted(text) + source[value.end_mark.index:], encoding="utf-8")


def remove_row(project: Path, data_file: str, row: int) -> None:
    path = project / "data" / data_file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    items = yaml_items(path)
    start = items[row - 1].start_mark.line
    end = items[row].start_mark.line if row < len(items) else len(lines)
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def append_entry(project: Path, data_file: str, values: dict) -> None:
    path = project / "data" / data_file
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + yaml_entry(values), encoding="utf-8")


def mapping_value(node: yaml.MappingNode, key: str) -> yaml.Node:
    (value,) = [value for name, value in node.value if name.value == key]
    return value


def nav_line(project: Path, page: str) -> str:
    """The line of mkdocs.yml's menu that names `page`."""
    (line,) = [line for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
               if re.fullmatch(rf"\s*- .+: {re.escape(page)}", line)]
    return line


def make_photo(path: Path, size: tuple[int, int], seed: int, quality: int) -> None:
    """A photograph's weight without a camera: a gradient under seeded grain, the same bytes every run."""
    width, height = size
    noise = Image.frombytes("RGB", (width // 2, height // 2), random.Random(seed).randbytes(width * height * 3 // 4))
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, (120, 150, 170))
    photo = Image.blend(Image.blend(gradient, tint, 0.5), noise.resize(size, Image.Resampling.BICUBIC), 0.35)
    path.parent.mkdir(parents=True, exist_ok=True)
    photo.save(path, "JPEG", quality=quality)


def make_diagram(path: Path, size: tuple[int, int]) -> None:
    width, height = size
    diagram = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(diagram)
    draw.ellipse((width * 0.3, height * 0.1, width * 0.7, height * 0.9), outline=(0, 105, 92), width=6)
    for n, label in enumerate(["goals", "tasks", "bond"]):
        draw.text((width * 0.42, height * (0.3 + 0.15 * n)), label, fill="black")
    path.parent.mkdir(parents=True, exist_ok=True)
    diagram.save(path, "PNG", optimize=True)


class Drill:
    """The copy, its history, and the edits made in it."""

    def __init__(self, project: Path, plan: dict):
        self.project = project
        self.plan = plan
        self.edits: list[Edit] = []
        self.commits = 0
        # Pages are named by their place in the menu as it was before any edit.
        self.pages = article_pages(project)

    def git(self, *arguments: str) -> None:
        day = (FIRST_COMMIT + datetime.timedelta(days=self.commits)).isoformat()
        subprocess.run(["git", "-c", "user.name=A publisher", "-c", "user.email=publisher@example.org",
                        *arguments], cwd=self.project, check=True, capture_output=True,
                       env={**os.environ, "GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day})

    def commit(self, message: str) -> None:
        self.git("add", "--all")
        self.git("commit", "--quiet", "--message", message)
        self.commits += 1

    def start(self) -> None:
        self.git("init", "--quiet")
        (self.project / ".git" / "info" / "exclude").write_text(
            "".join(f"/{name}\n" for name in SHARED) + "/site/\n/dist/\n__pycache__/\n", encoding="utf-8")
        self.commit("The article as published")

    def record(self, message: str, title: str, where: str, *expected) -> None:
        self.commit(message)
        self.edits.append(Edit(title, where, list(expected)))

    def page(self, key: str) -> str:
        return page_at(self.pages, self.plan[key]["page"])

    def following(self, key: str) -> list[str]:
        """The page `key` names, then the pages after it: where to look if it has no place for the edit."""
        start = self.pages.index(self.page(key))
        return self.pages[start:] + self.pages[:start]

    def typo(self) -> None:
        page, sentence = plain_sentence(self.project, self.following("typo"))
        word = max(re.findall(r"[A-Za-z]+", sentence), key=len)
        misspelt = misspell(word)
        wrong = re.sub(rf"\b{word}\b", misspelt, sentence, count=1)
        replace_once(self.project, f"docs/{page}", sentence, wrong)
        self.commit(f"Publish docs/{page} with a typo, {misspelt}")
        replace_once(self.project, f"docs/{page}", wrong, sentence)
        self.record(f"Correct a typo in docs/{page}: {misspelt} to {word}", f"typo corrected: {misspelt} to {word}",
                    f"docs/{page}", Shown(page, sentence), NotShown(page, wrong))

    def first_sentence(self) -> None:
        page, old = first_sentence(self.project, self.following("first_sentence"))
        new = self.plan["first_sentence"]["text"]
        replace_once(self.project, f"docs/{page}", old, new)
        self.record(f"Rewrite the first sentence of docs/{page}", "first sentence rewritten", f"docs/{page}",
                    Shown(page, new), NotShown(page, old))

    def tables(self) -> None:
        for data_file, changes in self.plan["tables"].items():
            (table,) = [name for name, spec in TABLES.items() if spec.data_file == data_file]
            page = page_calling(self.project, table)
            rows = table_rows(self.project, data_file)
            where = f"data/{data_file}"
            change, remove = changes["change"], changes["remove"]
            if change["row"] == remove["row"]:
                raise SystemExit(f"drill: drill/edits.yml changes and removes the same row of {data_file}")
            change_cell(self.project, data_file, change["row"], change["field"], change["text"])
            changed = table_rows(self.project, data_file)[change["row"] - 1]
            self.record(f"Change a cell of {where}", f"{table}: a cell changed", where,
                        Row(page, changed), Row(page, rows[change["row"] - 1], present=False))
            remove_row(self.project, data_file, remove["row"])
            self.record(f"Remove row {remove['row']} of {where}", f"{table}: a row removed", where,
                        Row(page, rows[remove["row"] - 1], present=False))
            append_entry(self.project, data_file, changes["add"])
            self.record(f"Add a row to {where}", f"{table}: a row added", where,
                        Row(page, tuple(changes["add"].values())))

    def references(self) -> None:
        for entry in self.plan["references"]:
            append_entry(self.project, "references.yml", entry)
            values = [str(value) for key, value in entry.items() if value is not None and key != "id"]
            kind = "a book" if entry["container"] is None else "a journal article"
            self.record(f"Add {entry['id']} to the references", f"reference added: {kind}, {entry['id']}",
                        "data/references.yml",
                        *[InElement("references.md", value, f"li[id$='{entry['id']}']") for value in values])
        citation = self.plan["citation"]
        page = self.page("citation")
        (label, target), = re.findall(r"\[([^\]]+)\]\(([^)]+)\)", citation["text"])
        append_to_page(self.project, page, citation["text"])
        self.record(f"Cite {target} in docs/{page}", "citation linked to its reference", f"docs/{page}",
                    Shown(page, shown_text(citation["text"])), Citation(page, label, target.split("#")[1]))

    def new_page(self) -> None:
        spec = self.plan["new_page"]
        after = page_at(self.pages, spec["after"])
        lines = [f"# {spec['title']}", "", spec["lead"], "{ .lead }", ""]
        lines += [line for paragraph in spec["paragraphs"] for line in (paragraph, "")]
        (self.project / "docs" / spec["file"]).write_text("\n".join(lines), encoding="utf-8")
        entry = nav_line(self.project, after)
        indent = entry[:len(entry) - len(entry.lstrip())]
        replace_once(self.project, "mkdocs.yml", entry + "\n",
                     f"{entry}\n{indent}- {quoted(spec['title'])}: {spec['file']}\n")
        said = [sentence for paragraph in spec["paragraphs"] for sentence in sentences(paragraph)]
        page = spec["file"]
        self.record(f"Add the section {spec['title']} after docs/{after}", "section added to the menu",
                    f"docs/{page}", MenuEntry(page, spec["title"]), Shown(page, spec["title"]),
                    Shown(page, spec["lead"]), *[Shown(page, sentence) for sentence in said])

    def rename(self) -> None:
        page, title = self.page("renamed"), self.plan["renamed"]["title"]
        entry = nav_line(self.project, page)
        indent = entry[:len(entry) - len(entry.lstrip())]
        replace_once(self.project, "mkdocs.yml", entry + "\n", f"{indent}- {quoted(title)}: {page}\n")
        text = (self.project / "docs" / page).read_text(encoding="utf-8")
        heading = re.search(r"^# (.+)$", text, re.M).group(0)
        replace_once(self.project, f"docs/{page}", heading + "\n", f"# {title}\n")
        self.record(f"Rename the section docs/{page}: {title}", "section renamed", f"docs/{page}",
                    MenuEntry(page, title), InElement(page, title, "h1, h2"))

    def images(self) -> None:
        spec = self.plan["images"]
        page = self.page("images")
        photo, diagram = spec["photo"], spec["diagram"]
        make_photo(self.project / "docs" / photo["file"], tuple(photo["size"]), photo["seed"], photo["quality"])
        make_diagram(self.project / "docs" / diagram["file"], tuple(diagram["size"]))
        for image in (photo, diagram):
            append_to_page(self.project, page, f"![{image['alt']}]({image['file']})")
            weight = (self.project / "docs" / image["file"]).stat().st_size
            width, height = image["size"]
            self.record(f"Add {image['file']} to docs/{page}",
                        f"image added: {image['file']}, {weight:,} bytes", f"docs/{page}",
                        Picture(page, image["alt"], width / height))

    def features(self) -> None:
        spec = self.plan["features"]
        page = self.page("features")
        footnote = spec["footnote"]
        append_to_page(self.project, page, f"{footnote['sentence']}[^drill]\n\n[^drill]: {footnote['note']}")
        self.record(f"Add a footnote to docs/{page}", "footnote", f"docs/{page}",
                    Shown(page, footnote["sentence"]), InElement(page, footnote["note"], ".footnote"),
                    NotShown(page, "[^drill]"))
        append_to_page(self.project, page, f"!!! note\n    {spec['note']}")
        self.record(f"Add a note to docs/{page}", "note (!!! note)", f"docs/{page}",
                    InElement(page, spec["note"], ".admonition"), NotShown(page, "!!!"))
        collapsible = spec["collapsible"]
        append_to_page(self.project, page, f'??? note "{collapsible["title"]}"\n    {collapsible["text"]}')
        self.record(f"Add a collapsible note to docs/{page}", "collapsible note (??? note)", f"docs/{page}",
                    InElement(page, collapsible["title"], "details summary"),
                    InElement(page, collapsible["text"], "details"), NotShown(page, "???"))
        header, *rows = spec["table"]
        table = "\n".join(["| " + " | ".join(header) + " |", "|" + " --- |" * len(header),
                           *["| " + " | ".join(row) + " |" for row in rows]])
        append_to_page(self.project, page, table)
        self.record(f"Add a table to docs/{page}", "Markdown table", f"docs/{page}",
                    *[Row(page, tuple(row)) for row in spec["table"]])

    def other_language(self) -> None:
        spec = self.plan["other_language"]
        page = self.page("other_language")
        append_to_page(self.project, page, f"{spec['text']}\n{{ lang={spec['lang']} }}")
        self.record(f"Add a paragraph in {spec['lang']} to docs/{page}", f"paragraph in another language ({spec['lang']})",
                    f"docs/{page}", InElement(page, spec["text"], f"[lang={spec['lang']}]"),
                    NotShown(page, "{ lang="))

    def published(self) -> None:
        old = load_settings(self.project / "mkdocs.yml").published
        new = datetime.date.fromisoformat(self.plan["published"])
        config = self.project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        # Its node in the YAML, found without constructing MkDocs' !ENV values.
        extra = mapping_value(yaml.compose(text, Loader=yaml.SafeLoader), "extra")
        value = mapping_value(extra, "published")
        config.write_text(text[:value.start_mark.index] + quoted(str(new)) + text[value.end_mark.index:],
                          encoding="utf-8")
        opening = self.pages[0]
        self.record(f"Date the article {new}", f"publication date {old} to {new}", "mkdocs.yml, extra.published",
                    Dated(opening, new), *[NotShown(opening, words) for words in long_dates(old)])

    def make_all(self) -> None:
        self.start()
        for step in (self.typo, self.first_sentence, self.tables, self.references, self.new_page,
                     self.rename, self.images, self.features, self.other_language, self.published):
            step()


# -- Reading the editions ---------------------------------------------------------------------

def read_html(edition: str, path: Path, root: Path) -> Document | None:
    if not path.is_file():
        return None
    return Document(edition, path, root, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))


def document(project: Path, offline: Path, edition: str, page: str) -> Document | None:
    """The HTML file of `edition` that holds docs/`page`."""
    site, dist = project / "site", project / "dist"
    if edition == "site":
        return read_html(edition, site / output_path(page, offline=False), site)
    if edition == "whole article":
        return read_html(edition, site / output_path(WHOLE_ARTICLE_PAGE, offline=False), site)
    if edition == "one file":
        return read_html(edition, dist / ONE_FILE_NAME, dist)
    return read_html(edition, offline / output_path(page, offline=True), offline)


def read_pdf(path: Path) -> Pdf | None:
    """The PDF's text, each page's number at its foot ("6 / 17") left out, and its images' shapes."""
    if not path.is_file():
        return None
    pages = PdfReader(path).pages
    text = compact(" ".join(re.sub(r"\s*\d+ / \d+\s*$", "", page.extract_text()) for page in pages))
    images = [reference.get_object() for page in pages
              for reference in page.get("/Resources", {}).get("/XObject", {}).values()]
    return Pdf(text, [image["/Width"] / image["/Height"] for image in images if image.get("/Subtype") == "/Image"])


def check(edit: Edit, project: Path, offline: Path, pdf: Pdf | None) -> dict[str, list[str]]:
    """Each edition's problems with `edit`: none, if it shows the edit as the publisher made it."""
    problems = {edition: [] for edition in EDITIONS}
    for edition in HTML_EDITIONS:
        cache: dict[str, Document | None] = {}
        for expected in edit.expected:
            if expected.page not in cache:
                cache[expected.page] = document(project, offline, edition, expected.page)
            doc = cache[expected.page]
            if doc is None:
                problems[edition].append(f"no page for docs/{expected.page}")
            elif problem := expected.in_html(doc):
                problems[edition].append(problem)
    if pdf is None:
        problems["PDF"].append("make pdf made no PDF")
    else:
        problems["PDF"] += [problem for expected in edit.expected if (problem := expected.in_pdf(pdf))]
    return problems


# -- The run --------------------------------------------------------------------------------

def run_make(project: Path, target: str) -> tuple[bool, str]:
    result = subprocess.run(make_command(target), cwd=project, capture_output=True, text=True)
    return result.returncode == 0, result.stdout + result.stderr


def summary_line(output: str) -> str:
    """pytest's closing line ("612 passed in 540.12s"), or the output's last line."""
    lines = [line for line in output.splitlines() if line.strip()]
    closing = [line for line in lines if re.search(r"\d+ (passed|failed|error)", line)]
    return (closing or lines or ["(no output)"])[-1].strip(" =")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the copy even if every check passes")
    args = parser.parse_args()
    started = time.monotonic()
    plan = yaml.safe_load(EDITS.read_text(encoding="utf-8"))
    folder = Path(tempfile.mkdtemp(prefix="drill-"))
    project = copy_with_tests(folder / "project")
    drill = Drill(project, plan)
    drill.make_all()
    print(f"The publisher's drill, in {project} (git log there: {drill.commits} commits)\n")
    for number, edit in enumerate(drill.edits, 1):
        print(f"{number:3}. {edit.title}  ({edit.where})")

    tested, test_output = run_make(project, "test")
    print(f"\nmake test: {'passed' if tested else 'FAILED'}, {summary_line(test_output)}")
    if not tested:
        print("\n".join(line for line in test_output.splitlines() if line.startswith(("FAILED", "ERROR")))[:5000])
    built, build_output = run_make(project, "pdf")
    print(f"make pdf: {'built' if built else 'FAILED'}")
    if not built:
        print(build_output[-3000:])

    offline = folder / "offline"
    archive = project / "dist" / ARCHIVE_NAME
    if archive.is_file():
        with zipfile.ZipFile(archive) as opened:
            opened.extractall(offline)
        (offline,) = offline.iterdir()
    failures = []
    pdf = read_pdf(project / "dist" / PDF_NAME)
    print("\n" + f"{'edit':<52}" + "".join(f"{edition:<15}" for edition in EDITIONS))
    for number, edit in enumerate(drill.edits, 1):
        problems = check(edit, project, offline, pdf)
        print(f"{number:3}. {edit.title[:46]:<47}" + "".join(
            f"{'PASS' if not problems[edition] else 'FAIL':<15}" for edition in EDITIONS))
        failures += [f"{number}. {edit.title}, {edition}: {problem}"
                     for edition in EDITIONS for problem in problems[edition]]
    if failures:
        print("\nWhat failed:\n" + "\n".join(f"  {failure}" for failure in failures))
    passed = tested and built and not failures
    minutes, seconds = divmod(round(time.monotonic() - started), 60)
    print(f"\n{'PASS' if passed else 'FAIL'}: {len(drill.edits)} edits, make test "
          f"{'passed' if tested else 'FAILED'}, {len(failures)} problems in the editions; took {minutes} min {seconds} s")
    if passed and not args.keep:
        shutil.rmtree(folder)
    else:
        print(f"The copy is kept in {project}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
