"""The ways to read offline, as trustsite.one_file.downloads words and links them."""

from dataclasses import replace

from bs4 import BeautifulSoup

from trustsite.one_file.downloads import Downloads, footer_html, section_html, size_text

DOWNLOADS = Downloads(one_file="../an-article.html", one_file_bytes=48_400,
                      archive="../an-article-offline.zip", kept_after_visit=True)


def test_sizes_read_as_a_reader_reads_them():
    assert [size_text(size) for size in (48_400, 48_600, 999, 1, 100_000)] == [
        "48 KB", "49 KB", "1 KB", "1 KB", "100 KB"]


def test_the_footer_offers_both_downloads_and_says_which_suits_whom():
    footer = BeautifulSoup(footer_html(DOWNLOADS, "../#read-offline"), "html.parser").p
    assert [(a.get_text(), a["href"], a.has_attr("download")) for a in footer.find_all("a")] == [
        ("Read offline", "../#read-offline", False),
        ("Download the article as one file (48 KB)", "../an-article.html", True),
        ("Download the full copy (ZIP)", "../an-article-offline.zip", True)]
    assert "a feature of this site" in footer.get_text() and footer.has_attr("data-search-exclude")


def test_the_section_promises_the_site_offline_only_where_it_keeps_itself():
    kept = BeautifulSoup(section_html(DOWNLOADS), "html.parser")
    not_kept = BeautifulSoup(section_html(replace(DOWNLOADS, kept_after_visit=False)), "html.parser")
    assert len(kept.find_all("li")) == 3 and len(not_kept.find_all("li")) == 2
    assert "with no connection" in kept.find_all("li")[2].get_text()


def test_a_reader_saving_data_is_told_the_site_keeps_nothing_and_the_one_file_is_there():
    kept = BeautifulSoup(section_html(DOWNLOADS), "html.parser").find_all("li")[2].get_text()
    assert "set to save data, it keeps no copy in the background" in kept
    assert f"one file ({size_text(DOWNLOADS.one_file_bytes)})" in kept
