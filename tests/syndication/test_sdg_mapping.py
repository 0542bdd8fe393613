"""Product pages as SDG products: every payload is valid against the official OpenAPI `Product`
schema (the stand-in refuses anything else), the sections land in their fields, English comes
from a published public translation, `beide` is two products, and internal text never leaves."""

import json
from datetime import date

import httpx
import pytest
from django.utils import timezone

from content.models import ProductPage, SiteConfig
from syndication.sdg.mapping import ProductKey, payloads, product_for, withdrawal
from syndication.sdg.markdown import forbidden_elements
from tests.conftest import HUB_CONTENT

RIJBEWIJS_UPL = "http://standaarden.overheid.nl/owms/terms/rijbewijs"
DEVENTER = "http://standaarden.overheid.nl/owms/terms/Deventer_(gemeente)"
# Text that is internal, for another channel, or a draft: never in any SDG payload.
NEVER_SENT = [
    "GEHEIM",
    "Vraag of de inwoner nog een andere vraag heeft",  # kcc_script in the shared fragment
    "Werkinstructie",
    "noodpaspoort",
    "APP-ALLEEN",
    "CONCEPTTEKST",
    "Nog niet klaar",
    "afvalpas",
]

SDG_CONTENT = {
    "format": "hub-import/1",
    "items": [
        {
            "ref": "product-rijbewijs",
            "type": "product",
            "site": "deventer",
            "parent": "/producten/",
            "title": "Rijbewijs verlengen",
            "summary": "Is uw rijbewijs bijna verlopen? Vraag op tijd een nieuw rijbewijs aan.",
            "upl_name": "rijbewijs",
            "upl_uri": RIJBEWIJS_UPL,
            "doelgroep": ["burger"],
            "actions": [
                {"label": "Afspraak maken", "url": "https://example.org/afspraak", "kind": "afspraak"},
                {"label": "Online aanvragen", "url": "https://example.org/rijbewijs", "kind": "online", "digid": True},
            ],
            "blocks": [
                {"type": "text", "value": "Met een rijbewijs mag u **autorijden**."},
                {"type": "text", "channels": ["app"], "value": "APP-ALLEEN: zet een herinnering."},
                {"type": "kcc_script", "value": "GEHEIM KCC-script: vraag eerst naar het BSN."},
                {"type": "steps", "section": "aanvraag", "value": ["Vraag het rijbewijs aan.", "Haal het op."]},
                {"type": "text", "section": "voorwaarden", "value": "U bent 18 jaar of ouder."},
                {"type": "text", "section": "bewijs", "value": "- een pasfoto\n- uw oude rijbewijs"},
                {"type": "cost_table", "section": "kosten", "value": [{"description": "Rijbewijs", "amount": "41.20"}]},
                {"type": "text", "section": "termijn", "value": "U krijgt het binnen 5 werkdagen."},
                {"type": "text", "section": "bezwaar", "value": "Bent u het niet eens met het besluit? Maak bezwaar."},
                {"type": "text", "section": "geen_reactie", "value": "Hoort u niets? Bel dan 14 0570."},
                {
                    "type": "notice",
                    "section": "bijzonderheden",
                    "value": {"level": "warning", "text": "Uw oude rijbewijs is dan niet meer geldig."},
                },
                {
                    "type": "kcc_script",
                    "section": "bijzonderheden",
                    "value": "GEHEIM: kijk in het rijbewijzenregister.",
                },
                {
                    "type": "link_list",
                    "section": "contact",
                    "value": [
                        {"title": "RDW", "url": "https://www.rdw.nl"},
                        {"title": "Werkinstructie", "page": "answer-intern-noodpaspoort"},
                        {"title": "Paspoort aanvragen", "page": "product-paspoort"},
                        {"title": "Nog niet klaar", "page": "product-concept"},
                    ],
                },
                {"type": "fragment", "section": "contact", "value": "contact-gemeente"},
            ],
        },
        {
            "ref": "product-driving-licence",
            "type": "product",
            "language": "en",
            "translation_of": "product-rijbewijs",
            "title": "Renew your driving licence",
            "summary": "Is your driving licence about to expire? Apply for a new one in time.",
            "actions": [{"label": "Apply online", "url": "https://example.org/en/licence", "kind": "online"}],
            "blocks": [
                {"type": "text", "value": "With a driving licence you may drive a car."},
                {"type": "kcc_script", "value": "GEHEIM English script."},
                {"type": "steps", "section": "aanvraag", "value": ["Apply.", "Collect it."]},
                {"type": "cost_table", "section": "kosten", "value": [{"description": "Licence", "amount": "41.20"}]},
            ],
        },
        {
            "ref": "product-evenementenvergunning",
            "type": "product",
            "site": "deventer",
            "parent": "/producten/",
            "title": "Evenementenvergunning",
            "summary": "Organiseert u een evenement? Vraag dan een vergunning aan.",
            "upl_uri": "http://standaarden.overheid.nl/owms/terms/evenementenvergunning",
            "doelgroep": ["burger", "bedrijf"],
            "blocks": [{"type": "text", "value": "Een evenement op straat vraagt een vergunning."}],
        },
        {
            "ref": "product-intern-met-upl",
            "type": "product",
            "site": "deventer",
            "parent": "/producten/",
            "audience": "internal",
            "title": "Noodprocedure",
            "upl_uri": "http://standaarden.overheid.nl/owms/terms/noodprocedure",
            "blocks": [{"type": "text", "value": "GEHEIM intern product."}],
        },
    ],
}


@pytest.fixture(scope="module")
def module_sdg_content(module_import):
    module_import(*HUB_CONTENT, (SDG_CONTENT, True))


@pytest.fixture
def sdg_content(module_sdg_content, db):
    """The shared test content plus products with a UPL, an English translation and `beide`."""
    return {ref: ProductPage.objects.get(ref=ref) for ref in ("product-rijbewijs", "product-evenementenvergunning")}


def payloads_of(ref) -> dict:
    return payloads(product_for(ProductPage.objects.get(ref=ref).pk))


def post_all(sdg_api, bodies):
    for body in bodies:
        answer = httpx.post(f"{sdg_api.url}/api/v1/producten", json=body, headers={"Authorization": "Token t"})
        assert answer.status_code == 201, answer.text


def translations(payload) -> dict:
    return {t["taal"]: t for t in payload["vertalingen"]}


def test_every_payload_is_a_valid_sdg_product(sdg_content, sdg_api):
    bodies = [*payloads_of("product-rijbewijs").values(), *payloads_of("product-evenementenvergunning").values()]
    bodies.append(withdrawal(ProductKey(RIJBEWIJS_UPL, DEVENTER, "eu-burger"), date.today()))
    post_all(sdg_api, bodies)
    assert sdg_api.refused == [] and len(sdg_api.accepted) == 4


def test_sections_land_in_their_sdg_fields(sdg_content):
    (payload,) = payloads_of("product-rijbewijs").values()
    assert payload["upnUri"] == RIJBEWIJS_UPL
    assert payload["doelgroep"] == "eu-burger" and payload["productAanwezig"] is True
    assert payload["verantwoordelijkeOrganisatie"] == {"owmsIdentifier": DEVENTER}
    published = sdg_content["product-rijbewijs"].last_published_at
    assert payload["publicatieDatum"] == timezone.localdate(published).isoformat()  # the day in the Netherlands
    nl = translations(payload)["nl"]
    assert nl["titel"] == "Rijbewijs verlengen"
    assert nl["tekst"].startswith("Is uw rijbewijs bijna verlopen?")
    assert "Met een rijbewijs mag u **autorijden**." in nl["tekst"]
    assert "### Bijzonderheden\n\n**Let op:** Uw oude rijbewijs is dan niet meer geldig." in nl["tekst"]
    assert "### Contact\n\nBel ons op **14 0570**." in nl["tekst"]
    assert nl["procedureBeschrijving"] == "1. Vraag het rijbewijs aan.\n2. Haal het op."
    assert nl["vereisten"] == "U bent 18 jaar of ouder."
    assert nl["bewijs"] == "- een pasfoto\n- uw oude rijbewijs"
    assert nl["kostenEnBetaalmethoden"] == "- Rijbewijs: € 41,20"
    assert nl["uitersteTermijn"] == "U krijgt het binnen 5 werkdagen."
    assert nl["bezwaarEnBeroep"].startswith("Bent u het niet eens")
    assert nl["wtdBijGeenReactie"] == "Hoort u niets? Bel dan 14 0570."
    assert nl["procedureLink"] == {"label": "Online aanvragen", "url": "https://example.org/rijbewijs"}
    assert nl["links"] == [
        {"label": "RDW", "url": "https://www.rdw.nl"},
        {"label": "Paspoort aanvragen", "url": "http://localhost:8001/producten/paspoort-aanvragen/"},
    ]
    for field in ("tekst", "procedureBeschrijving", "bewijs", "kostenEnBetaalmethoden"):
        assert forbidden_elements(nl[field]) == set()


def test_english_comes_from_the_published_public_translation(sdg_content):
    (payload,) = payloads_of("product-rijbewijs").values()
    assert [t["taal"] for t in payload["vertalingen"]] == ["nl", "en"]
    en = translations(payload)["en"]
    assert en["titel"] == "Renew your driving licence"
    assert en["tekst"].startswith("Is your driving licence about to expire?")
    assert en["procedureBeschrijving"] == "1. Apply.\n2. Collect it."
    assert en["kostenEnBetaalmethoden"] == "- Licence: €41.20"
    assert en["procedureLink"] == {"label": "Apply online", "url": "https://example.org/en/licence"}
    assert en["vereisten"] == ""  # not translated: empty, not Dutch


def test_without_a_public_english_translation_only_dutch_is_sent(sdg_content):
    english = ProductPage.objects.get(ref="product-driving-licence")
    english.unpublish()
    (payload,) = payloads_of("product-rijbewijs").values()
    assert [t["taal"] for t in payload["vertalingen"]] == ["nl"]
    english.save_revision().publish()
    ProductPage.objects.filter(pk=english.pk).update(audience="internal")
    (payload,) = payloads_of("product-rijbewijs").values()
    assert [t["taal"] for t in payload["vertalingen"]] == ["nl"]


def test_a_product_for_residents_and_businesses_is_two_sdg_products(sdg_content, sdg_api):
    found = payloads_of("product-evenementenvergunning")
    assert sorted(found) == ["eu-bedrijf", "eu-burger"]
    assert {p["doelgroep"] for p in found.values()} == {"eu-burger", "eu-bedrijf"}
    assert found["eu-burger"]["vertalingen"] == found["eu-bedrijf"]["vertalingen"]
    post_all(sdg_api, found.values())
    assert sdg_api.refused == []


def test_internal_text_is_never_in_a_payload(sdg_content):
    sent = json.dumps([payloads_of(ref) for ref in ("product-rijbewijs", "product-evenementenvergunning")])
    for secret in NEVER_SENT:
        assert secret not in sent
    assert payloads_of("product-intern-met-upl") == {}


def test_why_a_product_is_not_delivered(sdg_content):
    paspoort = ProductPage.objects.get(ref="product-paspoort")  # has a UPL name, but no UPL URI
    assert product_for(paspoort.pk).problems == ["UPL ontbreekt"]
    internal = ProductPage.objects.get(ref="product-intern-met-upl")
    assert product_for(internal.pk).problems == ["interne pagina: de SDG is openbaar"]
    draft = ProductPage.objects.get(ref="product-concept")
    assert "niet gepubliceerd" in product_for(draft.pk).problems
    rijbewijs = sdg_content["product-rijbewijs"]
    ProductPage.objects.filter(pk=rijbewijs.pk).update(expired=True)
    assert product_for(rijbewijs.pk).problems == ["verlopen"]
    ProductPage.objects.filter(pk=rijbewijs.pk).update(expired=False)
    SiteConfig.objects.filter(key="deventer").update(owms_identifier="")
    assert product_for(rijbewijs.pk).problems == [
        "OWMS-identificatie van de site deventer ontbreekt (site-instellingen)"
    ]
    assert product_for(10**9).problems == ["verwijderd"]


def test_rich_text_an_editor_could_not_type_in_markdown_is_still_sent_as_allowed_markdown(sdg_content, sdg_api):
    page = sdg_content["product-rijbewijs"]
    body = list(page.body.raw_data)
    body[0]["value"]["content"][0]["value"]["text"] = (
        '<h1>Groot</h1><h2>Kleiner</h2><h5>Klein</h5><p>Zie <a linktype="page" id="'
        f'{ProductPage.objects.get(ref="product-paspoort").pk}">paspoort</a>, <code>code</code>.</p><hr/>'
        '<p><embed embedtype="image" id="1"/>Na</p>'
    )
    page.body = body
    page.save_revision().publish()
    (payload,) = payloads_of("product-rijbewijs").values()
    tekst = translations(payload)["nl"]["tekst"]
    assert "### Groot\n\n### Kleiner\n\n#### Klein" in tekst
    assert "Zie [paspoort](http://localhost:8001/producten/paspoort-aanvragen/), code." in tekst
    assert forbidden_elements(tekst) == set()
    post_all(sdg_api, [payload])
    assert sdg_api.refused == []
