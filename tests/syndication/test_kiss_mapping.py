"""KISS mappings: every answer page as a VAC and every product page as kennisartikelen, valid
against the official object types, with what only staff may read in the fields meant for staff.
No network: these are the pure mappings (`syndication.kiss.vac`, `.kennisartikel`, `.plan`)."""

import json
from datetime import datetime
from urllib.parse import urlsplit

import pytest

from content.models import AnswerPage, ProductPage

pytestmark = pytest.mark.django_db

API = "https://objecten.example.nl/api/v2"
KISS_SETTINGS = {
    "KISS_OBJECTS_API_URL": API,
    "KISS_OBJECTS_API_TOKEN": "geheim",
    "KISS_VAC_OBJECTTYPE_URL": "https://objecttypen.example.nl/api/v2/objecttypes/vac",
    "KISS_KENNISARTIKEL_OBJECTTYPE_URL": "https://objecttypen.example.nl/api/v2/objecttypes/kennisartikel",
}
PAGE_LINKS = [
    {"title": "Paspoort", "page": "product-paspoort"},
    {"title": "Kwijt", "page": "answer-paspoort-kwijt"},
    {"title": "Noodpaspoort", "page": "answer-intern-noodpaspoort"},
]
# Our own items on top of the shared content: an answer for residents and businesses that links
# to products and answers, a product for both with its scripts in sections, and a translation.
KISS_CONTENT = {
    "format": "hub-import/1",
    "items": [
        {
            "ref": "answer-kiss-container",
            "type": "answer",
            "site": "deventer",
            "parent": "/vraag-en-antwoord/",
            "title": "Hoe vraag ik een extra container aan?",
            "short_answer": "Vraag een extra container online aan.",
            "status": "verouderd",
            "doelgroep": ["burger", "bedrijf"],
            "owner": "Team Afval",
            "keywords": ["paspoort", "parkeren"],
            "blocks": [
                {"type": "text", "value": "Een extra container kost geld."},
                {"type": "kcc_script", "value": "SCRIPT-CONTAINER: vraag naar het adres."},
                {"type": "link_list", "value": PAGE_LINKS},
            ],
        },
        {
            "ref": "product-kiss-terras",
            "type": "product",
            "site": "deventer",
            "parent": "/producten/",
            "title": "Terrasvergunning",
            "summary": "Voor een terras hebt u een vergunning nodig.",
            "upl_name": "terrasvergunning",
            "upl_uri": "http://standaarden.overheid.nl/owms/terms/terrasvergunning",
            "doelgroep": ["burger", "bedrijf"],
            "owner": "Team Vergunningen",
            "blocks": [
                {"type": "text", "value": "Een terras mag niet zomaar."},
                {"type": "steps", "section": "aanvraag", "value": ["Vul het formulier in.", "Betaal de leges."]},
                {"type": "kcc_script", "section": "aanvraag", "value": "SCRIPT-TERRAS: vraag naar de plattegrond."},
                {"type": "text", "section": "voorwaarden", "value": "Het terras staat op uw eigen stoep."},
                {"type": "cost_table", "section": "kosten", "value": [{"description": "Leges", "amount": "1234.5"}]},
                {"type": "notice", "section": "termijn", "value": {"level": "warning", "text": "Binnen 8 weken."}},
            ],
        },
        {
            "ref": "product-passport",
            "type": "product",
            "language": "en",
            "translation_of": "product-paspoort",
            "title": "Apply for a passport",
            "slug": "passport",
            "summary": "You apply for a passport at the municipality.",
            "blocks": [
                {"type": "text", "value": "With a passport you can travel."},
                {"type": "kcc_script", "value": "SCRIPT-EN: ask for the appointment."},
            ],
        },
    ],
}
STAFF_ONLY = ["INTERNE NOTITIE", "Vraag of de inwoner al een afspraak heeft.", "SCRIPT-", "Vraag of de inwoner nog"]


def load_schemas(standards) -> dict:
    """The official VAC and kennisartikel object types (JSON Schema draft-07)."""
    return {
        kind: json.loads((standards / "kiss" / f"{kind}-schema.json").read_text()) for kind in ("vac", "kennisartikel")
    }


@pytest.fixture(scope="module")
def schemas(standards):
    return load_schemas(standards)


def _format_checker():
    from jsonschema import FormatChecker

    checker = FormatChecker()  # date and uuid built in; uri and date-time strictly here

    @checker.checks("uri")
    def is_uri(value):
        parts = urlsplit(value)
        return bool(parts.scheme and (parts.netloc or parts.scheme in {"mailto", "urn"}))

    @checker.checks("date-time")
    def is_date_time(value):
        return "T" in value and bool(datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo)

    return checker


def schema_errors(schema: dict, data: dict) -> list[str]:
    """Every way `data` breaks `schema` (JSON Schema draft-07, formats checked)."""
    from jsonschema import Draft7Validator

    validator = Draft7Validator(schema, format_checker=_format_checker())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


@pytest.fixture(scope="module")
def kiss_content(module_hub_content, module_import):
    module_import((KISS_CONTENT, True))


@pytest.fixture
def mapping(kiss_content, db, settings):
    from syndication.kiss.config import KissConfig
    from syndication.kiss.fields import Mapping

    for name, value in KISS_SETTINGS.items():
        setattr(settings, name, value)
    return Mapping(KissConfig.from_settings())


def vac_of(ref, mapping, **kwargs):
    from syndication.kiss.vac import vac_data

    return vac_data(AnswerPage.objects.get(ref=ref), mapping, **kwargs)


def kennisartikel_of(ref, mapping, variant="eu-burger", **kwargs):
    from syndication.kiss.kennisartikel import kennisartikel_data

    return kennisartikel_data(ProductPage.objects.get(ref=ref), variant, mapping, **kwargs)


def test_a_public_answer_is_a_valid_vac_with_the_internal_note_for_staff(mapping, schemas):
    data = vac_of("answer-paspoort-kwijt", mapping)
    assert schema_errors(schemas["vac"], data) == []
    assert data["vraag"] == "Wat doe ik als mijn paspoort kwijt is?"
    assert data["status"] == "actief" and data["doelgroep"] == "eu-burger"
    assert "Doe aangifte bij de politie" in data["antwoord"] and "Meld het verlies" in data["antwoord"]
    assert "INTERNE NOTITIE" in data["toelichting"] and "INTERNE NOTITIE" not in data["antwoord"]
    assert "pasport verloren" in data["toelichting"]  # how residents ask it
    assert data["trefwoorden"] == [{"trefwoord": "paspoort"}]


def test_an_internal_answer_is_a_vac_too_because_kiss_is_for_staff(mapping, schemas):
    data = vac_of("answer-intern-noodpaspoort", mapping)
    assert schema_errors(schemas["vac"], data) == []
    assert "GEHEIM-INTERN" in data["antwoord"]


def test_status_doelgroep_team_keywords_and_related_pages_map_to_the_vac(mapping, schemas):
    from syndication.kiss.fields import kennisartikel_urls, vac_url

    data = vac_of("answer-kiss-container", mapping)
    assert schema_errors(schemas["vac"], data) == []
    assert data["status"] == "non-actief" and data["doelgroep"] == "eu-burger-bedrijf"
    assert data["afdelingen"] == [{"afdelingNaam": "Team Afval"}]
    assert data["trefwoorden"] == [{"trefwoord": "parkeren"}, {"trefwoord": "paspoort"}]
    answers = [AnswerPage.objects.get(ref=r) for r in ("answer-paspoort-kwijt", "answer-intern-noodpaspoort")]
    assert data["gerelateerdeVACs"] == [{"VAC": vac_url(a, mapping)} for a in answers]
    paspoort = ProductPage.objects.get(ref="product-paspoort")
    assert data["gerelateerdeProducten"] == [{"product": url} for url in kennisartikel_urls(paspoort, mapping)]
    assert all(r["VAC"].startswith(f"{API}/objects/") for r in data["gerelateerdeVACs"])
    # The script and the link to an internal answer are for staff only.
    assert "SCRIPT-CONTAINER" in data["toelichting"] and "SCRIPT-CONTAINER" not in data["antwoord"]
    assert "Noodpaspoort" in data["toelichting"] and "Noodpaspoort" not in data["antwoord"]
    assert 'href="http://localhost:8001/producten/' in data["antwoord"]


def test_a_retired_answer_is_marked_for_removal(mapping, schemas):
    data = vac_of("answer-paspoort-kwijt", mapping, retired=True)
    assert data["status"] == "te-verwijderen" and schema_errors(schemas["vac"], data) == []


def test_a_product_is_a_valid_kennisartikel_with_its_kcc_scripts_only_in_the_desk_memo(mapping, schemas):
    data = kennisartikel_of("product-paspoort", mapping)
    assert schema_errors(schemas["kennisartikel"], data) == []
    dutch = next(v for v in data["vertalingen"] if v["taal"] == "nl")
    assert "Vraag of de inwoner al een afspraak heeft." in dutch["deskMemo"]
    assert "Vraag of de inwoner nog een andere vraag heeft." in dutch["deskMemo"]  # from the fragment
    assert "Werkinstructie" in dutch["deskMemo"]  # a link to an internal answer, without its address
    public = {k: v for k, v in data.items() if k != "vertalingen"}
    public["vertalingen"] = [{k: v for k, v in entry.items() if k != "deskMemo"} for entry in data["vertalingen"]]
    text = json.dumps(public, ensure_ascii=False)
    assert not [marker for marker in [*STAFF_ONLY, "Werkinstructie", "Tip: zet"] if marker in text]
    assert "Met een paspoort kunt u reizen" in dutch["tekst"] and "Maak een afspraak." in dutch["procedureBeschrijving"]
    assert "https://example.org/afspraak" in dutch["procedureBeschrijving"]
    assert "84,75" in dutch["kostenEnBetaalmethoden"]
    assert data["upnUri"].endswith("UPL-naam_nog_niet_beschikbaar") and data["doelgroep"] == "eu-burger"
    assert data["verantwoordelijkeOrganisatie"]["owmsIdentifier"].endswith("Deventer_(gemeente)")
    assert data["url"] == f"{API}/objects/{data['uuid']}" and data["productAanwezig"] is True


def test_the_english_translation_is_the_en_entry_with_its_own_script_for_staff(mapping, schemas):
    data = kennisartikel_of("product-paspoort", mapping)
    assert data["beschikbareTalen"] == ["nl", "en"]
    english = next(v for v in data["vertalingen"] if v["taal"] == "en")
    assert english["titel"] == "Apply for a passport" and "travel" in english["tekst"]
    assert "SCRIPT-EN" in english["deskMemo"] and "SCRIPT-EN" not in english["tekst"]


def test_a_product_for_residents_and_businesses_is_two_kennisartikelen(mapping, schemas):
    from syndication.kiss.plan import items_for_page

    product = ProductPage.objects.get(ref="product-kiss-terras")
    items = items_for_page(product.pk, mapping, {})
    assert [item.variant for item in items] == ["eu-burger", "eu-bedrijf"]
    assert len({item.url for item in items}) == 2
    for item in items:
        assert schema_errors(schemas["kennisartikel"], item.data) == [] and item.data["doelgroep"] == item.variant
    dutch = items[0].data["vertalingen"][0]
    assert "SCRIPT-TERRAS" in dutch["deskMemo"] and "<h3>Aanvragen</h3>" in dutch["deskMemo"]
    assert "SCRIPT-TERRAS" not in dutch["procedureBeschrijving"]
    assert (
        "€ 1.234,50" in dutch["kostenEnBetaalmethoden"]
        and "<strong>Binnen 8 weken.</strong>" in dutch["uitersteTermijn"]
    )
    assert items[0].data["afdelingen"] == [{"afdelingnaam": "Team Vergunningen"}]


def test_a_translation_is_no_object_of_its_own(mapping):
    from syndication.kiss.plan import items_for_page, kiss_page_id

    english = ProductPage.objects.get(ref="product-passport")
    assert items_for_page(english.pk, mapping, {}) == []
    assert kiss_page_id(english) == ProductPage.objects.get(ref="product-paspoort").pk


def test_a_draft_that_was_never_sent_is_not_planned(mapping, hub_content):
    from syndication.kiss.plan import items_for_page

    assert items_for_page(hub_content["draft"].pk, mapping, {}) == []


def test_a_site_without_an_owms_identifier_is_named_as_the_reason(mapping):
    from content.models import SiteConfig
    from syndication.kiss.fields import Mapping
    from syndication.kiss.kennisartikel import problems

    SiteConfig.objects.filter(key="deventer").update(owms_identifier="")
    product = ProductPage.objects.get(ref="product-paspoort")
    assert problems(product, Mapping(mapping.config)) == [
        "OWMS-identificatie van de site deventer ontbreekt (site-instellingen)"
    ]
