import pytest

from .conftest import PRODUCT


@pytest.fixture
def app(frontend):
    return frontend("app")


def test_the_manifest_describes_an_installable_dutch_app(app):
    response = app.get("/manifest.webmanifest")
    data = response.json()
    assert response["Content-Type"] == "application/manifest+json"
    assert data["lang"] == "nl" and data["start_url"] == "/" and data["display"] == "standalone"
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512"}


def test_the_service_worker_is_served_from_the_root_and_revalidated(app):
    response = app.get("/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert b"/app/sync/" in response.content


def test_app_pages_link_the_manifest_and_are_rendered_for_the_app_channel(app, fake_hub):
    html = app.get(PRODUCT["path"]).content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert next(r for r in fake_hub.requests if r["operation"] == "Page")["variables"]["channel"] == "APP"


def test_sync_lists_changed_pages_and_removed_ones(app, fake_hub):
    def sync(variables):
        assert variables["since"] == "2026-11-01T00:00:00Z"
        return {
            "data": {
                "pages": {
                    "pageInfo": {"hasNextPage": False, "endCursor": None},
                    "nodes": [
                        {
                            "id": "9",
                            "ref": "product-paspoort",
                            "title": "Paspoort aanvragen",
                            "site": "deventer",
                            "path": PRODUCT["path"],
                            "lastPublishedAt": "2026-11-02T00:00:00Z",
                        },
                        {
                            "id": "77",
                            "ref": "x",
                            "title": "Elders",
                            "site": "verkeer",
                            "path": "/x/",
                            "lastPublishedAt": None,
                        },
                    ],
                    "removed": [
                        {"id": "5", "ref": "oud", "reason": "unpublished", "removedAt": "2026-11-02T00:00:00Z"}
                    ],
                }
            }
        }

    fake_hub.handlers["Sync"] = sync
    response = app.get("/app/sync/", {"since": "2026-11-01T00:00:00Z"})
    assert response.json() == {
        "pages": [{"id": "9", "ref": "product-paspoort", "title": "Paspoort aanvragen", "path": PRODUCT["path"]}],
        "removed": [{"id": "5", "ref": "oud"}],
    }
    assert response["Cache-Control"] == "no-store"


def test_the_website_has_no_app_routes(website):
    assert website.get("/manifest.webmanifest").status_code == 404
