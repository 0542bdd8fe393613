import json
import re

from .conftest import ANSWER, PRODUCT, SITE


def test_home_shows_the_site_name_menu_and_latest_news(website):
    response = website.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "Gemeente Deventer" in html
    assert 'href="/producten/"' in html and "Producten en diensten" in html
    assert "Stadhuis langer open" in html
    assert 'href="#main"' in html and 'id="main"' in html  # skip link and its target


def test_a_product_page_shows_sections_actions_and_governmentservice_json_ld(website):
    response = website.get(PRODUCT["path"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Paspoort aanvragen</h1>" in html
    assert "Direct regelen" in html and 'href="https://example.org/afspraak"' in html
    assert "€ 84,75" in html and "Neem uw oude paspoort mee." in html
    assert html.index(">Inleiding<") < html.index(">Kosten<") < html.index(">Bijzonderheden<")
    data = json.loads(re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Paspoort aanvragen"
    assert data["provider"]["name"] == "Gemeente Deventer"
    assert data["identifier"] == PRODUCT["uplUri"]


def test_pages_are_fetched_for_the_web_channel_of_the_configured_site(website, fake_hub):
    website.get(PRODUCT["path"])
    request = next(r for r in fake_hub.requests if r["operation"] == "Page")
    assert request["variables"] == {"site": "deventer", "path": PRODUCT["path"], "channel": "WEB", "language": "nl"}


def test_an_answer_page_shows_the_short_answer(website):
    html = website.get(ANSWER["path"]).content.decode()
    assert "Kort antwoord" in html and "Doe aangifte bij de politie." in html


def test_an_unknown_path_gives_the_404_page(website):
    response = website.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_a_path_without_trailing_slash_redirects(website):
    response = website.get("/producten/paspoort-aanvragen")
    assert response.status_code == 301
    assert response["Location"] == "/producten/paspoort-aanvragen/"


def test_when_the_hub_is_down_a_friendly_503_page_without_a_stack_trace(website, fake_hub):
    fake_hub.down = True
    response = website.get(PRODUCT["path"])
    html = response.content.decode()
    assert response.status_code == 503
    assert "even niet beschikbaar" in html
    assert "Traceback" not in html and "ConnectError" not in html


def test_a_hub_server_error_is_a_503_too(website, fake_hub):
    fake_hub.handlers["Page"] = lambda v: {"_status": 502, "errors": []}
    assert website.get(PRODUCT["path"]).status_code == 503


def test_an_unexpected_api_error_gives_the_500_page(website, fake_hub):
    fake_hub.handlers["Page"] = lambda v: {"errors": [{"message": "boom", "extensions": {"code": "INTERNAL_ERROR"}}]}
    response = website.get(PRODUCT["path"])
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "boom" not in response.content.decode()


def test_every_response_lets_only_the_admin_frame_it(website):
    for path in ("/", "/bestaat-niet/", "/robots.txt"):
        response = website.get(path)
        assert "frame-ancestors 'self' http://localhost:8000" in response["Content-Security-Policy"]
        assert "X-Frame-Options" not in response


def test_robots_and_sitemap_list_the_sites_own_pages(website, fake_hub):
    robots = website.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /preview/" in robots
    sitemap = website.get("/sitemap.xml")
    assert sitemap["Content-Type"].startswith("application/xml")
    body = sitemap.content.decode()
    assert "<loc>http://testserver/producten/paspoort-aanvragen/</loc>" in body
    assert "<lastmod>2026-11-01</lastmod>" in body


def test_the_subsite_uses_its_own_site_key(frontend, fake_hub):
    subsite = {
        **SITE,
        "key": "verkeer",
        "name": "Deventer Bereikbaar",
        "theme": {**SITE["theme"], "primaryColor": "#00576b"},
        "menu": [{"title": "Werkzaamheden", "path": "/werkzaamheden/", "url": ""}],
    }
    fake_hub.handlers["Site"] = lambda v: {"data": {"site": subsite}}
    client = frontend("website", "verkeer")
    html = client.get("/").content.decode()
    assert "Deventer Bereikbaar" in html and "Werkzaamheden" in html
    assert "--gemeente-color-primary: #00576b" in html
    assert {r["variables"].get("site") or r["variables"].get("key") for r in fake_hub.requests} == {"verkeer"}


def test_a_theme_colour_with_too_little_contrast_is_darkened(frontend, fake_hub):
    pale = {**SITE, "theme": {**SITE["theme"], "primaryColor": "#ffcc00"}}
    fake_hub.handlers["Site"] = lambda v: {"data": {"site": pale}}
    html = frontend("website").get("/").content.decode()
    assert "#ffcc00" not in html
