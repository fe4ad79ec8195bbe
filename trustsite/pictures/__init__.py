"""A publisher's picture, made fit to publish: no wider than a reading column
needs, and no heavier than a phone should download for it.

A JPEG or PNG wider than the column, or taller (a portrait photo in the
column would otherwise fill screens), is scaled down (Lanczos) and encoded again:
JPEG at quality 82, progressive and optimised, turned upright by its EXIF
orientation and with no EXIF kept (a camera's records the place and time a
photo was taken); PNG optimised, and kept PNG (a diagram's sharp edges, its
transparency), unless the PNG as it is has fewer bytes (a diagram of flat
colours often has). The same bytes in give the same bytes out. A picture no wider
than the column, and any other kind (GIF, WebP), is published as it is. An
SVG is published as it is too: it is text, already as sharp as any screen,
and its size is what its own `width` and `height` say, if they say.
"""

import io
from pathlib import Path
from dataclasses import dataclass

from bs4 import BeautifulSoup
from PIL import Image, ImageOps

# The widest and tallest a picture needs to be: the site's column is at most
# ~800 CSS px, twice that for a sharp screen; the one-file edition is read on
# phones, and keeps each picture at a twentieth of a 3 MB photo or so.
SITE_BOX = 1600
ONE_FILE_BOX = 800
JPEG_QUALITY = 82
# The file endings the check stage and the publishing step treat as pictures.
SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg")
# EXIF orientations that turn a picture a quarter turn, so its width is its height.
_QUARTER_TURNS = {5, 6, 7, 8}
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Picture:
    data: bytes
    width: int | None  # in pixels, as a browser shows it upright; None for an SVG that does not say
    height: int | None


def _svg_length(value: str | None) -> int | None:
    """An SVG `width` or `height` in pixels: "120", "120px"; None for any other unit, or none."""
    number = (value or "").strip().removesuffix("px")
    try:
        return round(float(number)) if float(number) > 0 else None
    except ValueError:
        return None


def _svg(data: bytes) -> Picture:
    # Read as markup, not XML: an entity defined in the file is never expanded.
    root = BeautifulSoup(data, "html.parser").find("svg")
    width = _svg_length(root.get("width")) if root else None
    height = _svg_length(root.get("height")) if root else None
    return Picture(data, width, height) if width and height else Picture(data, None, None)


def _encoded(image: Image.Image, kind: str, icc_profile: bytes | None) -> bytes:
    out = io.BytesIO()
    if kind == "JPEG":
        image = image if image.mode in ("L", "RGB", "CMYK") else image.convert("RGB")
        image.save(out, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True, icc_profile=icc_profile)
    else:
        image.save(out, "PNG", optimize=True, icc_profile=icc_profile)
    return out.getvalue()


def fitted(data: bytes, name: str, box: int) -> Picture:
    """The picture in `data` (its file named `name`) as published no wider and
    no taller than `box` pixels. Raises PIL.UnidentifiedImageError (an OSError)
    for bytes that are no picture Pillow reads."""
    if name.lower().endswith(".svg"):
        return _svg(data)
    with Image.open(io.BytesIO(data)) as image:
        turned = image.getexif().get(_ORIENTATION) in _QUARTER_TURNS
        width, height = (image.height, image.width) if turned else image.size
        scale = box / max(width, height)
        if image.format not in ("JPEG", "PNG") or scale >= 1:
            return Picture(data, width, height)
        upright = ImageOps.exif_transpose(image)
        if upright.mode not in ("L", "LA", "RGB", "RGBA", "CMYK"):
            upright = upright.convert("RGBA" if upright.has_transparency_data else "RGB")
        size = max(1, round(width * scale)), max(1, round(height * scale))
        resized = upright.resize(size, Image.Resampling.LANCZOS)
        encoded = _encoded(resized, image.format, image.info.get("icc_profile"))
        if image.format == "PNG" and len(encoded) >= len(data):
            return Picture(data, width, height)  # already lighter as it is; a browser scales it down
        return Picture(encoded, *size)


def size_lines(docs_dir: Path, site_dir: Path, most: int = 20) -> list[str]:
    """For the build's report: each picture of docs/ as the site publishes it, one
    line each with its bytes in docs/ and on the site, and its size there;
    `most` lines, then a count."""
    lines = []
    for source in sorted(path for path in docs_dir.rglob("*") if path.suffix.lower() in SUFFIXES):
        relative = source.relative_to(docs_dir).as_posix()
        if not (site_dir / relative).is_file():
            continue
        try:
            picture = fitted((site_dir / relative).read_bytes(), relative, box=2**31)
        except OSError:
            continue  # not a picture; the check stage has said so
        size = f", {picture.width}×{picture.height} px" if picture.width else ""
        lines.append(f"{relative}: {source.stat().st_size:,} bytes → {len(picture.data):,}{size}")
    return lines[:most] + ([f"and {len(lines) - most} more"] if len(lines) > most else [])
