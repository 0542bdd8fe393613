"""The Samenwerkende Catalogi 4.0 feed: valid against the official XSD, with the right values,
never an internal block, internal page or draft, cached with ETag/Last-Modified, regenerated
when a product changes, and a product left out always with the reason in the editor's panel."""

import json
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, HUB_CONTENT, make_role_users

from .test_sc_xsd import sc_schema  # noqa: F401 - the session fixture

FEED = "/open/samenwerkende-catalogi.xml"
NS = {
    "p": "http://standaarden.overheid.nl/product/terms/",
    "dcterms": "http://purl.org/dc/terms/",
    "overheid": "http://standaarden.overheid.nl/owms/terms/",
}
DEVENTER = "http://standaarden.overheid.nl/owms/terms/Deventer_(gemeente)"
UPL = "http://standaarden.overheid.nl/owms/terms/"


def _product(ref, title, **fields):
    item = {
        "ref": ref,
        "type": "product",
        "site": "deventer",
        "parent": "/producten/",
        "title": title,
        "summary": f"Samenvatting van {title.lower()}.",
        "upl_name": title.lower(),
        "upl_uri": UPL + title.replace(" ", ""),
        "blocks": [{"type": "text", "value": f"Uitleg over {title.lower()}."}],
    }
    item.update(fields)
    return item


OLST = "http://standaarden.overheid.nl/owms/terms/Olst-Wijhe"
SC_CONTENT = {
    "format": "hub-import/1",
    "sites": [
        {
            "key": "olst-wijhe",
            "name": "Gemeente Olst-Wijhe",
            "hostname": "olst-wijhe.localhost",
            "frontend_url": "https://www.olst-wijhe.example",
            "organisation": {"name": "Gemeente Olst-Wijhe", "owms_identifier": OLST},
        },
        {"key": "zonder-organisatie", "name": "Proefsite", "frontend_url": "https://proef.example"},
    ],
    "items": [
        _product(
            "product-sc-afvalpas",
            "Afvalpas aanvragen",
            doelgroep=["burger", "bedrijf"],
            actions=[
                {"label": "Afspraak maken", "url": "https://example.org/afspraak", "kind": "afspraak"},
                {"label": "Afvalpas aanvragen", "url": "https://example.org/afvalpas", "kind": "online", "digid": True},
            ],
            blocks=[
                {"type": "text", "value": "Met de afvalpas & een **code** opent u de container. <script>x()</script>"},
                {"type": "text", "channels": ["app"], "value": "ALLEEN-IN-DE-APP over de afvalpas."},
                {"type": "kcc_script", "section": "aanvraag", "value": "KCC-SCRIPT-SC: vraag naar het pasnummer."},
                {"type": "steps", "section": "aanvraag", "value": ["Log in met DigiD.", "Vul het formulier in."]},
                {
                    "type": "cost_table",
                    "section": "kosten",
                    "value": [{"description": "Nieuwe pas", "amount": "1234.5"}],
                },
                {
                    "type": "link_list",
                    "section": "contact",
                    "value": [
                        {"title": "Werkinstructie", "page": "answer-intern-noodpaspoort"},
                        {"title": "Nog niet klaar", "page": "product-concept"},
                        {"title": "Vraag over verlies", "page": "answer-paspoort-kwijt"},
                    ],
                },
                {"type": "fragment", "section": "contact", "value": "contact-gemeente"},
            ],
        ),
        _product(
            "product-sc-terras",
            "Terrasvergunning",
            doelgroep=["bedrijf"],
            actions=[{"label": "Formulier", "url": "https://example.org/terras", "kind": "formulier"}],
        ),
        _product(
            "product-sc-bijstand",
            "Bijzondere bijstand",
            actions=[{"label": "Afspraak maken", "url": "https://example.org/afspraak", "kind": "afspraak"}],
        ),
        _product("product-sc-zonder-upl", "Ligplaats woonboot", upl_name="", upl_uri=""),
        _product("product-sc-olst", "Kapvergunning", site="olst-wijhe"),
        _product("product-sc-proef", "Proefproduct", site="zonder-organisatie"),
        _product("product-sc-zonder-samenvatting", "Marktstandplaats", summary=""),
        _product(
            "product-sc-intern",
            "Noodprocedure paspoort",
            audience="internal",
            blocks=[{"type": "text", "value": "INTERN-PRODUCT-SC alleen voor medewerkers."}],
        ),
        {
            "ref": "product-sc-afvalpas-en",
            "type": "product",
            "language": "en",
            "translation_of": "product-sc-afvalpas",
            "title": "Apply for a waste pass",
            "summary": "With the waste pass you open the container.",
            "blocks": [{"type": "text", "value": "ENGLISH-ONLY text about the pass."}],
        },
    ],
}
SC_DRAFT = {
    "format": "hub-import/1",
    "items": [_product("product-sc-concept", "Ondermijning melden", summary="CONCEPT-SC nog niet openbaar.")],
}


@pytest.fixture(scope="module")
def module_sc_content(module_import):
    module_import(*HUB_CONTENT, (SC_CONTENT, True), (SC_DRAFT, False))


@pytest.fixture
def sc_content(module_sc_content, db):
    from content.models import ProductPage

    return {p.ref: p for p in ProductPage.objects.filter(ref__startswith="product-")}


def kcc_scripts_of_the_test_content() -> list[str]:
    """Every kcc_script text in the test content, fragments included."""
    documents = [json.loads((FIXTURES / name).read_text()) for name, _publish in HUB_CONTENT]
    documents += [SC_CONTENT, SC_DRAFT]
    found = []
    for document in documents:
        for holder in [*document.get("items", []), *document.get("fragments", [])]:
            found += [b["value"] for b in holder.get("blocks", []) if b.get("type") == "kcc_script"]
    assert len(found) >= 3
    return found


def products(body: bytes) -> dict:
    """The feed's products by their identifier (the public URL)."""
    root = ET.fromstring(body)
    return {
        p.findtext("p:meta/p:owmskern/dcterms:identifier", namespaces=NS): p for p in root.findall("p:scproduct", NS)
    }


def test_the_feed_of_the_test_content_is_valid_against_the_official_xsd(client, sc_content, sc_schema):  # noqa: F811
    response = client.get(FEED)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert sc_schema.errors(response.content) == [""]
    assert len(products(response.content)) == 3


def test_each_product_carries_the_fields_of_the_standard(client, sc_content):
    found = products(client.get(FEED).content)
    product = found["http://localhost:8001/producten/afvalpas-aanvragen/"]
    text = lambda path: product.findtext(path, namespaces=NS)  # noqa: E731

    assert text("p:meta/p:owmskern/dcterms:title") == "Afvalpas aanvragen"
    assert text("p:meta/p:owmskern/dcterms:language") == "nl"
    kind = product.find("p:meta/p:owmskern/dcterms:type", NS)
    assert (kind.text, kind.get("scheme")) == ("productbeschrijving", "overheid:Informatietype")
    for path in ("dcterms:spatial", "overheid:authority"):
        element = product.find(f"p:meta/p:owmskern/{path}", NS)
        assert (element.text, element.get("scheme"), element.get("resourceIdentifier")) == (
            "Gemeente Deventer",
            "overheid:Gemeente",
            DEVENTER,
        )
    assert text("p:meta/p:owmsmantel/dcterms:abstract") == "Samenvatting van afvalpas aanvragen."
    assert text("p:meta/p:scmeta/p:productID") == "product-sc-afvalpas"
    upl = product.find("p:meta/p:scmeta/p:uniformeProductnaam", NS)
    assert (upl.text, upl.get("resourceIdentifier")) == ("afvalpas aanvragen", UPL + "Afvalpasaanvragen")
    modified = text("p:meta/p:owmskern/dcterms:modified")
    assert modified.startswith(sc_content["product-sc-afvalpas"].last_published_at.strftime("%Y-%m-%dT"))


@pytest.mark.parametrize(
    ("slug", "audiences"),
    [
        ("afvalpas-aanvragen", ["particulier", "ondernemer"]),
        ("terrasvergunning", ["ondernemer"]),
        ("bijzondere-bijstand", ["particulier"]),
    ],
)
def test_the_audience_follows_the_doelgroep(client, sc_content, slug, audiences):
    product = products(client.get(FEED).content)[f"http://localhost:8001/producten/{slug}/"]
    found = product.findall("p:meta/p:owmsmantel/dcterms:audience", NS)

    assert [a.text for a in found] == audiences
    assert {a.get("scheme") for a in found} == {"overheid:Doelgroep"}


@pytest.mark.parametrize(
    ("slug", "online", "url"),
    [
        ("afvalpas-aanvragen", "digid", "https://example.org/afvalpas"),  # the appointment before it does not count
        ("terrasvergunning", "ja", "https://example.org/terras"),
        ("bijzondere-bijstand", "nee", None),
    ],
)
def test_online_aanvragen_and_the_aanvraag_url_follow_the_actions(client, sc_content, slug, online, url):
    product = products(client.get(FEED).content)[f"http://localhost:8001/producten/{slug}/"]

    assert product.findtext("p:meta/p:scmeta/p:onlineAanvragen", namespaces=NS) == online
    aanvraag = product.find("p:meta/p:scmeta/p:aanvraagURL", NS)
    assert (aanvraag.get("resourceIdentifier") if aanvraag is not None else None) == url


def test_product_html_holds_the_public_web_blocks_as_well_formed_html(client, sc_content):
    product = products(client.get(FEED).content)["http://localhost:8001/producten/afvalpas-aanvragen/"]
    html = product.findtext("p:body/p:productHTML", namespaces=NS)
    tree = ET.fromstring(f"<div>{html}</div>")  # well formed, or this raises
    tags = {element.tag for element in tree.iter()} - {"div"}

    assert tags <= {"h2", "h3", "h4", "p", "strong", "em", "ol", "ul", "li", "a", "br", "dl", "dt", "dd", "table"} | {
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "figure",
        "img",
        "figcaption",
    }
    assert "script" not in tags  # an editor's raw HTML is text, never markup
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<script>x()</script>" in "".join(tree.find("p").itertext()) and "&" in tree.find("p").text
    assert [h.text for h in tree.findall("h2")] == ["Inleiding", "Aanvragen", "Kosten", "Contact"]
    assert "€ 1.234,50" in html
    links = {a.text: a.get("href") for a in tree.iter("a")}
    assert (
        links["Vraag over verlies"] == "http://localhost:8001/vraag-en-antwoord/wat-doe-ik-als-mijn-paspoort-kwijt-is/"
    )
    assert "Bel ons op" in html  # the fragment's public text


def test_internal_blocks_internal_pages_and_drafts_are_never_in_the_feed(client, sc_content):
    body = client.get(FEED).content.decode()

    for script in kcc_scripts_of_the_test_content():
        assert script not in body
    for secret in ("INTERN-PRODUCT-SC", "GEHEIM-INTERN", "INTERNE NOTITIE", "CONCEPT", "nieuwe afvalpas"):
        assert secret not in body
    assert "Werkinstructie" not in body and "Nog niet klaar" not in body  # links to an internal page, a draft
    assert "ALLEEN-IN-DE-APP" not in body  # a block for another channel
    assert "ENGLISH-ONLY" not in body  # the feed is Dutch


def test_a_product_without_upl_or_summary_is_left_out_and_the_status_says_why(client, sc_content):
    from syndication.status import deliveries

    response = client.get(FEED)
    urls = products(response.content)

    assert not any("ligplaats" in u or "marktstandplaats" in u for u in urls)
    assert int(response["X-Hub-Products-Left-Out"]) >= 2
    (no_upl,) = [d for d in deliveries(sc_content["product-sc-zonder-upl"]) if d.target == "Samenwerkende Catalogi"]
    assert not no_upl.included and no_upl.reasons == ["UPL ontbreekt"]
    (no_summary,) = [
        d for d in deliveries(sc_content["product-sc-zonder-samenvatting"]) if d.target == "Samenwerkende Catalogi"
    ]
    assert no_summary.reasons == ["samenvatting ontbreekt"]


@pytest.mark.parametrize(
    ("ref", "reason"),
    [
        ("product-sc-intern", "pagina is intern"),
        ("product-sc-concept", "niet gepubliceerd"),
        ("product-sc-afvalpas-en", "alleen de Nederlandse versie gaat naar Samenwerkende Catalogi"),
        ("product-paspoort", "UPL-adres (URI uit de Uniforme Productnamenlijst) ontbreekt"),
    ],
)
def test_the_status_names_the_reason_a_product_is_not_delivered(sc_content, ref, reason):
    from syndication.sc_feed import answer

    delivery = answer(sc_content[ref])

    assert not delivery.included and reason in delivery.reasons


def test_an_included_product_is_delivered_and_an_answer_page_is_not_a_product(sc_content):
    from content.models import AnswerPage
    from syndication.sc_feed import answer

    assert answer(sc_content["product-sc-afvalpas"]).included
    assert answer(AnswerPage.objects.get(ref="answer-paspoort-kwijt")) is None


def test_the_edit_form_warns_about_a_version_that_would_leave_the_feed(sc_content):
    from syndication.sc_feed import answer

    page = sc_content["product-sc-terras"]
    page.summary = ""
    page.save_revision()
    edited = page.get_latest_revision_as_object()

    delivery = answer(edited)

    assert delivery.included  # the published version still is
    assert delivery.reasons == ["na publiceren van deze versie: samenvatting ontbreekt"]


def test_the_feed_is_served_from_the_cache_with_etag_and_last_modified(client, sc_content, django_assert_num_queries):
    first = client.get(FEED)
    etag, last_modified = first["ETag"], first["Last-Modified"]

    with django_assert_num_queries(0):  # not even the site settings
        again = client.get(FEED)
    assert again.content == first.content and again["ETag"] == etag
    assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(FEED, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(FEED, HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200
    in_feed = ("product-sc-afvalpas", "product-sc-terras", "product-sc-bijstand")
    newest = max(sc_content[ref].last_published_at for ref in in_feed)
    assert parsedate_to_datetime(last_modified) >= newest.replace(microsecond=0)


def test_the_feed_is_regenerated_when_a_product_is_published(client, sc_content, django_capture_on_commit_callbacks):
    before = client.get(FEED)
    page = sc_content["product-sc-terras"]
    page.title = "Terrasvergunning voor de zomer"

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    after = client.get(FEED, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert b"Terrasvergunning voor de zomer" in after.content


def test_an_unpublished_product_leaves_the_feed(client, sc_content, django_capture_on_commit_callbacks):
    url = "http://localhost:8001/producten/bijzondere-bijstand/"
    assert url in products(client.get(FEED).content)

    with django_capture_on_commit_callbacks(execute=True):
        sc_content["product-sc-bijstand"].unpublish()

    assert url not in products(client.get(FEED).content)


def test_a_new_slug_redirects_the_old_url_and_the_feed_shows_the_new_one(
    client, sc_content, django_capture_on_commit_callbacks
):
    from wagtail.contrib.redirects.models import Redirect

    page = sc_content["product-sc-afvalpas"]
    client.get(FEED)  # cached with the old URL
    page.slug = "afvalpas"

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    found = products(client.get(FEED).content)
    assert "http://localhost:8001/producten/afvalpas/" in found
    assert "http://localhost:8001/producten/afvalpas-aanvragen/" not in found
    redirect = Redirect.objects.get(old_path="/producten/afvalpas-aanvragen")
    assert redirect.redirect_page_id == page.pk
    response = client.get("/producten/afvalpas-aanvragen/", HTTP_HOST="localhost")
    assert response.status_code == 301 and response["Location"].rstrip("/").endswith("/producten/afvalpas")


def test_a_moved_product_redirects_its_old_url_and_the_feed_shows_the_new_one(
    client, sc_content, django_capture_on_commit_callbacks
):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Page

    page = sc_content["product-sc-terras"]
    section = Page.objects.get(url_path__endswith="/vraag-en-antwoord/", depth=page.depth - 1)
    client.get(FEED)

    with django_capture_on_commit_callbacks(execute=True):
        page.move(section, pos="last-child")

    found = products(client.get(FEED).content)
    assert "http://localhost:8001/vraag-en-antwoord/terrasvergunning/" in found
    assert "http://localhost:8001/producten/terrasvergunning/" not in found
    assert Redirect.objects.get(old_path="/producten/terrasvergunning").redirect_page_id == page.pk


def test_an_unknown_site_is_a_404_with_a_plain_message(client, sc_content):
    response = client.get(FEED, {"site": "onbekend"})

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/plain")
    assert "Onbekende site: 'onbekend'" in response.content.decode()


def test_every_site_of_one_gemeente_gives_the_feed_of_that_gemeente(client, sc_content):
    deventer = products(client.get(FEED).content)
    verkeer = products(client.get(FEED, {"site": "verkeer"}).content)

    # One feed per organisation (OWMS identifier): the verkeer site is Deventer's too.
    assert set(verkeer) == set(deventer) and len(deventer) == 3


def test_another_gemeente_has_a_feed_of_its_own(client, sc_content):
    olst = products(client.get(FEED, {"site": "olst-wijhe"}).content)

    assert list(olst) == ["https://www.olst-wijhe.example/producten/kapvergunning/"]
    authority = next(iter(olst.values())).find("p:meta/p:owmskern/overheid:authority", NS)
    assert (authority.text, authority.get("resourceIdentifier")) == ("Gemeente Olst-Wijhe", OLST)
    assert not any("kapvergunning" in url for url in products(client.get(FEED).content))


def test_a_site_without_an_organisation_has_no_feed_and_its_products_say_why(client, sc_content):
    from syndication.sc_feed import answer

    response = client.get(FEED, {"site": "zonder-organisatie"})

    assert response.status_code == 404
    assert "organisatie van de site ontbreekt" in response.content.decode()
    assert answer(sc_content["product-sc-proef"]).reasons == [
        "organisatie van de site ontbreekt (site-instellingen: naam en OWMS-identificatie)"
    ]


def test_the_panel_shows_the_deliveries_to_a_web_editor(client, sc_content):
    from content.signals import ensure_roles

    ensure_roles()
    client.force_login(make_role_users()["redacteur"])
    page = sc_content["product-sc-zonder-upl"]

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    text = response.content.decode()
    assert "Landelijke catalogi" in text
    assert "Samenwerkende Catalogi" in text and "UPL ontbreekt" in text


def test_the_mapping_helpers():
    from syndication import sc
    from syndication.sc_html import euro

    assert sc.audiences("beide") == ["particulier", "ondernemer"]
    assert sc.application([]).online == "nee"
    assert euro("84.75") == "€ 84,75" and euro(1234567) == "€ 1.234.567,00"
    assert Path(sc.__file__).name == "sc.py"
