"""A publisher's pictures: fit to publish on every edition, sized so nothing
shifts, never wider than a phone, kept by the service worker only where a page
shows them, and checked before any builder runs. Built once, on a small project
of the tests' own with an invented photo, diagram and rule."""

import base64
import io
import random
import shutil
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.support.built_site import worker_build
from tests.support.project import Build, build_project, copy_project, run_build, use_test_project
from tests.support.reader import PHONE
from tests.support.server import serve
from trustsite.data import DataError
from trustsite.page_addresses import site_file
from trustsite.pictures import ONE_FILE_BOX, SITE_BOX, SUFFIXES, Picture, fitted, size_lines
from trustsite.pictures.image_check import check_images

PAGE = "docs/conclusion.md"
PHOTO, DIAGRAM, RULE, UNUSED = "images/photo.jpg", "images/diagram.png", "images/rule.png", "images/unused.jpg"
# An SVG that says its size, which its <img> takes.
BAR, BAR_SIZE = "images/bar.svg", (300, 120)
SHOWN = {PHOTO, DIAGRAM, RULE, BAR}
DIAGRAM_SIZE = (2400, 1200)
# The photo as a camera stores it, 3000 × 2000, to be shown a quarter turn round (EXIF orientation 6).
PHOTO_SIZE, SHOWN_SIZE = (3000, 2000), (2000, 3000)
PAGE_TEXT = f"""# A test page

The test project's page, with pictures.

![Two chairs facing each other in a quiet room]({PHOTO})

![A line rising over twelve sessions]({DIAGRAM})

![]({RULE}){{ .decorative }}

![A bar, three quarters full]({BAR})

"""
PHOTO_LINE = 5  # of PAGE_TEXT


def boxed(size: tuple[int, int], box: int) -> tuple[int, int]:
    """`size` scaled down to fit a square of `box` pixels."""
    scale = box / max(size)
    return round(size[0] * scale), round(size[1] * scale)


def photo_jpeg(seed: int = 7) -> bytes:
    """A photograph's worth of detail: smooth colour and fine grain, some 2.5 MB as a camera saves it,
    with EXIF that says where it was taken and which way up it goes."""
    rng = random.Random(seed)
    width, height = PHOTO_SIZE
    colours = Image.frombytes("RGB", (60, 40), rng.randbytes(60 * 40 * 3)).resize(PHOTO_SIZE, Image.Resampling.BICUBIC)
    grain = Image.frombytes("L", PHOTO_SIZE, rng.randbytes(width * height)).convert("RGB")
    photo = Image.blend(colours, grain, 0.12)
    photo.paste((255, 0, 0), (0, 0, 300, 300))  # red at the top left as stored: at the top right once upright
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn a quarter clockwise to show
    exif[0x010F] = "A camera maker"
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()


def png(size: tuple[int, int], colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def diagram_png(mode: str = "RGB") -> bytes:
    """A diagram 2,400 px wide: bars on a ground of blended colours (RGB), or on white in two colours ("P")."""
    if mode == "P":
        image = Image.new("P", DIAGRAM_SIZE, 0)
        image.putpalette([255, 255, 255, 0, 121, 107])
    else:
        image = Image.frombytes("RGB", (4, 2), random.Random(5).randbytes(4 * 2 * 3)).resize(
            DIAGRAM_SIZE, Image.Resampling.BILINEAR)
    for step in range(0, DIAGRAM_SIZE[0], 40):
        image.paste(1 if mode == "P" else (0, 121, 107), (step, DIAGRAM_SIZE[1] - step // 2 - 20, step + 30,
                                                          DIAGRAM_SIZE[1]))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def words(count: int, seed: int = 3) -> str:
    """Text that gzip cannot shrink much: invented words of random letters."""
    rng = random.Random(seed)
    return " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
                    for _ in range(count))


def add_pictures(project: Path) -> Path:
    images = project / "docs" / "images"
    images.mkdir(exist_ok=True)  # a publisher's pictures may be there already
    (images / "photo.jpg").write_bytes(photo_jpeg())
    (images / "diagram.png").write_bytes(diagram_png())
    (images / "rule.png").write_bytes(png((600, 4), "grey"))
    (images / "unused.jpg").write_bytes(photo_jpeg(seed=8))
    (images / "bar.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="{BAR_SIZE[0]}" '
                                    f'height="{BAR_SIZE[1]}"><rect width="225" height="120" fill="teal"/></svg>',
                                    encoding="utf-8")
    # A long article text too, for the page-weight budget: some 60 KB gzipped.
    (project / PAGE).write_text(PAGE_TEXT + words(15_000) + "\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def pictured(tmp_path_factory) -> Build:
    return build_project(add_pictures(use_test_project(copy_project(tmp_path_factory.mktemp("pictured")))))


def is_red(pixel: tuple[int, int, int]) -> bool:
    return pixel[0] > 200 and pixel[1] < 60 and pixel[2] < 60


def page_images(html_file: Path, site: Path) -> list[tuple[str, dict]]:
    """Each <img> of a built page: the file it shows, from the site's root, and its attributes."""
    page_path = html_file.relative_to(site).as_posix()
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return [(site_file(page_path, img["src"]), img.attrs) for img in soup.find_all("img") if site_file(page_path, img["src"])]


def picture_size(path: Path) -> tuple[int, int]:
    if path.suffix == ".svg":
        return BAR_SIZE
    with Image.open(path) as image:
        return image.size


# -- Fit to publish -------------------------------------------------------------------

def test_a_large_photo_is_published_upright_no_wider_than_the_column_and_without_exif(pictured):
    published = pictured.site / PHOTO
    before, after = (pictured.project / "docs" / PHOTO).stat().st_size, published.stat().st_size
    with Image.open(published) as photo:
        assert photo.format == "JPEG" and photo.info.get("progressive")
        assert photo.size == boxed(SHOWN_SIZE, SITE_BOX)
        assert is_red(photo.getpixel((photo.width - 20, 20))) and not is_red(photo.getpixel((20, 20)))  # upright
        assert not photo.getexif()  # no orientation left to apply, no camera, no place
    assert before > 2_000_000 and after < 400_000, (before, after)


def test_a_large_diagram_stays_a_png_no_wider_than_the_column(pictured):
    with Image.open(pictured.site / DIAGRAM) as diagram:
        assert diagram.format == "PNG" and diagram.size == boxed(DIAGRAM_SIZE, SITE_BOX)
    assert (pictured.site / DIAGRAM).stat().st_size < (pictured.project / "docs" / DIAGRAM).stat().st_size


def test_a_png_lighter_as_it_is_than_scaled_down_is_published_as_it_is():
    flat = diagram_png("P")
    assert fitted(flat, "chart.png", SITE_BOX) == Picture(flat, *DIAGRAM_SIZE)


def test_a_small_picture_is_published_as_it_is(pictured):
    for small in (RULE, BAR):
        assert (pictured.site / small).read_bytes() == (pictured.project / "docs" / small).read_bytes()


def test_every_picture_on_every_page_has_the_width_and_height_of_its_file(pictured):
    site = pictured.site
    for page in ("conclusion/index.html", "whole-article/index.html"):
        shown = page_images(site / page, site)
        assert {path for path, _ in shown} == SHOWN, page
        for path, attributes in shown:
            assert (int(attributes["width"]), int(attributes["height"])) == picture_size(site / path), (page, path)


def test_the_offline_copy_publishes_the_same_pictures(pictured):
    with zipfile.ZipFile(pictured.dist / "trust-in-therapy-offline.zip") as archive:
        photo = archive.read(f"trust-in-therapy/{PHOTO}")
        page = archive.read("trust-in-therapy/conclusion.html").decode("utf-8")
    assert photo == (pictured.site / PHOTO).read_bytes()
    width = BeautifulSoup(page, "html.parser").find("img", src=PHOTO)["width"]
    assert int(width) == boxed(SHOWN_SIZE, SITE_BOX)[0]


@pytest.fixture(scope="module")
def rebuilt(pictured, tmp_path_factory) -> tuple[Path, str]:
    """The same project built again, elsewhere: the folder, and what the build said."""
    folder = tmp_path_factory.mktemp("rebuilt")
    result = run_build(pictured.project, "--site-dir", str(folder / "site"), "--dist-dir", str(folder / "dist"))
    assert result.returncode == 0, result.output
    return folder, result.output


def test_the_same_sources_give_the_same_bytes(pictured, rebuilt):
    folder, _ = rebuilt
    for picture in (PHOTO, DIAGRAM):
        assert (folder / "site" / picture).read_bytes() == (pictured.site / picture).read_bytes()
    assert (folder / "dist" / pictured.names.one_file).read_bytes() == (pictured.dist / pictured.names.one_file).read_bytes()


def test_the_build_reports_each_picture_before_and_after(pictured, rebuilt):
    _, output = rebuilt
    lines = [line for line in output.splitlines() if line.startswith("Picture: ")]
    photo = next(line for line in lines if line.startswith(f"Picture: {PHOTO}: "))
    assert f"{(pictured.project / 'docs' / PHOTO).stat().st_size:,} bytes → " \
           f"{(pictured.site / PHOTO).stat().st_size:,}, {'×'.join(map(str, boxed(SHOWN_SIZE, SITE_BOX)))} px" in photo
    # Every picture of docs/, the unused one and any the publisher has too.
    assert len(lines) == sum(path.suffix.lower() in SUFFIXES for path in (pictured.project / "docs").rglob("*"))


def test_the_report_on_pictures_stays_short(tmp_path):
    for folder in ("docs", "site"):
        (tmp_path / folder).mkdir()
        for number in range(25):
            (tmp_path / folder / f"dot-{number:02d}.png").write_bytes(png((1, 1), "teal"))
    lines = size_lines(tmp_path / "docs", tmp_path / "site")
    assert len(lines) == 21 and lines[0] == "dot-00.png: 69 bytes → 69, 1×1 px" and lines[-1] == "and 5 more"


# -- The one-file edition -------------------------------------------------------------

def one_file_images(pictured) -> list:
    soup = BeautifulSoup((pictured.dist / pictured.names.one_file).read_text(encoding="utf-8"), "html.parser")
    return soup.main.find_all("img")


def test_the_one_file_edition_holds_each_picture_narrower_still(pictured):
    images = one_file_images(pictured)
    assert len(images) == len(SHOWN) and all(img["src"].startswith("data:image/") for img in images)
    photo = next(img for img in images if img["src"].startswith("data:image/jpeg"))
    data = base64.b64decode(photo["src"].split(",", 1)[1])
    assert len(data) < 150_000, len(data)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == boxed(SHOWN_SIZE, ONE_FILE_BOX) == (int(photo["width"]), int(photo["height"]))


def test_the_one_file_editions_policy_allows_its_pictures_and_only_as_data(pictured):
    soup = BeautifulSoup((pictured.dist / pictured.names.one_file).read_text(encoding="utf-8"), "html.parser")
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["img-src"] == ["data:"] and directives["default-src"] == ["'none'"]


def test_chromium_shows_every_picture_of_the_one_file_edition(pictured, browser, tmp_path):
    alone = Path(shutil.copy(pictured.dist / pictured.names.one_file, tmp_path))
    context = browser.new_context(offline=True)
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)
    page.goto(alone.as_uri(), wait_until="load")
    shown = page.eval_on_selector_all("main img", "imgs => imgs.map(img => [img.complete, img.naturalWidth])")
    context.close()
    assert len(shown) == len(SHOWN) and all(complete and width > 0 for complete, width in shown), (shown, refused)
    assert not refused


# -- On a phone -----------------------------------------------------------------------

def overflow(page) -> dict:
    return page.evaluate("""() => ({page: document.documentElement.scrollWidth,
        pictures: [...document.querySelectorAll('img')].filter(img => img.closest('article, main'))
                    .map(img => Math.round(img.getBoundingClientRect().right))})""")


def test_no_picture_is_wider_than_a_320_px_phone(pictured, browser, tmp_path):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    with serve(pictured.site) as url:
        page.goto(url + "conclusion/", wait_until="load")
        on_site = overflow(page)
    page.goto(Path(shutil.copy(pictured.dist / pictured.names.one_file, tmp_path)).as_uri(), wait_until="load")
    in_one_file = overflow(page)
    context.close()
    for seen in (on_site, in_one_file):
        assert seen["page"] <= PHONE["width"] and seen["pictures"], seen
        assert max(seen["pictures"]) <= PHONE["width"], seen


# -- Service worker ---------------------------------------------------------------------

def test_the_worker_keeps_the_pictures_pages_show_and_no_other(pictured):
    files = worker_build(pictured.site)["files"]
    assert SHOWN <= set(files)
    assert UNUSED not in files and (pictured.site / UNUSED).exists()


# -- Alt text ---------------------------------------------------------------------------

def test_a_decorative_picture_has_empty_alt_text(pictured):
    soup = BeautifulSoup((pictured.site / "conclusion" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rule = soup.find("img", src=f"../{RULE}")
    assert rule["alt"] == "" and "decorative" in rule["class"]
    assert soup.find("img", src=f"../{PHOTO}")["alt"] == "Two chairs facing each other in a quiet room"


BAD_PICTURES = {
    "no alt text": (f"![]({PHOTO})", f"the picture '{PHOTO}' has no alt text"),
    "blank alt text": (f"![  ]({PHOTO})", f"the picture '{PHOTO}' has no alt text"),
    "raw HTML, no alt": (f'<img src="{PHOTO}">', f"the picture '{PHOTO}' has no alt text"),
    "file name as alt text": (f"![IMG_1234.jpg]({PHOTO})", "has a file name, 'IMG_1234.jpg', as its alt text"),
    "camera's name as alt text": (f"![DSC01234]({PHOTO})", "has a file name, 'DSC01234', as its alt text"),
    "its own name as alt text": (f"![photo.jpg]({PHOTO})", "has a file name, 'photo.jpg', as its alt text"),
    "decorative with alt text": (f"![A rule]({RULE}){{ .decorative }}", "is marked decorative, yet has alt text"),
    "missing file": ("![A chart](images/chart.png)", "the picture 'images/chart.png' is not there"),
    "outside docs/": ("![A chart](../mkdocs.yml)", "the picture '../mkdocs.yml' is not there"),
    "leading slash": (f"![A chart](/{PHOTO})", f"the picture '/{PHOTO}' starts with a slash"),
    "another site": ("![A chart](https://example.org/chart.png)", "is on another site"),
    "not a picture": ("![A chart](images/notes.png)", "is not a picture the build can read"),
    "a broken picture": ("![A chart](images/broken.png)", "is not a picture the build can read"),
    "too many pixels": ("![A chart](images/huge.png)", "has 56 million pixels, more than the 50 million"),
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("checked") / "docs"
    (folder / "images").mkdir(parents=True)
    for name in (PHOTO, RULE):
        (folder / name).write_bytes(png((10, 10), "teal"))
    (folder / "images" / "notes.png").write_text("not a picture", encoding="utf-8")
    (folder / "images" / "broken.png").write_bytes(png((50, 50), "teal")[:60])  # cut short
    Image.new("1", (8000, 7000)).save(folder / "images" / "huge.png")
    return folder


@pytest.mark.parametrize("case", BAD_PICTURES)
def test_the_check_stage_refuses_a_bad_picture_at_its_line(case, docs):
    markdown, message = BAD_PICTURES[case]
    text = f"# A page\n\nSome text, and `![]({PHOTO})` in code is only text.\n\n    ![]({PHOTO})\n\n{markdown}\n"
    with pytest.raises(DataError) as refused:
        check_images(text, docs / "page.md", docs, "docs/page.md")
    assert str(refused.value).startswith("docs/page.md, line 7: "), str(refused.value)
    assert message in str(refused.value)


def test_good_pictures_pass_the_check_stage(docs):
    check_images(f"![A teal square]({PHOTO})\n\n![]({RULE}){{ .decorative }}\n\n![A dot](data:image/png;base64,AA==)\n",
                 docs / "page.md", docs, "docs/page.md")


def test_a_picture_without_alt_text_stops_the_build_with_one_message(pictured, tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(pictured.project / "docs", project / "docs", dirs_exist_ok=True)
    shutil.copytree(pictured.project / "data", project / "data", dirs_exist_ok=True)
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("Two chairs facing each other in a quiet room", ""),
                    encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert f"ERROR   -  {PAGE}, line {PHOTO_LINE}: the picture '{PHOTO}' has no alt text" in result.output
    assert "Traceback" not in result.output


# -- Page weight ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bench():
    from trustsite_tools import bench
    return bench


def test_the_page_weight_budget_holds_the_sites_code_not_the_publishers_text_and_pictures(pictured, browser, bench):
    weights = bench.first_visit(browser, pictured.site, pictured.project / "docs")
    page = weights["conclusion/"]
    assert set(page.pictures) == SHOWN
    photo_kib = (pictured.site / PHOTO).stat().st_size / 1024
    assert photo_kib - 1 < page.pictures[PHOTO] < photo_kib + 1
    # The photo and the long text each take the page far past the budget; the site's own code stays within.
    assert page.pictures[PHOTO] > bench.BUDGET_KIB and page.article > bench.BUDGET_KIB / 2
    assert page.own <= bench.BUDGET_KIB, page
    assert max(page.pictures.values()) <= bench.PICTURE_BUDGET_KIB
    # The same code on a page with neither weighs about the same.
    bare = weights["references/"]
    assert abs(bare.own - page.own) < 5, (bare, page)


def test_zensical_publishes_the_pictures_alike(pictured, tmp_path):
    result = run_build(pictured.project, "--builder", "zensical",
                       "--site-dir", str(tmp_path / "site"), "--dist-dir", str(tmp_path / "dist"))
    assert result.returncode == 0, result.output
    site = tmp_path / "site"
    assert (site / PHOTO).read_bytes() == (pictured.site / PHOTO).read_bytes()
    shown = page_images(site / "conclusion" / "index.html", site)
    assert {path for path, _ in shown} == SHOWN
    for path, attributes in shown:
        assert (int(attributes["width"]), int(attributes["height"])) == picture_size(site / path), path
    assert UNUSED not in worker_build(site)["files"]


def test_a_page_too_complex_to_read_for_its_pictures_is_named_at_the_time_limit(tmp_path):
    project = use_test_project(copy_project(tmp_path / "project"))
    (project / PAGE).write_text(f"# A page\n\n![A picture](images/x.png)\n\n{'[' * 20_000}\n", encoding="utf-8")
    result = run_build(project, "--time-limit", "3")
    assert result.returncode == 1
    assert ("ERROR   -  docs/conclusion.md: the build took more than 3 s and was stopped: "
            "something it was reading is too complex to finish") in result.output, result.output
