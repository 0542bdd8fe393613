"""Security headers of the hub, security.txt, and `check --deploy` with the production settings."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _directives(response) -> dict[str, list[str]]:
    return {p.split()[0]: p.split()[1:] for p in response["Content-Security-Policy"].split(";") if p.strip()}


@pytest.mark.django_db
def test_the_api_allows_scripts_from_the_hub_only(client):
    response = client.post("/graphql/", {"query": "{ __typename }"}, content_type="application/json")
    directives = _directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_the_admin_keeps_its_documented_exception_and_nothing_more(client):
    response = client.get("/admin/login/")
    directives = _directives(response)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["form-action"] == ["'self'"] and directives["base-uri"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_hub_has_a_security_txt(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert re.search(r"^Contact: mailto:\S+$", text, re.M)
    assert re.search(r"^Expires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", text, re.M)
    assert client.post("/.well-known/security.txt").status_code == 405


def _production(command, extra=None):
    # Production as a server would have it: not the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE either.
    skip = ("SECURE_", "HUB_REQUIRE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="hub.gemeente.example",
        DATABASE_URL="sqlite:////tmp/hub-check-deploy.sqlite3",
        **(extra or {}),
    )
    return subprocess.run(
        [sys.executable, *command], cwd=ROOT, capture_output=True, text=True, env=env, check=False, timeout=120
    )


def test_check_deploy_is_clean_with_the_production_settings():
    result = _production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_switch_on_https_and_the_second_factor():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.HUB_REQUIRE_TOTP, "
        "s.SECURE_PROXY_SSL_HEADER)"
    )
    result = _production(["-c", code])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "31536000", "True", "True", "('HTTP_X_FORWARDED_PROTO',", "'https')"]
    no_proxy = _production(["-c", code], {"SECURE_PROXY_SSL_HEADER": ""})
    assert no_proxy.stdout.split()[-1] == "None"
