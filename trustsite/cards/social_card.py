"""Link-preview cards and the app icon, drawn with Pillow.

A card is a 1200x630 PNG that a messenger or social network shows beside a
shared link: the article's title, the page's own title and the publication
date, in the site's teal and orange. The text is drawn in DejaVu Sans Bold,
cut down to Latin, Greek, Cyrillic and punctuation (fonts/, made by
scripts/subset_font.py), exactly as written. A title in any other script
(Chinese, an emoji...) is left off the card, which still shows what it can;
the alt text always gives every title whole. Images are palette PNGs of a few
dozen colours, so a card weighs about 10 KB, and the same arguments always
give the same bytes.
"""

import io
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from trustsite.data import quoted
from trustsite.publication_date import long_date

WIDTH, HEIGHT = 1200, 630
# Where the online site keeps the cards, one per page.
CARD_FOLDER = "assets/images/social/"

# The site's palette (its stylesheet in docs/stylesheets/). Contrast on DARK_TEAL:
DARK_TEAL = (0x00, 0x4D, 0x40)  # the background
WHITE = (0xFF, 0xFF, 0xFF)  # the page's title and the date: 9.8:1
PALE_TEAL = (0xB2, 0xDF, 0xDB)  # the article's title: 6.8:1
ORANGE = (0xBF, 0x36, 0x0C)  # the accent strip, no text on it
LIGHT_ORANGE = (0xFF, 0x9E, 0x80)  # the dark palette's accent, for the motif: 4.9:1

MARGIN = 80
SITE_NAME_SIZE = 34
DATE_SIZE = 34
# The page's title takes the largest size at which it fits, then is cut short.
TITLE_SIZES = (84, 76, 68, 60, 52)
LINE_HEIGHT = 1.18
STRIP_HEIGHT = 14
# The motif: two linked rings, bottom right, beside the date.
RING_RADIUS, RING_WIDTH = 44, 11
RING_CENTRES = ((1012, 532), (1076, 532))
# Shapes are drawn this many times larger, then shrunk, for smooth edges.
SUPERSAMPLE = 4

FONT = Path(__file__).with_name("fonts") / "DejaVuSans-Bold-cards.ttf"
_ELLIPSIS = "\u2026"
# Where a title's line may break: any space but a no-break one, which stays as written.
_BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f]+")


@dataclass(frozen=True)
class Line:
    """One line of text on a card, where it is drawn and in what colour."""

    role: str  # "site", "title" or "date"
    text: str
    size: int
    colour: tuple[int, int, int]
    x: int
    baseline: int

    @property
    def box(self) -> tuple[int, int, int, int]:
        """Left, top, right and bottom of the line's ink, in pixels."""
        left, top, right, bottom = _font(self.size).getbbox(self.text, anchor="ls")
        return self.x + left, self.baseline + top, self.x + right, self.baseline + bottom


def card_alt(title: str, site_name: str, published: date) -> str:
    """What the card shows, in words: its alt text."""
    if title == site_name:
        return f"“{title}”, an article published {long_date(published)}"
    return f"“{title}”, from the article “{site_name}”, published {long_date(published)}"


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    # Pillow's basic layout, never Raqm: that would depend on the machine's
    # FriBiDi, and the same title must give the same bytes everywhere.
    return ImageFont.truetype(FONT, size, layout_engine=ImageFont.Layout.BASIC)


@cache
def _can_draw(character: str) -> bool:
    """Whether the cards' font has a glyph for `character` (a missing one draws as a box)."""
    def drawn(text: str) -> bytes:
        image = Image.new("L", (64, 64))
        ImageDraw.Draw(image).text((8, 8), text, font=_font(32), fill=255)
        return image.tobytes()

    return drawn(character) != drawn("\uffff")


def missing_characters(text: str) -> list[str]:
    """The characters of `text` the cards' font cannot draw, each once, in order."""
    missing = [c for c in unicodedata.normalize("NFC", text) if not _can_draw(c)]
    return list(dict.fromkeys(missing))


def left_off_notice(title: str, site_name: str) -> str | None:
    """What a card leaves off, and why, in a line; None if it shows every title."""
    left_off = [(text, missing) for text in dict.fromkeys((title, site_name))
                if (missing := missing_characters(text))]
    if not left_off:
        return None
    return "; ".join(f"the link-preview card leaves off {quoted(text)}, as its font cannot draw "
                     f"{', '.join(map(quoted, missing[:5]))}{', …' if len(missing) > 5 else ''}"
                     for text, missing in left_off) + "; the alt text gives it whole"


def _inked_width(text: str, font: ImageFont.FreeTypeFont) -> int:
    """How far right of its starting point `text`'s ink reaches (a final
    letter's overhang included)."""
    return font.getbbox(text, anchor="ls")[2]


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """`text` broken into lines no wider than `width`, between words where it
    can be and inside a word too long for a line of its own."""
    lines: list[str] = []
    line = ""
    for word in _BREAKS.split(text.strip()):
        candidate = f"{line} {word}" if line else word
        if _inked_width(candidate, font) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for character in word:
            if line and _inked_width(line + character, font) > width:
                lines.append(line)
                line = ""
            line += character
    if line:
        lines.append(line)
    return lines


def _shorten(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """`line` cut short with an ellipsis, to show that the title goes on."""
    while line and _inked_width(line + _ELLIPSIS, font) > width:
        line = line[:-1]
    return line.rstrip() + _ELLIPSIS


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int, most: int) -> list[str]:
    """`text` wrapped to `width` in at most `most` lines, the last cut short if it goes on."""
    lines = _wrap(text, font, width)
    if len(lines) > most:
        lines = lines[:most - 1] + [_shorten(lines[most - 1], font, width)]
    return lines


def card_lines(title: str, site_name: str, published: date) -> list[Line]:
    """Every line of text on the card, placed.

    The article's title heads the card (left out where it is the page's own
    title, as on the home page); the page's title follows, as large as fits;
    the date stands at the foot, above the orange strip. A title with a
    character the font cannot draw is left off (missing_characters).
    """
    width = WIDTH - 2 * MARGIN
    lines: list[Line] = []
    top = MARGIN
    if title != site_name and not missing_characters(site_name):
        font = _font(SITE_NAME_SIZE)
        ascent = font.getmetrics()[0]
        for text in _fit(unicodedata.normalize("NFC", site_name), font, width, 2):
            lines.append(Line("site", text, SITE_NAME_SIZE, PALE_TEAL, MARGIN, top + ascent))
            top += round(SITE_NAME_SIZE * LINE_HEIGHT)
        top += 36

    date_baseline = HEIGHT - STRIP_HEIGHT - 60
    # The title stays above the date's row, which the rings share.
    bottom = RING_CENTRES[0][1] - RING_RADIUS - 24
    if missing_characters(title):
        title = ""
    # Composed: "é" as one character, not "e" and an accent, which the basic layout would draw apart.
    shown = unicodedata.normalize("NFC", title)
    for size in TITLE_SIZES:
        font = _font(size)
        step = round(size * LINE_HEIGHT)
        fitting = (bottom - top - font.getmetrics()[0]) // step + 1
        if len(_wrap(shown, font, width)) <= fitting:
            break
    ascent = font.getmetrics()[0]
    for index, text in enumerate(_fit(shown, font, width, fitting)):
        lines.append(Line("title", text, size, WHITE, MARGIN, top + ascent + index * step))

    lines.append(Line("date", long_date(published), DATE_SIZE, WHITE, MARGIN, date_baseline))
    return lines


def _palette(pairs: list[tuple[tuple[int, int, int], tuple[int, int, int]]]) -> Image.Image:
    """A palette image of each colour pair and 15 steps between them, for the
    edges that antialiasing softens."""
    colours: list[tuple[int, int, int]] = []
    for ink, ground in pairs:
        for step in range(17):
            colour = tuple(round(g + (i - g) * step / 16) for i, g in zip(ink, ground))
            if colour not in colours:
                colours.append(colour)
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette


def _png(image: Image.Image, palette: Image.Image) -> bytes:
    """`image` as a palette PNG: every pixel the nearest of the palette's colours."""
    out = io.BytesIO()
    # zlib's default level: a card an eighth larger than at its best (10-17 KB),
    # made in a third of the time, on every build and every preview.
    image.quantize(palette=palette, dither=Image.Dither.NONE).save(out, "PNG", compress_level=6)
    return out.getvalue()


def _rings(image: Image.Image, centres, radius: float, width: float, colours) -> None:
    """Two linked rings on `image` (centres, radius and stroke in its pixels):
    the second lies over the first except at the top, where the first
    crosses back over it, so they interlock."""
    # Only the rings' own box is drawn large, which keeps a card quick to make.
    left = math.floor(min(x for x, _ in centres) - radius) - 1
    top = math.floor(min(y for _, y in centres) - radius) - 1
    right = math.ceil(max(x for x, _ in centres) + radius) + 1
    bottom = math.ceil(max(y for _, y in centres) + radius) + 1
    region = image.crop((left, top, right, bottom))
    masks = []
    for x, y in centres:
        mask = Image.new("L", (region.width * SUPERSAMPLE, region.height * SUPERSAMPLE))
        box = [(x - left - radius) * SUPERSAMPLE, (y - top - radius) * SUPERSAMPLE,
               (x - left + radius) * SUPERSAMPLE, (y - top + radius) * SUPERSAMPLE]
        ImageDraw.Draw(mask).ellipse(box, outline=255, width=round(width * SUPERSAMPLE))
        masks.append(mask.resize(region.size, Image.Resampling.BOX))
    first, second = masks
    region.paste(colours[0], mask=first)
    region.paste(colours[1], mask=second)
    first.paste(0, (0, round(centres[0][1] - top), region.width, region.height))
    region.paste(colours[0], mask=first)
    image.paste(region, (left, top))


def card_png(title: str, site_name: str, published: date) -> bytes:
    """The link-preview card of one page, as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), DARK_TEAL)
    draw = ImageDraw.Draw(image)
    for line in card_lines(title, site_name, published):
        draw.text((line.x, line.baseline), line.text, font=_font(line.size), fill=line.colour, anchor="ls")
    draw.rectangle([0, HEIGHT - STRIP_HEIGHT, WIDTH, HEIGHT], fill=ORANGE)
    _rings(image, RING_CENTRES, RING_RADIUS, RING_WIDTH, (WHITE, LIGHT_ORANGE))
    return _png(image, _palette([(WHITE, DARK_TEAL), (PALE_TEAL, DARK_TEAL), (LIGHT_ORANGE, DARK_TEAL),
                                 (LIGHT_ORANGE, WHITE), (ORANGE, DARK_TEAL)]))


def app_icon_png(size: int) -> bytes:
    """A square app icon of `size` pixels: the cards' linked rings on dark teal.

    The rings keep inside the central 80 %, the part of a "maskable" icon
    that every platform's mask (circle, squircle, rounded square) shows.
    """
    image = Image.new("RGB", (size, size), DARK_TEAL)
    # In hundredths of the side: the pair spans 22 to 78 across, 33 to 67 down.
    unit = size / 100
    _rings(image, ((39 * unit, 50 * unit), (61 * unit, 50 * unit)), 17 * unit, 5 * unit,
           (WHITE, LIGHT_ORANGE))
    return _png(image, _palette([(WHITE, DARK_TEAL), (LIGHT_ORANGE, DARK_TEAL), (LIGHT_ORANGE, WHITE)]))
