"""KCC console, the app offline, and the editor's preview, in Chromium against a real hub."""

import pytest

pytestmark = pytest.mark.browser

PRODUCT_PATH = "/producten/paspoort-aanvragen/"


def test_anonymous_kcc_access_shows_nothing(content, frontends, browser_page):
    page = browser_page
    for path in ("/", "/?q=paspoort", "/antwoord/answer-paspoort-kwijt/", "/antwoord/answer-intern-noodpaspoort/"):
        page.goto(frontends["kcc"] + path)
        assert "/inloggen/" in page.url
        text = page.locator("body").inner_text()
        assert "INTERNE NOTITIE" not in text and "GEHEIM-INTERN" not in text and "paspoort kwijt" not in text


def test_a_kcc_employee_signs_in_and_finds_the_answer_to_read_aloud(content, frontends, browser_page, staff_token):
    page = browser_page
    page.goto(frontends["kcc"] + "/")
    page.get_by_text("Inloggen met een code van de beheerder").click()
    page.get_by_label("Uw code").fill("wagtail_wrong-token")
    page.get_by_role("button", name="Inloggen met code").click()
    assert page.get_by_text("Deze code werkt niet").is_visible()

    page.get_by_label("Uw code").fill(staff_token)
    page.get_by_role("button", name="Inloggen met code").click()
    page.get_by_label("Wat vraagt de inwoner?").fill("paspoort kwijt")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Wat doe ik als mijn paspoort kwijt is?").click()
    main = page.locator("main").inner_text()
    assert "Doe aangifte bij de politie." in main
    assert "INTERNE NOTITIE: controleer eerst het register." in main
    public = page.get_by_role(
        "link", name="http://localhost:8001/vraag-en-antwoord/wat-doe-ik-als-mijn-paspoort-kwijt-is/"
    )
    assert public.is_visible()

    page.goto(frontends["kcc"] + "/antwoord/product-paspoort/")
    assert "Vraag of de inwoner al een afspraak heeft." in page.locator("main").inner_text()
    page.goto(frontends["kcc"] + "/antwoord/answer-intern-noodpaspoort/")
    assert "GEHEIM-INTERN" in page.locator("main").inner_text()  # staff see internal answers

    cookie = next(c for c in page.context.cookies() if c["name"] == "kcc_token")
    assert cookie["httpOnly"]
    assert page.evaluate("document.cookie").find("kcc_token") == -1

    page.get_by_role("button", name="Uitloggen").click()
    page.goto(frontends["kcc"] + "/antwoord/answer-paspoort-kwijt/")
    assert "/inloggen/" in page.url


def test_the_app_works_offline_with_the_pages_it_synced(content, app_frontend, browser_page):
    from content.models import ProductPage

    page = browser_page
    base = app_frontend["url"]
    page.goto(base + "/")
    page.wait_for_function("() => document.documentElement.dataset.synced !== undefined", timeout=20_000)
    manifest = page.request.get(base + "/manifest.webmanifest").json()
    assert manifest["lang"] == "nl"

    # A page unpublished in the hub is dropped at the next sync.
    ProductPage.objects.get(ref="product-parkeervergunning").unpublish()
    page.reload()
    page.wait_for_function("() => document.documentElement.dataset.synced !== undefined", timeout=20_000)

    from tests.harness.processes import stop

    stop(app_frontend["process"])  # really offline: the app's server is gone too
    page.context.set_offline(True)
    page.goto(base + PRODUCT_PATH)  # synced, never visited
    assert page.get_by_role("heading", level=1).inner_text() == "Paspoort aanvragen"
    page.reload()
    assert page.get_by_role("heading", level=1).inner_text() == "Paspoort aanvragen"
    page.goto(base + "/producten/parkeervergunning-voor-bewoners/")
    assert page.get_by_role("heading", level=1).inner_text() == "U heeft nu geen internet"


def test_the_editors_preview_shows_the_draft_with_a_banner(content, frontends, browser_page):
    from content.models import ProductPage

    product = ProductPage.objects.get(ref="product-paspoort")
    product.title = "Paspoort aanvragen (nieuwe tekst)"
    product.save_revision()
    token = product.create_page_preview().token

    page = browser_page
    response = page.goto(f"{frontends['website']}/preview/?content_type=content.productpage&token={token}")
    assert response.status == 200
    assert "no-store" in response.headers["cache-control"]
    assert "frame-ancestors 'self' http://localhost:8000" in response.headers["content-security-policy"]
    assert page.get_by_text("Voorbeeld — niet gepubliceerd").is_visible()
    assert page.get_by_role("heading", level=1).inner_text() == "Paspoort aanvragen (nieuwe tekst)"

    page.goto(frontends["website"] + PRODUCT_PATH)  # residents still see the published page
    assert page.get_by_role("heading", level=1).inner_text() == "Paspoort aanvragen"

    never_published = content["draft"].create_page_preview().token
    page.goto(f"{frontends['website']}/preview/?content_type=content.productpage&token={never_published}")
    assert "CONCEPTTEKST" in page.locator("main").inner_text()

    response = page.goto(f"{frontends['website']}/preview/?token=id%3D1%3Anep%3Ahandtekening")
    assert response.status == 410
    assert "verlopen of klopt niet" in page.locator("main").inner_text()
