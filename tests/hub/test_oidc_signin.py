"""Signing in to the admin with the organisation account, against a real OpenID provider
(`oidc-provider` from npm on loopback), through the hub's own views and mozilla-django-oidc.

The browser is played by two HTTP clients: Django's test client for the hub and httpx for the
provider's sign-in form (its development form: any password)."""

import logging
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest
from django.contrib.auth.models import Group, User

pytestmark = pytest.mark.django_db

HUB = "http://testserver"


def _to_provider(client) -> str:
    response = client.get("/oidc/authenticate/?next=/admin/")
    assert response.status_code == 302
    return response["Location"]


def _sign_in_at_provider(url: str, login: str) -> str:
    """Fill the provider's sign-in form; the URL the provider sends the browser back to."""
    with httpx.Client() as http:
        response = http.get(url)
        while response.is_redirect:
            response = http.get(urljoin(str(response.url), response.headers["location"]))
        action = re.search(r'action="([^"]+)"', response.text).group(1)
        response = http.post(
            urljoin(str(response.url), action), data={"prompt": "login", "login": login, "password": "geheim"}
        )
        while response.is_redirect:
            location = urljoin(str(response.url), response.headers["location"])
            if location.startswith(HUB):
                return location.removeprefix(HUB)
            response = http.get(location)
    raise AssertionError(f"the provider did not send the browser back: {response.status_code} {response.text[:300]}")


def sign_in(client, login: str):
    return client.get(_sign_in_at_provider(_to_provider(client), login))


def _groups(email: str) -> set[str]:
    return set(User.objects.get(email=email).groups.values_list("name", flat=True))


def _refusal_on_sign_in_page(client) -> str:
    page = client.get("/admin/login/").content.decode()
    return " ".join(re.findall(r'<li class="error">(.*?)</li>', page, flags=re.S))


def test_the_sign_in_page_offers_the_organisation_account_only_when_oidc_is_on(oidc, client, settings):
    assert "Inloggen met uw organisatie-account" in client.get("/admin/login/").content.decode()
    settings.OIDC_RP_CLIENT_ID = ""
    assert "Inloggen met uw organisatie-account" not in client.get("/admin/login/").content.decode()
    assert client.get("/oidc/authenticate/").status_code == 404


def test_an_editor_signs_in_and_gets_the_roles_their_groups_map_to(oidc, client):
    response = sign_in(client, "wim")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert _groups("wim@gemeente.example") == {"Webredacteuren"}
    assert client.get("/admin/").status_code == 200
    user = User.objects.get(email="wim@gemeente.example")
    assert not user.is_superuser and user.first_name == "Wim Webredacteur"


@pytest.mark.parametrize(
    ("login", "groups"),
    [("eva", {"Eindredacteuren"}), ("vera", {"Redacteuren verkeer"}), ("karim", {"KCC-medewerkers"})],
)
def test_each_mapped_group_gives_its_role(oidc, client, login, groups):
    assert sign_in(client, login)["Location"] == "/admin/"
    assert _groups(f"{login}@gemeente.example") == groups


def test_changed_groups_take_effect_at_the_next_sign_in_and_other_groups_stay(oidc, client):
    sign_in(client, "wim")
    user = User.objects.get(email="wim@gemeente.example")
    team, _ = Group.objects.get_or_create(name="Projectgroep website")  # not managed by OIDC
    user.groups.add(team)
    client.logout()

    oidc.set_groups("wim", ["gg-eindredactie", "gg-redactie-verkeer"])
    assert sign_in(client, "wim")["Location"] == "/admin/"
    assert _groups("wim@gemeente.example") == {"Eindredacteuren", "Redacteuren verkeer", "Projectgroep website"}
    assert User.objects.filter(email="wim@gemeente.example").count() == 1


def test_a_user_without_a_mapped_group_is_refused_with_a_dutch_message_and_no_account(oidc, client, caplog):
    with caplog.at_level(logging.WARNING, logger="hub.signin"):
        response = sign_in(client, "sam")
    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    assert not User.objects.filter(email="sam@gemeente.example").exists()
    assert "no mapped group for 'sam@gemeente.example'" in caplog.text
    assert "hoort niet bij een groep die in de contenthub mag werken" in _refusal_on_sign_in_page(client)
    assert client.get("/admin/").status_code == 302  # not signed in


def test_a_user_who_lost_every_mapped_group_is_refused_at_the_next_sign_in(oidc, client):
    sign_in(client, "karim")
    client.logout()
    oidc.set_groups("karim", ["gg-alle"])
    assert sign_in(client, "karim")["Location"] == "/admin/login/"
    # the refusal changes nothing; the account keeps what it had until a successful sign-in
    assert client.get("/admin/").status_code == 302


def test_a_replayed_authorization_code_is_refused_and_logged(oidc, client, caplog):
    callback = _sign_in_at_provider(_to_provider(client), "wim")
    assert client.get(callback)["Location"] == "/admin/"
    client.logout()
    # A new sign-in in progress (a valid state in the session), answered with the old code.
    state = parse_qs(urlsplit(_to_provider(client)).query)["state"][0]
    old_code = parse_qs(urlsplit(callback).query)["code"][0]
    with caplog.at_level(logging.WARNING, logger="hub.signin"):
        response = client.get(f"/oidc/callback/?code={old_code}&state={state}")
    assert response["Location"] == "/admin/login/"
    assert "refused the code exchange" in caplog.text and "invalid_grant" in caplog.text
    assert client.get("/admin/").status_code == 302


def test_a_wrong_state_is_refused_and_logged(oidc, client, caplog):
    callback = _sign_in_at_provider(_to_provider(client), "eva")
    code = parse_qs(urlsplit(callback).query)["code"][0]
    with caplog.at_level(logging.WARNING, logger="hub.signin"):
        response = client.get(f"/oidc/callback/?code={code}&state=not-the-state")
    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    assert "wrong state" in caplog.text
    assert not User.objects.filter(email="eva@gemeente.example").exists()
    assert "niet gelukt" in _refusal_on_sign_in_page(client)


def test_a_callback_without_a_sign_in_in_progress_is_refused(oidc, client, caplog):
    with caplog.at_level(logging.WARNING, logger="hub.signin"):
        response = client.get("/oidc/callback/?code=abc&state=def")
    assert response["Location"] == "/admin/login/"
    assert "no state" in caplog.text


def test_a_wrong_nonce_is_refused_and_logged(oidc, client, caplog):
    url = _to_provider(client)
    session = client.session
    state = parse_qs(urlsplit(url).query)["state"][0]
    session["oidc_states"][state]["nonce"] = "a-nonce-the-provider-never-saw"
    session.save()
    with caplog.at_level(logging.WARNING, logger="hub.signin"):
        response = client.get(_sign_in_at_provider(url, "wim"))
    assert response["Location"] == "/admin/login/"
    assert "Nonce verification failed" in caplog.text
    assert not User.objects.filter(email="wim@gemeente.example").exists()


def test_an_error_from_the_provider_is_refused_and_logged(oidc, client, caplog):
    _to_provider(client)
    with caplog.at_level(logging.WARNING, logger="hub.signin"):
        response = client.get("/oidc/callback/?error=access_denied&error_description=nee")
    assert response["Location"] == "/admin/login/"
    assert "access_denied" in caplog.text


def test_the_hub_refuses_to_start_with_half_an_oidc_configuration():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hub.settings.test", "OIDC_RP_CLIENT_ID": "contenthub"}
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "OIDC_OP_ISSUER" in result.stderr


def test_only_roles_of_the_hub_can_be_given_by_the_provider(settings, caplog):
    from hub.oidc.backend import mapped_groups

    settings.HUB_OIDC_GROUP_MAP = {
        "gg-web": ["Webredacteuren", "Beheerders", 7],
        "gg-site": "Redacteuren verkeer",
        "gg-leeg": "Redacteuren ",
        "gg-raar": {"x": 1},
    }
    with caplog.at_level(logging.WARNING, logger="hub.signin"):
        groups = mapped_groups({"groups": ["gg-web", "gg-site", "gg-leeg", "gg-raar", "onbekend"]})
    assert groups == {"Webredacteuren", "Redacteuren verkeer"}
    assert "'Beheerders'" in caplog.text
