"""English pages under /en/: the language asked from the hub, lang and hreflang, the switcher,
a page without a translation, an English 404, and sitemap alternates."""

import pytest

from .conftest import PRODUCT, SITE, connection, not_found, page

ENGLISH_PRODUCT = {
    **PRODUCT,
    "id": "90",
    "ref": "product-passport",
    "title": "Apply for a passport",
    "path": "/en/producten/passport/",
    "url": "http://localhost:8001/en/producten/passport/",
    "summary": "How to apply for a passport.",
    "language": "en",
    "translations": [{"language": "nl", "path": PRODUCT["path"], "url": PRODUCT["url"]}],
}
DUTCH_PRODUCT = {
    **PRODUCT,
    "language": "nl",
    "translations": [{"language": "en", "path": ENGLISH_PRODUCT["path"], "url": ENGLISH_PRODUCT["url"]}],
}
ENGLISH_HOME = page(language="en", path="/en/", url="http://localhost:8001/en/", title="Municipality of Deventer")


@pytest.fixture
def multilingual_hub(fake_hub):
    english = {"/": ENGLISH_HOME, "/producten/passport/": ENGLISH_PRODUCT}
    dutch = {**fake_hub.pages, PRODUCT["path"]: DUTCH_PRODUCT}

    def answer(variables):
        language = variables.get("language") or "nl"
        found = (english if language == "en" else dutch).get(variables["path"])
        if found:
            return {"data": {"page": found}}
        if language == "en" and variables["path"] in dutch:
            return {
                "data": {"page": None},
                "errors": [
                    {
                        "message": "Not translated",
                        "path": ["page"],
                        "extensions": {
                            "code": "NOT_TRANSLATED",
                            "languages": ["nl"],
                            "translations": [{"language": "nl", "path": variables["path"], "url": ""}],
                        },
                    }
                ],
            }
        return not_found("page")

    fake_hub.handlers["Page"] = answer
    fake_hub.handlers["Pages"] = lambda v: {
        "data": connection([ENGLISH_PRODUCT] if v.get("language") == "en" else [DUTCH_PRODUCT])
    }
    fake_hub.handlers["Site"] = lambda v: {
        "data": {"site": {**SITE, "menu": [] if v.get("language") == "en" else SITE["menu"]}}
    }
    return fake_hub


def test_an_english_page_is_asked_in_english_and_served_under_en(website, multilingual_hub):
    response = website.get("/en/producten/passport/")
    html = response.content.decode()
    assert response.status_code == 200
    request = next(r for r in multilingual_hub.requests if r["operation"] == "Page")
    assert request["variables"]["language"] == "en"
    assert request["variables"]["path"] == "/producten/passport/"
    assert '<html lang="en">' in html
    assert "<h1>Apply for a passport</h1>" in html
    assert "Skip to content" in html


def test_pages_with_a_translation_have_hreflang_alternates_and_a_language_switch(website, multilingual_hub):
    html = website.get("/en/producten/passport/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/producten/passport/">' in html
    assert f'<link rel="alternate" hreflang="nl" href="http://testserver{PRODUCT["path"]}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{PRODUCT["path"]}">' in html
    assert f'href="{PRODUCT["path"]}" hreflang="nl" lang="nl">Nederlands</a>' in html
    dutch = website.get(PRODUCT["path"]).content.decode()
    assert 'href="/en/producten/passport/" hreflang="en" lang="en">English</a>' in dutch
    assert '<html lang="nl">' in dutch


def test_a_page_without_a_translation_says_so_in_english_and_links_to_dutch(website, multilingual_hub):
    # the Dutch page's path asked in English
    response = website.get("/en/vraag-en-antwoord/paspoort-kwijt/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This page is not available in English" in html
    assert 'href="/vraag-en-antwoord/paspoort-kwijt/" hreflang="nl"' in html
    assert response["X-Robots-Tag"] == "noindex"


def test_an_unknown_english_address_gets_an_english_404(website, multilingual_hub):
    response = website.get("/en/does-not-exist/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "This page does not exist" in html
    assert 'action="/en/zoeken/"' in html


def test_en_without_a_slash_redirects(website, multilingual_hub):
    response = website.get("/en")
    assert response.status_code == 301
    assert response["Location"] == "/en/"


def test_the_sitemap_lists_both_languages_with_alternates(website, multilingual_hub):
    xml = website.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/en/producten/passport/</loc>" in xml
    assert f'<xhtml:link rel="alternate" hreflang="nl" href="http://testserver{PRODUCT["path"]}"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://testserver/en/producten/passport/"/>' in xml
