"""Make the link-preview cards' font: DejaVu Sans Bold cut down to the scripts the cards draw.

    apt-get install fonts-dejavu-core     # Debian's DejaVu 2.37 (bookworm: 2.37-6)
    python3 -m venv /tmp/fonts
    /tmp/fonts/bin/pip install --require-hashes --no-deps -r scripts/subset_font.requirements.txt
    /tmp/fonts/bin/python scripts/subset_font.py

Writes trustsite/cards/fonts/DejaVuSans-Bold-cards.ttf and, beside it, LICENSE: the
font's own licence text. The same source file and fontTools version give the
same bytes. Only this script needs fontTools; the build reads the font with
Pillow.

The cards keep Latin (every accent), Greek, Cyrillic and typographic
punctuation. They leave out the scripts Pillow's basic layout would draw
wrongly (Arabic and Hebrew run right to left, Indic scripts need shaping),
and bidirectional and invisible format characters: a title with any of those
keeps its words in the card's alt text instead.
"""

import hashlib
import sys
from pathlib import Path

from fontTools import subset, version
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SOURCE_SHA256 = "0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96"
FONTTOOLS = "4.68.0"
TARGET = ROOT / "trustsite" / "cards" / "fonts" / "DejaVuSans-Bold-cards.ttf"

# (first, last) code points, both included.
CHARACTERS = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement (no-break space included), Latin Extended-A and -B
    (0x02B0, 0x036F),  # spacing modifier letters (ʼ), combining accents
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic and its supplement
    (0x1E00, 0x1FFF),  # Latin Extended Additional (Vietnamese), polytonic Greek
    (0x2000, 0x200A),  # spaces of every width
    (0x2010, 0x2027),  # dashes, curly quotes, bullets, ellipsis
    (0x202F, 0x205E),  # narrow no-break space, per mille, primes, guillemets ‹ ›, …
    (0x20A0, 0x20CF),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols: №, ™, ℃
    (0x2212, 0x2212),  # minus sign
]


def main() -> int:
    if version != FONTTOOLS:
        sys.exit(f"fontTools {FONTTOOLS} makes the committed font; this is {version}")
    if hashlib.sha256(SOURCE.read_bytes()).hexdigest() != SOURCE_SHA256:
        sys.exit(f"{SOURCE} is not Debian's DejaVu Sans Bold 2.37")
    options = subset.Options()
    options.notdef_outline = True  # a missing character draws a box, which the cards detect
    options.name_IDs = ["*"]  # copyright and licence included
    options.name_languages = ["*"]
    # Pillow's basic layout reads only the old kern table, never GPOS or GSUB.
    options.legacy_kern = True
    options.layout_features = []
    options.drop_tables += ["FFTM", "GDEF", "GPOS", "GSUB"]
    # Keep the source's date in the font, not today's: the same bytes on every run.
    font = TTFont(SOURCE, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for first, last in CHARACTERS for c in range(first, last + 1)])
    subsetter.subset(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.save(TARGET)
    (TARGET.parent / "LICENSE").write_text(font["name"].getDebugName(13).strip() + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size:,} bytes, "
          f"{len(font.getBestCmap()):,} characters, sha256 {hashlib.sha256(TARGET.read_bytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
