"""The edits the drill makes to its copy of the project, as a publisher's editor
makes them: in the Markdown of a page, in a data file's YAML and in
mkdocs.yml, each committed on its own (trustsite_tools/drill.py, drill/edits.yml).

Each edit finds its place by the article's structure (the third page of the
menu, a table's first row), never by today's words."""

import datetime
import json
import os
import random
import re
import subprocess
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

from trustsite_tools.edition_checks import (Citation, Corrected, Dated, Edit, InElement, MenuEntry, NotShown, Picture,
                                            Row, Shown, long_dates, shown_text)
from trustsite_tools.project_copy import SHARED
from trustsite.data import load_rows
from trustsite.history import PAGE as CHANGES_PAGE
from trustsite.schema import SCHEMAS
from trustsite.settings import load_settings
from trustsite.sources import Unit, article_pages, page_calling, page_units, sentences
from trustsite.tables import TABLES

# The first publication's date in the copy's history; each edit is committed a day later.
FIRST_COMMIT = datetime.datetime(2025, 1, 21, 12, tzinfo=datetime.timezone.utc)


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
        raise LookupError(f"{old!r} is not in {file} exactly once")
    path.write_text(text.replace(old, new), encoding="utf-8")


def plain_sentence(project: Path, pages: list[str]) -> Unit:
    """The first sentence of the article's own words alone (no markup, quote or dash),
    written once in its page, on the first of `pages` that has one: one that any
    index or copy holds just as it is written."""
    for page in pages:
        text = (project / "docs" / page).read_text(encoding="utf-8")
        for unit in page_units(project, page):
            if (unit.file == f"docs/{page}" and not unit.added and re.fullmatch(r"[A-Z][A-Za-z ,]+\.", unit.text)
                    and text.count(unit.text) == 1):
                return unit
    raise LookupError("no page holds a plain sentence")


def first_sentence(project: Path, pages: list[str]) -> tuple[str, int, str]:
    """The first sentence of the first paragraph (after the heading and the lead line) of the
    first of `pages` whose paragraph opens with plain text: that page, the line, the sentence."""
    for page in pages:
        lines = (project / "docs" / page).read_text(encoding="utf-8").splitlines()
        texts = [unit.text for unit in page_units(project, page)]
        for number, line in enumerate(lines, 1):
            following = lines[number] if number < len(lines) else ""
            if re.match(r"[A-Z]", line) and not following.lstrip().startswith("{"):
                first = sentences(line)[0]
                if first in texts and line.count(first) == 1:  # no markup in it
                    return page, number, first
                break
    raise LookupError("no page opens with a plain sentence")


def misspell(word: str) -> str:
    """`word` with two neighbouring letters swapped: the first pair after its first letter that differ."""
    at = next((n for n in range(1, len(word) - 1) if word[n] != word[n + 1]), None)
    if at is None:
        raise LookupError(f"the word {word!r} has no two letters to swap")
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
        unit = plain_sentence(self.project, self.following("typo"))
        page, sentence = unit.file.removeprefix("docs/"), unit.text
        word = max(re.findall(r"[A-Za-z]+", sentence), key=len)
        misspelt = misspell(word)
        wrong = re.sub(rf"\b{word}\b", misspelt, sentence, count=1)
        replace_once(self.project, f"docs/{page}", sentence, wrong)
        self.commit(f"Publish docs/{page} with a typo, {misspelt}")
        replace_once(self.project, f"docs/{page}", wrong, sentence)
        # A correction, with its reason: listed on the changes page and in the feed.
        reason = f"Correct a typo in docs/{page}: {misspelt} to {word}"
        self.record(reason, f"typo corrected: {misspelt} to {word}", f"docs/{page}", Shown(page, sentence),
                    NotShown(page, wrong), Corrected(CHANGES_PAGE, reason, wrong, sentence))

    def first_sentence(self) -> None:
        page, _, old = first_sentence(self.project, self.following("first_sentence"))
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
                raise LookupError(f"drill/edits.yml changes and removes the same row of {data_file}")
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
