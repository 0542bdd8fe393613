"""Open data: /open/ lists the feeds and their licence; /open/pages.json exports every public page
of a site in one language, in pages of results, and never internal text, internal pages or drafts."""

import json

import pytest

from tests.conftest import FIXTURES, HUB_CONTENT

EXPORT = "/open/pages.json"
EXTRA = {
    "format": "hub-import/1",
    "items": [
        {
            "ref": "product-passport",
            "type": "product",
            "language": "en",
            "translation_of": "product-paspoort",
            "title": "Apply for a passport",
            "summary": "You apply for a passport at the municipality.",
            "blocks": [
                {"type": "text", "value": "A passport lets you travel."},
                {"type": "kcc_script", "value": "STAFF-ONLY: ask for the appointment number."},
            ],
        }
    ],
}


@pytest.fixture(scope="module")
def module_open_content(module_import):
    module_import(*HUB_CONTENT, (EXTRA, True))


@pytest.fixture
def open_content(module_open_content, db):
    return True


def everything(client, **query) -> list[dict]:
    """Follow `next` through the whole export."""
    results, url, params = [], EXPORT, query
    while url:
        response = client.get(url, params)
        assert response.status_code == 200, response.content
        data = response.json()
        results += data["results"]
        url, params = data["next"], None
    return results


def internal_texts() -> list[str]:
    """Every kcc_script text, internal note and internal page title of the test content."""
    documents = [json.loads((FIXTURES / name).read_text()) for name, _publish in HUB_CONTENT] + [EXTRA]
    found = []
    for document in documents:
        for holder in [*document.get("items", []), *document.get("fragments", [])]:
            found += [b["value"] for b in holder.get("blocks", []) if b.get("type") == "kcc_script"]
            if holder.get("internal_note"):
                found.append(holder["internal_note"])
            if holder.get("audience") == "internal":
                found += [holder["title"], holder.get("short_answer", "")]
    return [t for t in found if t]


def test_the_index_lists_the_feeds_and_their_licence(client, open_content):
    data = client.get("/open/", {"format": "json"}).json()

    assert data["licence"]["id"] == "CC0-1.0"
    sites = {s["key"]: s for s in data["sites"]}
    assert (
        sites["deventer"]["samenwerkende_catalogi"] == "http://testserver/open/samenwerkende-catalogi.xml?site=deventer"
    )
    assert sites["deventer"]["pages"]["nl"] == "http://testserver/open/pages.json?site=deventer&language=nl"


def test_the_index_is_a_readable_page_for_people(client, open_content):
    response = client.get("/open/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "CC0 1.0" in response.content.decode()
    assert "/open/samenwerkende-catalogi.xml?site=deventer" in response.content.decode()


def test_the_export_holds_every_public_page_of_the_site_and_language(client, open_content):
    refs = {r["ref"] for r in everything(client, site="deventer", language="nl")}

    assert {"product-paspoort", "product-parkeervergunning", "answer-paspoort-kwijt", "article-nieuws-stadhuis"} <= refs
    assert "article-wegwerkzaamheden-brink" not in refs  # the verkeer site's own page
    assert "product-passport" not in refs  # English


def test_internal_text_internal_pages_and_drafts_are_never_in_the_export(client, open_content):
    results = everything(client, site="deventer", language="nl") + everything(client, site="verkeer")
    whole = json.dumps(results, ensure_ascii=False)

    for text in internal_texts():
        assert text not in whole
    refs = {r["ref"] for r in results}
    assert "answer-intern-noodpaspoort" not in refs and "product-concept" not in refs
    assert "CONCEPTTEKST" not in whole
    answer = next(r for r in results if r["ref"] == "answer-paspoort-kwijt")
    assert "internal_note" not in answer and answer["short_answer"].startswith("Doe aangifte")


def test_a_page_record_carries_its_public_fields_and_html(client, open_content):
    product = next(r for r in everything(client, site="deventer") if r["ref"] == "product-paspoort")

    assert product["url"] == "http://localhost:8001/producten/paspoort-aanvragen/"
    assert product["language"] == "nl" and product["keywords"] == ["paspoort"]
    assert product["actions"] == [
        {"label": "Afspraak maken", "url": "https://example.org/afspraak", "kind": "afspraak", "digid": False}
    ]
    assert "<h2>Kosten</h2>" in product["body_html"] and "€ 84,75" in product["body_html"]
    assert "Tip: zet een herinnering" not in product["body_html"]  # an app-only block


def test_the_export_is_paged_and_the_pages_add_up(client, open_content):
    first = client.get(EXPORT, {"site": "deventer", "language": "nl", "limit": 2}).json()

    assert len(first["results"]) == 2 and first["next"]
    assert first["count"] == len(everything(client, site="deventer", language="nl", limit=2))
    assert len({r["id"] for r in everything(client, site="deventer", limit=2)}) == first["count"]


def test_the_english_export_holds_the_english_pages_without_staff_text(client, open_content):
    results = everything(client, site="deventer", language="en")

    assert [r["ref"] for r in results] == ["product-passport"]
    assert results[0]["url"].startswith("http://localhost:8001/en/")
    assert "STAFF-ONLY" not in json.dumps(results)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"site": "onbekend"}, "Onbekende site: 'onbekend'"),
        ({"site": "verkeer", "language": "en"}, "geen pagina's in de taal 'en'"),
        ({"site": "deventer", "language": "xx"}, "geen pagina's in de taal 'xx'"),
    ],
)
def test_an_unknown_site_or_language_is_a_404_with_a_plain_message(client, open_content, query, message):
    response = client.get(EXPORT, query)

    assert response.status_code == 404 and message in response.content.decode()
