"""Publishing step: the publisher's pictures, fit to publish (trustsite.pictures).

Each picture a page shows from docs/ is replaced in the rendered folder by its
copy no wider than the site's column, and every <img> of it gets the
`width` and `height` of the file as published, so the text below keeps its
place while the picture loads. It runs first, so that the whole-article page
and the one-file edition, made from the pages, carry the sizes too. Pictures
no page shows are left alone. Only the <img> elements change.
"""

from trustsite.page_addresses import site_file
from trustsite.pictures import SITE_BOX, Picture, fitted
from trustsite.publish.pages import RenderedSite


def _sized(image, picture: Picture) -> None:
    """Give `image` the picture's width and height, first, as a reader of its source expects them."""
    attributes = list(image.attributes.items())
    for name, _ in attributes:
        del image.attrs[name]
    image.attrs["width"], image.attrs["height"] = str(picture.width), str(picture.height)
    for name, value in attributes:
        image.attrs[name] = value or ""


def fit(site: RenderedSite) -> None:
    """Fit every picture from docs/ that a page shows, and size its <img>s."""
    docs = site.settings.docs_dir
    published: dict[str, Picture] = {}
    for page in site.pages:
        for image in page.select("img"):
            attributes = image.attributes
            path = site_file(page.path, attributes.get("src") or "")
            if path is None or not (docs / path).is_file():
                continue
            if path not in published:
                picture = fitted((docs / path).read_bytes(), path, SITE_BOX)
                (site.folder / path).write_bytes(picture.data)
                published[path] = picture
            picture = published[path]
            if picture.width and "width" not in attributes and "height" not in attributes:
                _sized(image, picture)
