"""Link-preview cards: a 1200x630 PNG for every page of the online site.

A thin adapter: trustsite/social_card.py draws each card, and hooks/seo.py,
listed after this hook, names it in the page's head tags. The offline copy
gets none, since nothing in it is shared by link.
"""

from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from trustsite.build_kind import is_offline
from trustsite.seo import PreviewImage, preview_title
from trustsite.social_card import CARD_FOLDER, HEIGHT, WIDTH, card_alt, card_png, left_off_notice


def on_page_context(context, page, config, nav):
    if is_offline(config):
        return context
    title = preview_title(page.title, config.site_name, is_homepage=page.is_homepage)
    published = config.extra["published"]  # a date: hooks/seo.py checked it
    path = CARD_FOLDER + PurePosixPath(page.file.src_uri).with_suffix(".png").as_posix()
    notice = left_off_notice(title, config.site_name)
    if notice:
        # Printed, not logged: a warning would fail the strict build, and the
        # build shows no INFO line. The card is made all the same.
        print(f"{Path(config.docs_dir).name}/{page.file.src_uri}: {notice}")
    target = Path(config.site_dir, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(card_png(title, config.site_name, published))
    # Read by hooks/seo.py for the og:image tags.
    page.preview_image = PreviewImage(url=urljoin(config.site_url, path), width=WIDTH, height=HEIGHT,
                                      alt=card_alt(title, config.site_name, published))
    return context
