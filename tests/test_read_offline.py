"""The ways to read offline, as trustsite.read_offline words and links them."""

from bs4 import BeautifulSoup

from trustsite.read_offline import Downloads, footer_html, size_text

DOWNLOADS = Downloads(one_file="../trust-in-therapy.html", one_file_bytes=48_400,
                      archive="../trust-in-therapy-offline.zip")


def test_sizes_read_as_a_reader_reads_them():
    assert [size_text(size) for size in (48_400, 48_600, 999, 1, 100_000)] == [
        "48 KB", "49 KB", "1 KB", "1 KB", "100 KB"]


def test_the_footer_offers_both_downloads_and_says_which_suits_whom():
    footer = BeautifulSoup(footer_html(DOWNLOADS, "../#read-offline"), "html.parser").p
    assert [(a.get_text(), a["href"], a.has_attr("download")) for a in footer.find_all("a")] == [
        ("Read offline", "../#read-offline", False),
        ("Download the article as one file (48 KB)", "../trust-in-therapy.html", True),
        ("Download the full copy (ZIP)", "../trust-in-therapy-offline.zip", True)]
    assert "a feature of this site" in footer.get_text() and footer.has_attr("data-search-exclude")

