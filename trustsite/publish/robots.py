"""Publishing step: robots.txt, naming the sitemap at the site's published address."""

from urllib.parse import urljoin

from trustsite.publish.pages import RenderedSite


def write(site: RenderedSite) -> None:
    sitemap = urljoin(site.settings.site_url, "sitemap.xml")
    (site.folder / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", encoding="utf-8")
