"""The check stage's rules for the pictures a page shows.

Every picture says what it shows (its alt text) or is marked as decorative,
`![](images/rule.png){ .decorative }`, which a screen reader then passes over;
a file's name ("IMG_1234.jpg") is not alt text. The file must be under docs/,
named from the page ("images/photo.jpg"): an address from the host's root
("/images/photo.jpg") breaks on a GitHub Pages project site and in the offline
copy, and a picture from another site is a request to it (the site makes
none). The page is read as Python-Markdown reads it, so a picture in a code
block is only text, and its lines too, to name the line of a picture at fault.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from bs4 import BeautifulSoup
from PIL import Image

from trustsite.data import DataError, quoted
from trustsite.pictures import SUFFIXES

DECORATIVE = "decorative"
# A 50-megapixel camera's photo; many more is a picture made to fill the memory
# of the build that opens it (a few kilobytes of PNG can say 100,000 × 100,000).
LARGEST_PIXELS = 50_000_000
# Alt text that is a file's name, or a camera's name for one: "photo.png", "IMG_1234", "DSC01234".
_FILE_NAME = re.compile(r"[\w .-]*\.(?:jpe?g|png|gif|webp|svg|heic|tiff?|bmp|avif)|(?:img|dsc|dscn|pxl|dji)[_-]?\d+",
                        re.IGNORECASE)


def _alt_problem(alt: str | None, decorative: bool, file: str) -> str | None:
    alt = (alt or "").strip()
    if decorative:
        return None if not alt else (f"the picture {quoted(file)} is marked decorative, yet has alt text "
                                     f"{quoted(alt)}: remove one or the other")
    if not alt:
        return (f"the picture {quoted(file)} has no alt text: say in the brackets what it shows, "
                f"![A therapist and a client talking]({file}), or if it only decorates, "
                f"mark it: ![]({file}){{ .{DECORATIVE} }}")
    if _FILE_NAME.fullmatch(alt) or alt == Path(file).name:
        return (f"the picture {quoted(file)} has a file name, {quoted(alt)}, as its alt text: "
                "say in the brackets what the picture shows")
    return None


def _file_problem(src: str, page: Path, docs_dir: Path) -> str | None:
    parts = urlsplit(src)
    if parts.scheme == "data":
        return None
    if parts.scheme or parts.netloc:
        return (f"the picture {quoted(src)} is on another site, which every reader's browser would "
                "then ask for it: save it under docs/images/ and name it from the page, images/photo.jpg")
    if src.startswith("/"):
        return (f"the picture {quoted(src)} starts with a slash, which breaks on a GitHub Pages project "
                f"site and in the offline copy: name it from the page, {quoted(src.lstrip('/'))}")
    file = (page.parent / unquote(parts.path)).resolve()
    if not file.is_relative_to(docs_dir.resolve()) or not file.is_file():
        return (f"the picture {quoted(src)} is not there: no such file under docs/ "
                "(check the folder, the name and its capitals)")
    if file.suffix.lower() in SUFFIXES and file.suffix.lower() != ".svg":
        try:
            with Image.open(file) as image:
                pixels = image.width * image.height
                image.verify()
        except (OSError, SyntaxError, Image.DecompressionBombError):
            return f"the picture {quoted(src)} is not a picture the build can read: save it again as JPEG or PNG"
        if pixels > LARGEST_PIXELS:
            return (f"the picture {quoted(src)} has {pixels / 1e6:.0f} million pixels, more than the "
                    f"{LARGEST_PIXELS / 1e6:.0f} million of a large camera's photo: save it smaller")
    return None


def _images(text: str) -> list:
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html"])
    return BeautifulSoup(html, "html.parser").find_all("img")


def _line_of(text: str, index: int) -> int:
    """The line of the page's picture number `index` (from 0): the first line
    that, with the lines before it, holds that many pictures and one. For
    `![alt][name]`, whose address is defined further down, the definition's line."""
    lines = text.splitlines(keepends=True)
    low, high = 1, len(lines)
    while low < high:
        middle = (low + high) // 2
        if len(_images("".join(lines[:middle]))) > index:
            high = middle
        else:
            low = middle + 1
    return low


def check_images(text: str, page: Path, docs_dir: Path, shown: str) -> None:
    """A DataError, at its line, for the first picture of the page `text`
    (the file `page`, named `shown`) that breaks a rule."""
    if "![" not in text and "<img" not in text.lower():
        return  # no picture: no need to read the page as Markdown
    try:
        images = _images(text)
    except TimeoutError as error:  # the build's time limit, on a page too complex to finish
        raise DataError(shown, str(error)) from None
    for index, image in enumerate(images):
        src = image.get("src") or ""
        problem = _file_problem(src, page, docs_dir) if src else "a picture names no file"
        problem = problem or _alt_problem(image.get("alt"), DECORATIVE in image.get("class", []), src)
        if problem:
            # Found again only now: a page with no problem is read once.
            raise DataError(shown, problem, line=_line_of(text, index))
