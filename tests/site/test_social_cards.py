"""Link-preview cards and the app icon: drawn from plain arguments (no MkDocs),
then as the build writes them for every page of the online site."""

import io
import unicodedata
from datetime import date

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from PIL import Image, ImageChops, ImageDraw

from tests.support.article import built_page
from tests.support.built_site import site_pages
from tests.support.project import change_config, copy_project, run_build
from trustsite.cards.social_card import (CARD_FOLDER, DARK_TEAL, HEIGHT, MARGIN, WIDTH, app_icon_png, card_alt,
                                         card_lines, card_png, left_off_notice, missing_characters)
from trustsite.publication_date import long_date

# The tests' own article, not the site's: its name takes two lines on a card.
SITE = "A guide to building trust between clients and therapists"
PUBLISHED = date(2024, 3, 9)
BUDGET = 150_000  # bytes per card
MIN_CONTRAST = 4.5
# Too long for the card at any size, with a "word" wider than a whole line.
LONG_TITLE = "Trust " * 40 + "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
# Latin with its accents, Greek (polytonic too), Cyrillic and typographic punctuation.
AS_WRITTEN = {"Latin": "Café, Straße, Łódź, őrző, Ñandú, Việt, ǅ",
              "Greek": "Ψυχή, Εμπιστοσύνη, ἀλήθεια",
              "Cyrillic": "Доверие, Україна, ґ, ї, Ђ",
              "punctuation": "“Quoted” ‘single’ „unten“ «guillemets» ‹›",
              "dashes and spaces": "– — … 10\u00a0km 5\u202f% № −1 €"}
# Scripts the font lacks, and those it would draw wrongly (right to left), and an emoji.
NOT_DRAWN = {"Japanese and an emoji": "信頼 ✨", "Chinese": "信任", "Hebrew": "אמון", "Arabic": "ثقة",
             "right-to-left override": "Trust \u202e"}


def title_of(lines) -> str:
    return " ".join(line.text for line in lines if line.role == "title")


def without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


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
    png = card_png("What a first session is like", SITE, PUBLISHED)
    image = decode(png)
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1200, 630)
    assert image.mode == "P" and len(png) <= BUDGET


def test_card_shows_the_page_the_article_and_the_date():
    lines = card_lines("What a first session is like", SITE, PUBLISHED)
    shown = {role: " ".join(line.text for line in lines if line.role == role) for role in ("site", "title", "date")}
    assert shown == {"site": SITE, "title": "What a first session is like", "date": "March 9, 2024"}


def test_the_home_page_card_names_the_article_once():
    lines = card_lines(SITE, SITE, PUBLISHED)
    assert [line.role for line in lines if line.role != "title"] == ["date"]
    assert " ".join(line.text for line in lines if line.role == "title") == SITE


@pytest.mark.parametrize("title", ["What a first session is like", SITE, LONG_TITLE])
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
    lines = card_lines("Keeping confidences", LONG_TITLE, PUBLISHED)
    site = [line for line in lines if line.role == "site"]
    title = [line for line in lines if line.role == "title"]
    assert len(site) == 2 and site[-1].text.endswith("…")
    assert site[-1].box[3] < title[0].box[1] and " ".join(line.text for line in title) == "Keeping confidences"


def test_a_word_wider_than_the_card_is_broken():
    lines = card_lines("Pneumonoultramicroscopicsilicovolcanoconiosis" * 2, SITE, PUBLISHED)
    title = [line for line in lines if line.role == "title"]
    assert len(title) > 1 and all(line.box[2] <= WIDTH - MARGIN for line in title)


def test_each_title_gets_its_own_card_and_the_same_title_the_same_bytes():
    titles = ["Keeping confidences", "Measuring progress", "After a rupture"]
    cards = [card_png(title, SITE, PUBLISHED) for title in titles]
    assert len(set(cards)) == len(titles)
    assert card_png("Keeping confidences", SITE, PUBLISHED) == cards[0]
    assert card_png("Keeping confidences", SITE, date(2024, 3, 10)) != cards[0]


@pytest.mark.parametrize("case", AS_WRITTEN)
def test_latin_greek_cyrillic_and_punctuation_are_drawn_as_written(case):
    title = AS_WRITTEN[case]
    assert missing_characters(title) == []
    assert title_of(card_lines(title, SITE, PUBLISHED)) == title
    assert left_off_notice(title, SITE) is None


@pytest.mark.parametrize("accented, plain", [("Café — trust", "Cafe - trust"), ("Straße", "Strasse"),
                                             ("Εμπιστοσύνη", "Εμπιστοσυνη"), ("“trust”", '"trust"')])
def test_an_accent_or_a_curly_quote_is_drawn_not_simplified(accented, plain):
    assert card_png(accented, SITE, PUBLISHED) != card_png(plain, SITE, PUBLISHED)


def test_an_accent_typed_apart_is_drawn_as_the_accented_letter():
    assert card_png("Cafe\u0301", SITE, PUBLISHED) == card_png("Café", SITE, PUBLISHED)


def test_a_no_break_space_keeps_its_words_on_one_line():
    pair = "trust\u00a0therapy"
    lines = [line for line in card_lines(" ".join([pair] * 30), SITE, PUBLISHED) if line.role == "title"]
    assert len(lines) > 1
    for line in lines:
        assert set(line.text.removesuffix("…").split(" ")) <= {pair, "trust\u00a0", "trust"}, line.text


@pytest.mark.parametrize("case", NOT_DRAWN)
def test_a_title_the_font_cannot_draw_is_left_off_the_card_which_shows_the_rest(case):
    title = NOT_DRAWN[case]
    lines = card_lines(title, SITE, PUBLISHED)
    assert [line.role for line in lines] == ["site", "site", "date"]
    assert card_png(title, SITE, PUBLISHED) == card_png("", SITE, PUBLISHED)
    assert missing_characters(title) and missing_characters(title + " trust") == missing_characters(title)
    assert left_off_notice(title, SITE).startswith(f"the link-preview card leaves off {title!r}")


def test_the_notice_names_the_characters_the_font_lacks_and_how_the_title_is_kept():
    assert left_off_notice("信頼 ✨", SITE) == ("the link-preview card leaves off '信頼 ✨', as its font cannot draw "
                                               "'信', '頼', '✨'; the alt text gives it whole")


def test_an_article_title_the_font_cannot_draw_leaves_the_page_title_and_date():
    lines = card_lines("Keeping confidences", "信頼", PUBLISHED)
    assert [line.role for line in lines] == ["title", "date"] and title_of(lines) == "Keeping confidences"
    # On the home page the two titles are one, named once.
    assert left_off_notice("信頼", "信頼").count("'信頼'") == 1


def test_alt_text_names_the_page_the_article_and_the_date():
    assert card_alt("Keeping confidences", SITE, PUBLISHED) == (
        f"“Keeping confidences”, from the article “{SITE}”, published March 9, 2024")
    assert card_alt(SITE, SITE, PUBLISHED) == f"“{SITE}”, an article published March 9, 2024"
    assert card_alt("信頼 ✨", SITE, PUBLISHED).startswith("“信頼 ✨”, from the article")


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


# The acceptance titles: one the font draws whole, one it cannot.
DRAWN_TITLE = "Größe des Vertrauens: Εμπιστοσύνη, Доверие"
LEFT_OFF_TITLE = "信頼 ✨"


def test_titles_in_any_language_build_each_with_its_card_and_alt_text_as_written(tmp_path):
    project = copy_project(tmp_path / "project")
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    # Two pages after the opening one, given new menu titles.
    (drawn_page, left_off_page) = [next(iter(entry.items())) for entry in config["nav"][1:3]]
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    for (_, file), title in ((drawn_page, DRAWN_TITLE), (left_off_page, LEFT_OFF_TITLE)):
        # The nav's line for the page, however its title is written (quoted or not).
        (line,) = [line for line in lines if line.startswith("  - ") and line.endswith(f": {file}")]
        change_config(project, line, f'  - "{title}": {file}')

    result = run_build(project)

    assert result.returncode == 0, result.output
    site = project / "site"
    published = date.fromisoformat(str(config["extra"]["published"]))
    for (_, file), title in ((drawn_page, DRAWN_TITLE), (left_off_page, LEFT_OFF_TITLE)):
        page = read(built_page(site, file))
        assert f"“{title}”" in meta(page, "og:image:alt"), file
        card = (site / CARD_FOLDER / file).with_suffix(".png").read_bytes()
        assert decode(card).size == (WIDTH, HEIGHT), file
        assert card == card_png(title, config["site_name"], published), file
    drawn = (site / CARD_FOLDER / drawn_page[1]).with_suffix(".png")
    stripped = card_png(without_accents(DRAWN_TITLE), config["site_name"], published)
    assert ImageChops.difference(decode(drawn.read_bytes()).convert("RGB"),
                                 decode(stripped).convert("RGB")).getbbox() is not None
    # One line names the page whose title the card leaves off; the other needs none.
    notices = [line for line in result.output.splitlines() if "link-preview card leaves off" in line]
    assert notices == [f"docs/{left_off_page[1]}: {left_off_notice(LEFT_OFF_TITLE, config['site_name'])}"]
