from .conftest import PRODUCT


def test_a_preview_renders_the_draft_with_a_banner_and_is_never_cached(website, fake_hub):
    fake_hub.handlers["PagePreview"] = lambda v: {"data": {"pagePreview": {**PRODUCT, "title": "Paspoort (nieuw)"}}}
    response = website.get("/preview/", {"content_type": "content.productpage", "token": "id=9:abc"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeld — niet gepubliceerd" in html
    assert "<h1>Paspoort (nieuw)</h1>" in html
    assert "no-store" in response["Cache-Control"]
    assert "frame-ancestors 'self' http://localhost:8000" in response["Content-Security-Policy"]
    request = next(r for r in fake_hub.requests if r["operation"] == "PagePreview")
    assert request["variables"] == {"token": "id=9:abc", "channel": "WEB"}


def test_an_expired_preview_token_gives_a_friendly_410(website, fake_hub):
    fake_hub.handlers["PagePreview"] = lambda v: {
        "data": {"pagePreview": None},
        "errors": [{"message": "expired", "extensions": {"code": "PREVIEW_TOKEN_INVALID"}}],
    }
    response = website.get("/preview/", {"token": "old"})
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_preview_link_without_token_is_a_400(website):
    response = website.get("/preview/")
    assert response.status_code == 400
    assert "Voorbeeld niet beschikbaar" in response.content.decode()


def test_a_published_page_is_not_marked_as_preview(website):
    assert "niet gepubliceerd" not in website.get(PRODUCT["path"]).content.decode()
