"""English pages in Chromium against a real hub: under /en/, in English, with a language
switch to the Dutch page and back, found by an English search, and accessible."""

import pytest

from tests.conftest import import_files

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH = {
    "format": "hub-import/1",
    "items": [
        {
            "ref": "product-passport",
            "type": "product",
            "language": "en",
            "translation_of": "product-paspoort",
            "title": "Apply for a passport",
            "slug": "passport",
            "summary": "Book an appointment at the town hall to apply for a new passport.",
            "blocks": [
                {"type": "text", "value": "Bring a recent passport photo and your old passport."},
                {"type": "kcc_script", "channels": ["kcc"], "value": "Ask whether the caller already booked."},
            ],
        }
    ],
}


@pytest.fixture
def english_content(content, tmp_path):
    import_files([(ENGLISH, True)], tmp_path)
    return content


def test_a_resident_reads_the_english_page_and_switches_to_dutch_and_back(
    english_content, frontends, browser_page, axe_scan
):
    page = browser_page
    page.goto(frontends["website"] + "/en/producten/passport/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Apply for a passport"
    assert "Ask whether the caller" not in page.locator("main").inner_text()
    assert page.locator('link[rel="alternate"][hreflang="nl"]').count() == 1
    assert axe_scan(page) == []

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()
    page.wait_for_url("**/producten/paspoort-aanvragen/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/producten/passport/")


def test_a_page_without_a_translation_says_so_in_english(english_content, frontends, browser_page, axe_scan):
    page = browser_page
    response = page.goto(frontends["website"] + "/en/producten/parkeervergunning-voor-bewoners/")
    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "This page is not available in English"
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_scan(page) == []


def test_an_english_search_finds_the_english_page(english_content, frontends, browser_page):
    page = browser_page
    page.goto(frontends["website"] + "/en/zoeken/?q=passports")
    results = page.locator("main").inner_text()
    assert "Apply for a passport" in results
    assert "Paspoort aanvragen" not in results
