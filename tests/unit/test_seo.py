"""Head-tag rendering in trustsite/cards/head_tags.py (the build's demand for an address:
tests/site/test_seo_refusals.py)."""

from datetime import date

from bs4 import BeautifulSoup

from trustsite.cards.head_tags import (PageFacts, PreviewImage, first_sentence, head_tags,
                                      page_description)

PUBLISHED = date(2025, 1, 21)
HOSTILE = 'Trust </script><script>alert("&")</script> <!-- "quoted" & \'single\''


def facts(**changes) -> PageFacts:
    values = dict(title="Trust", description="About trust.", url="https://example.org/trust/",
                  site_name="Site", language="en", published=PUBLISHED)
    return PageFacts(**(values | changes))


def test_text_cannot_break_out_of_the_tags():
    html = head_tags(facts(title=HOSTILE, description=HOSTILE))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", property="og:title")["content"] == HOSTILE
    assert soup.find("meta", attrs={"name": "twitter:description"})["content"] == HOSTILE


def test_image_alt_text_cannot_break_out_of_its_tag():
    image = PreviewImage(url="https://example.org/card.png?a=1&b=2", width=1200, height=630, alt=HOSTILE)
    soup = BeautifulSoup(head_tags(facts(image=image)), "html.parser")
    assert soup.find("meta", property="og:image:alt")["content"] == HOSTILE
    assert soup.find("meta", attrs={"name": "twitter:image:alt"})["content"] == HOSTILE
    assert soup.find("meta", property="og:image")["content"] == image.url


def test_a_page_with_a_card_asks_for_the_large_preview():
    image = PreviewImage(url="https://example.org/card.png", width=1200, height=630, alt="Trust")
    soup = BeautifulSoup(head_tags(facts(image=image)), "html.parser")
    assert [soup.find("meta", property=f"og:image{part}")["content"] for part in ("", ":width", ":height")] == [
        image.url, "1200", "630"]
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_a_page_without_a_card_names_no_image():
    soup = BeautifulSoup(head_tags(facts()), "html.parser")
    assert soup.find("meta", property=lambda value: value and value.startswith("og:image")) is None
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_locale_uses_open_graphs_underscore():
    soup = BeautifulSoup(head_tags(facts(language="en-GB")), "html.parser")
    assert soup.find("meta", property="og:locale")["content"] == "en_GB"


def test_a_pages_description_is_its_first_sentence_of_running_text():
    content = ('<h1 id="t">Trust</h1><p class="lead">A lead.</p><ul><li><p>A list.</p></li></ul>'
               '<h2>Why</h2><p>Trust <em>matters</em> here. It is built.</p><p>Later.</p>')
    assert first_sentence(content) == "Trust matters here."
    assert page_description(None, content, "The site.", is_homepage=False) == "Trust matters here."


def test_a_description_in_the_front_matter_wins_and_the_home_page_has_the_sites():
    content = "<p>Trust matters here. It is built.</p>"
    assert page_description("Chosen by hand.", content, "The site.", is_homepage=False) == "Chosen by hand."
    assert page_description("Chosen by hand.", content, "The site.", is_homepage=True) == "Chosen by hand."
    assert page_description(None, content, "The site.", is_homepage=True) == "The site."


def test_a_page_with_no_running_text_has_the_sites_description():
    content = '<h1>References</h1><p class="editor-note">A note.</p><ul><li><p>An entry.</p></li></ul>'
    assert first_sentence(content) is None
    assert page_description(None, content, "The site.", is_homepage=False) == "The site."
