"""What each of the drill's edits must show in an edition, and how to look
for it: in an edition's HTML, read with BeautifulSoup, and in the PDF's text,
read with pypdf and compacted (trustsite_tools/drill.py)."""

import copy
import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from lxml import etree

from trustsite.history import FEED
from trustsite.sources import squash

ATOM = "{http://www.w3.org/2005/Atom}"
# The list of changes in an edition: each correction, with the words before it (trustsite/history/).
CHANGES_LIST = "section.history, section.history-entry"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


@dataclass
class Document:
    """One HTML file of an edition that holds a page, read."""
    edition: str
    path: Path
    root: Path  # the edition's folder, which relative links may not leave
    soup: BeautifulSoup

    @property
    def text(self) -> str:
        """What the edition says, but for its list of changes, which quotes words corrected since."""
        said = copy.copy(self.soup)
        for changes in said.select(CHANGES_LIST):
            changes.decompose()
        return squash(said.get_text())


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


@dataclass(frozen=True)
class Corrected:
    """The correction committed as `reason`, listed on the changes page (`page`)
    with the words `before` and `after`, and in the site's Atom feed."""
    page: str
    reason: str
    before: str
    after: str

    def in_html(self, doc: Document) -> str | None:
        if doc.edition == "whole article":
            return None  # the one-page view holds the article alone
        entries = [squash(entry.get_text()) for entry in doc.soup.select("section.history-entry")
                   if f"Reason: {self.reason}" in squash(entry.get_text())]
        if not entries:
            return f'no entry "{self.reason}" in the list of changes'
        if not any(f"Before: {self.before}" in entry and f"After: {self.after}" in entry for entry in entries):
            return f'the entry "{self.reason}" does not show "{self.before}" before and "{self.after}" after'
        return self._in_feed(doc.root / FEED) if doc.edition in ("site", "offline") else None

    def _in_feed(self, feed: Path) -> str | None:
        if not feed.is_file():
            return f"no {FEED}"
        entries = etree.parse(str(feed)).getroot().findall(f"{ATOM}entry")
        said = [squash(BeautifulSoup(entry.findtext(f"{ATOM}content") or "", "html.parser").get_text())
                for entry in entries if (entry.findtext(f"{ATOM}title") or "").endswith(f": {self.reason}")]
        if not any(self.before in text and self.after in text for text in said):
            return f'{FEED} has no entry "{self.reason}" with its words before and after'
        return None

    def in_pdf(self, pdf: Pdf) -> str | None:
        return None  # the PDF prints the article alone


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
