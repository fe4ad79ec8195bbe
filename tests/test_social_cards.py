"""Link-preview cards and the app icon: drawn from plain arguments (no MkDocs),
then as the build writes them for every page of the online site."""

import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from PIL import Image, ImageChops, ImageDraw

from conftest import change_config, copy_project, run_build, site_pages
from trustsite.seo import long_date
from trustsite.social_card import (CARD_FOLDER, DARK_TEAL, HEIGHT, MARGIN, WIDTH, app_icon_png, card_alt,
                                   card_lines, card_png, drawable)

SITE = "The importance of building trust in therapy relationships"
PUBLISHED = date(2025, 1, 21)
BUDGET = 150_000  # bytes per card
MIN_CONTRAST = 4.5
# Too long for the card at any size, with a "word" wider than a whole line.
LONG_TITLE = "Trust " * 40 + "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3


def luminance(colour) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def decode(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def ink_and_ground(image: Image.Image, box) -> tuple[tuple, tuple]:
    """The background (the commonest colour) of a piece of `image` and the
    colour that stands out most from it: the text's own, away from its soft edges."""
    colours = image.convert("RGB").crop(box).getcolors(maxcolors=1 << 16)
    ground = max(colours)[1]
    ink = max(colours, key=lambda counted: contrast(counted[1], ground))[1]
    return ink, ground


# -- A card from plain arguments ------------------------------------------------------

def test_contrast_measure_is_wcags():
    assert contrast((255, 255, 255), (0, 0, 0)) == pytest.approx(21)
    assert contrast((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_a_card_is_a_small_1200_by_630_palette_png():
    png = card_png("The foundation of trust", SITE, PUBLISHED)
    image = decode(png)
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1200, 630)
    assert image.mode == "P" and len(png) <= BUDGET


def test_card_shows_the_page_the_article_and_the_date():
    lines = card_lines("The foundation of trust", SITE, PUBLISHED)
    shown = {role: " ".join(line.text for line in lines if line.role == role) for role in ("site", "title", "date")}
    assert shown == {"site": SITE, "title": "The foundation of trust", "date": "21 January 2025"}


def test_the_home_page_card_names_the_article_once():
    lines = card_lines(SITE, SITE, PUBLISHED)
    assert [line.role for line in lines if line.role != "title"] == ["date"]
    assert " ".join(line.text for line in lines if line.role == "title") == SITE


@pytest.mark.parametrize("title", ["The foundation of trust", SITE, LONG_TITLE])
def test_every_line_of_text_reads_at_4_5_to_1_measured_from_the_pixels(title):
    image = decode(card_png(title, SITE, PUBLISHED))
    for line in card_lines(title, SITE, PUBLISHED):
        ink, ground = ink_and_ground(image, line.box)
        assert ground == DARK_TEAL, line
        assert ink == line.colour, line  # the pixels are the colour the renderer declares
        assert contrast(ink, ground) >= MIN_CONTRAST, line


def test_a_very_long_title_is_cut_short_inside_the_card():
    lines = card_lines(LONG_TITLE, SITE, PUBLISHED)
    title = [line for line in lines if line.role == "title"]
    site = [line for line in lines if line.role == "site"]
    (when,) = [line for line in lines if line.role == "date"]
    assert title[-1].text.endswith("…") and len(title) > 1
    # Where the title's pixels are: the card with the long title against one with none.
    drawn = ImageChops.difference(decode(card_png(LONG_TITLE, SITE, PUBLISHED)).convert("RGB"),
                                  decode(card_png("", SITE, PUBLISHED)).convert("RGB")).getbbox()
    left, top, right, bottom = drawn
    assert left >= MARGIN and right <= WIDTH - MARGIN, drawn
    assert top > site[-1].box[3] and bottom < when.box[1], drawn
    for line in title:
        assert line.box[0] >= MARGIN and line.box[2] <= WIDTH - MARGIN, line


def test_a_very_long_article_title_takes_two_lines_above_the_page_title():
    lines = card_lines("Trust dynamics", LONG_TITLE, PUBLISHED)
    site = [line for line in lines if line.role == "site"]
    title = [line for line in lines if line.role == "title"]
    assert len(site) == 2 and site[-1].text.endswith("…")
    assert site[-1].box[3] < title[0].box[1] and " ".join(line.text for line in title) == "Trust dynamics"


def test_a_word_wider_than_the_card_is_broken():
    lines = card_lines("Pneumonoultramicroscopicsilicovolcanoconiosis" * 2, SITE, PUBLISHED)
    title = [line for line in lines if line.role == "title"]
    assert len(title) > 1 and all(line.box[2] <= WIDTH - MARGIN for line in title)


def test_each_title_gets_its_own_card_and_the_same_title_the_same_bytes():
    titles = ["Trust dynamics", "Trust and outcomes", "Rebuilding trust"]
    cards = [card_png(title, SITE, PUBLISHED) for title in titles]
    assert len(set(cards)) == len(titles)
    assert card_png("Trust dynamics", SITE, PUBLISHED) == cards[0]
    assert card_png("Trust dynamics", SITE, date(2025, 1, 22)) != cards[0]


def test_accents_and_dashes_are_drawn_as_their_nearest_letters():
    assert drawable("Café — “trust” – Flückiger") == "Cafe - “trust” - Fluckiger"
    assert card_png("Café — trust", SITE, PUBLISHED) == card_png("Cafe - trust", SITE, PUBLISHED)


def test_a_character_the_font_lacks_is_a_clear_error():
    with pytest.raises(ValueError, match="cannot draw 'Ω' in 'Trust Ω'"):
        card_png("Trust Ω", SITE, PUBLISHED)


def test_alt_text_names_the_page_the_article_and_the_date():
    assert card_alt("Trust dynamics", SITE, PUBLISHED) == (
        f"“Trust dynamics”, from the article “{SITE}”, published 21 January 2025")
    assert card_alt(SITE, SITE, PUBLISHED) == f"“{SITE}”, an article published 21 January 2025"


# -- The app icon -------------------------------------------------------------------

@pytest.mark.parametrize("size", [192, 512])
def test_app_icon_is_a_square_png_with_its_motif_in_the_maskable_safe_zone(size):
    png = app_icon_png(size)
    assert png == app_icon_png(size)
    image = decode(png)
    assert image.format == "PNG" and image.size == (size, size) and image.mode == "P"
    rgb = image.convert("RGB")
    # A maskable icon's safe zone is the circle of 40 % of its side around the centre.
    safe = Image.new("L", (size, size))
    ImageDraw.Draw(safe).ellipse([size * 0.1, size * 0.1, size * 0.9, size * 0.9], fill=255)
    motif = ImageChops.difference(rgb, Image.new("RGB", (size, size), DARK_TEAL)).convert("L").point(
        lambda value: 255 if value else 0)
    assert motif.getbbox(), "the icon is blank"
    outside = ImageChops.subtract(motif, safe)
    assert outside.getbbox() is None, outside.getbbox()
    assert len(png) < 20_000


# -- As the build writes them ---------------------------------------------------------

def read(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


@pytest.fixture(scope="module")
def cards(built) -> dict[str, bytes]:
    """{page path: its card's bytes}, found through each page's og:image tag."""
    config = yaml_load((built.project / "mkdocs.yml").read_text(encoding="utf-8"))
    published = long_date(date.fromisoformat(str(config["extra"]["published"])))
    site_url = read(built.site / "index.html").find("link", rel="canonical")["href"]
    found = {}
    for path in site_pages(built.site):
        page = read(built.site / path / "index.html")
        title = meta(page, "og:title")
        image = meta(page, "og:image")
        assert image and image.startswith(site_url + CARD_FOLDER), (path, image)
        assert meta(page, "twitter:card") == "summary_large_image", path
        assert f"“{title}”" in meta(page, "og:image:alt") and published in meta(page, "og:image:alt"), path
        png = (built.site / image.removeprefix(site_url)).read_bytes()
        card = decode(png)
        assert card.size == (int(meta(page, "og:image:width")), int(meta(page, "og:image:height"))), path
        found[path] = png
    return found


def test_every_page_has_its_own_card_within_budget(built, cards):
    assert len(cards) > 10, "too few pages for the whole site"
    for path, png in cards.items():
        assert decode(png).size == (WIDTH, HEIGHT) and len(png) <= BUDGET, path
    assert len(set(cards.values())) == len(cards), "two pages share a card"
    # Nothing else is in the folder: no card for the 404 page, no leftovers.
    assert len(list((built.site / CARD_FOLDER).rglob("*"))) == len(cards)


def test_the_404_page_and_the_offline_copy_have_no_card(built, offline_copy):
    assert meta(read(built.site / "404.html"), "og:image") is None
    assert not (offline_copy / CARD_FOLDER).exists()
    pages = sorted(offline_copy.rglob("*.html"))
    assert pages
    for page in pages:
        soup = read(page)
        assert meta(soup, "og:image") is None and meta(soup, "twitter:card") == "summary", page


def test_a_title_the_font_cannot_draw_stops_the_build_on_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    change_config(project, "  - Conclusion: conclusion.md", "  - Conclusion Ω: conclusion.md")
    result = run_build(project)
    assert result.returncode != 0
    assert "docs/conclusion.md: the link-preview card's font cannot draw 'Ω'" in result.output
    assert "Traceback" not in result.output
