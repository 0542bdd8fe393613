import pytest

from .conftest import error_codes

pytestmark = pytest.mark.django_db

PREVIEW = """query P($token: String!) {
  pagePreview(token: $token) { title summary ... on ProductPage { sections { blocks { type } } } } }"""
PAGE = """query P($token: String) {
  page(site: "deventer", path: "/producten/paspoort-aanvragen/", previewToken: $token) { title } }"""


def _draft_preview(page, title):
    page.title = title
    page.save_revision()
    return page.create_page_preview().token


def test_a_preview_token_shows_the_draft_of_that_page_only(gql, hub_content):
    from content.models import ProductPage

    page = ProductPage.objects.get(ref="product-paspoort")
    token = _draft_preview(page, "Paspoort aanvragen (nieuwe tekst)")
    preview = gql(PREVIEW, {"token": token})
    assert preview["data"]["pagePreview"]["title"] == "Paspoort aanvragen (nieuwe tekst)"
    assert "no-store" in preview["_response"]["Cache-Control"]
    # residents still see the published version
    assert gql(PAGE, {})["data"]["page"]["title"] == "Paspoort aanvragen"
    assert gql(PAGE, {"token": token})["data"]["page"]["title"] == "Paspoort aanvragen (nieuwe tekst)"


def test_a_never_published_page_can_be_previewed(gql, hub_content):
    token = hub_content["draft"].create_page_preview().token
    assert "CONCEPTTEKST" in gql(PREVIEW, {"token": token})["data"]["pagePreview"]["summary"]


def test_a_preview_token_does_not_open_another_page(gql, hub_content):
    token = hub_content["draft"].create_page_preview().token
    assert error_codes(gql(PAGE, {"token": token})) == ["BAD_INPUT"]


def test_a_forged_or_expired_preview_token_is_refused(gql, hub_content, settings):
    from content.models import ProductPage

    assert error_codes(gql(PREVIEW, {"token": "id=1:forged:signature"})) == ["PREVIEW_TOKEN_INVALID"]
    token = _draft_preview(ProductPage.objects.get(ref="product-paspoort"), "Nieuw")
    settings.HUB_PREVIEW_TOKEN_MAX_AGE = -1
    assert error_codes(gql(PREVIEW, {"token": token})) == ["PREVIEW_TOKEN_INVALID"]


def test_a_preview_of_an_internal_page_still_needs_staff(gql, hub_content, staff_token):
    from content.models import AnswerPage

    token = AnswerPage.objects.get(ref="answer-intern-noodpaspoort").create_page_preview().token
    assert error_codes(gql(PREVIEW, {"token": token})) == ["NOT_FOUND"]
    assert gql(PREVIEW, {"token": token}, token=staff_token)["data"]["pagePreview"]["title"]


def test_the_preview_opens_in_the_front_end_of_the_pages_own_site(rf, hub_content):
    from content.models import ArticlePage, ProductPage

    request = rf.get("/admin/")
    assert (
        ProductPage.objects.get(ref="product-paspoort").get_client_root_url(request) == "http://localhost:8001/preview/"
    )
    article = ArticlePage.objects.get(ref="article-wegwerkzaamheden-brink")
    assert article.get_client_root_url(request) == "http://localhost:8002/preview/"
