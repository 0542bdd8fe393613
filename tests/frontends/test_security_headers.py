"""Security headers, security.txt and the accessibility statement on every front-end."""

import re
from datetime import UTC, datetime

import pytest

from tests.frontends.conftest import PRODUCT

KINDS = [("website", "deventer"), ("website", "verkeer"), ("app", "deventer"), ("kcc", "deventer")]


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_scripts_and_styles_need_a_nonce_never_unsafe_inline(website):
    response = website.get(PRODUCT["path"])
    directives = _directives(response)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-inline'" not in directives["style-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    html = response.content.decode()
    # Every inline <style> and <script> of the page carries this response's nonce.
    for tag in re.findall(r"<(?:style|script)(?![^>]*\bsrc=)[^>]*>", html):
        assert f'nonce="{nonce}"' in tag, tag
    assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'self'"]
    assert "http://hub.test" in directives["img-src"]  # renditions come from the hub


def test_the_nonce_differs_per_response(website):
    first = _directives(website.get("/"))["script-src"]
    second = _directives(website.get("/"))["script-src"]
    assert first != second


@pytest.mark.parametrize(("kind", "site"), KINDS)
def test_every_front_end_sends_the_policies(frontend, kind, site):
    client = frontend(kind, site)
    for path in ("/", "/bestaat-niet/", "/.well-known/security.txt", "/toegankelijkheidsverklaring/"):
        response = client.get(path)
        assert "default-src 'self'" in response["Content-Security-Policy"], path
        assert "camera=()" in response["Permissions-Policy"]
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("kind", "site"), KINDS)
def test_security_txt_follows_rfc_9116(frontend, kind, site):
    response = frontend(kind, site).get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert re.search(r"^Contact: mailto:\S+$", text, re.M)
    expires = datetime.strptime(re.search(r"^Expires: (\S+)$", text, re.M).group(1), "%Y-%m-%dT%H:%M:%SZ")
    days = (expires.replace(tzinfo=UTC) - datetime.now(UTC)).days
    assert 0 < days <= 366  # RFC 9116: less than a year ahead
    assert "Canonical: http://testserver/.well-known/security.txt" in text


@pytest.mark.parametrize(("kind", "site"), KINDS)
def test_each_site_has_an_accessibility_statement_linked_in_the_footer(frontend, kind, site):
    client = frontend(kind, site)
    statement = client.get("/toegankelijkheidsverklaring/")
    assert statement.status_code == 200
    html = statement.content.decode()
    assert "<h1>Toegankelijkheidsverklaring</h1>" in html
    for required in ("WCAG 2.1", "EN 301 549", "Lukt iets niet?", "Wat werkt nog niet goed?", "mailto:"):
        assert required in html
    if kind != "kcc":
        assert 'href="/toegankelijkheidsverklaring/"' in client.get("/").content.decode()
    else:
        assert 'href="/toegankelijkheidsverklaring/"' in client.get("/inloggen/").content.decode()
