"""Limits on sign-in attempts, hammering the real admin sign-in page (django-axes and the
per-account delay, with the database and cache of the test settings)."""

import logging
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

LOGIN = "/admin/login/"
FAST = {
    "HUB_SIGNIN_LIMIT_ACCOUNT_ADDRESS": 10,
    "AXES_FAILURE_LIMIT": 10,
    "HUB_SIGNIN_LIMIT_ADDRESS": 25,
    "HUB_SIGNIN_DELAY_FREE_FAILURES": 3,
    "HUB_SIGNIN_DELAY_BASE": 0.05,
    "HUB_SIGNIN_DELAY_MAX": 0.4,
}


@pytest.fixture(autouse=True)
def fast_limits(settings):
    for name, value in FAST.items():
        setattr(settings, name, value)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", "editor@example.org", "juist-wachtwoord-123")


def _try(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_ten_wrong_passwords_for_one_account_from_one_address_lock_that_address(client, editor, caplog):
    for _ in range(9):
        assert _try(client, "editor", "fout").status_code == 200
    with caplog.at_level(logging.WARNING, logger="hub.signin"):
        locked = _try(client, "editor", "fout")
    assert locked.status_code == 429
    assert "SIGNIN_LOCKED" in locked.text
    assert "tijdelijk geblokkeerd" in locked.text
    assert locked["Retry-After"] == str(30 * 60)
    assert any("SIGNIN_LOCKED" in record.getMessage() for record in caplog.records)
    # The right password does not help from that address while it is locked ...
    assert _try(client, "editor", "juist-wachtwoord-123").status_code == 429
    # ... but the account itself is not locked: from another address it signs in.
    other = Client()
    assert _try(other, "editor", "juist-wachtwoord-123", address="10.0.0.2").status_code == 302


@pytest.mark.django_db
def test_many_wrong_passwords_from_one_address_lock_every_account_from_there(client, editor):
    statuses = [_try(client, f"geraden-{n}", "fout").status_code for n in range(25)]
    assert statuses[:24] == [200] * 24
    assert statuses[24] == 429
    assert _try(client, "editor", "juist-wachtwoord-123").status_code == 429
    assert _try(Client(), "editor", "juist-wachtwoord-123", address="10.0.0.9").status_code == 302


@pytest.mark.django_db
def test_wrong_passwords_for_one_account_from_many_addresses_slow_down_but_never_lock(client, editor):
    client.get(LOGIN)  # warm up templates, so the first timing is not the slowest
    waits = []
    for n in range(8):
        started = time.monotonic()
        response = _try(Client(), "editor", "fout", address=f"10.1.0.{n}")
        waits.append(time.monotonic() - started)
        assert response.status_code == 200
    # Three free tries, then 0.05, 0.1, 0.2, 0.4 (the maximum), 0.4 seconds on top of the work.
    base = min(waits[:3])
    extra = [wait - base for wait in waits]
    assert extra[3] >= 0.045 and extra[4] >= 0.095 and extra[5] >= 0.19 and extra[6] >= 0.39
    assert extra[7] < 0.4 + 0.3  # capped
    started = time.monotonic()
    assert _try(Client(), "editor", "juist-wachtwoord-123", address="10.1.0.99").status_code == 302
    assert time.monotonic() - started >= 0.4  # the right password still waits, and then works
    # After a good sign-in the account is fast again.
    started = time.monotonic()
    _try(Client(), "editor", "fout", address="10.1.0.100")
    assert time.monotonic() - started < 0.05


@pytest.mark.django_db
def test_the_account_name_counts_case_folded(client, editor):
    for name in ["Editor", "EDITOR", "editor", "eDiToR"]:
        _try(Client(), name, "fout", address="10.2.0.1")
    from hub.signin.throttle import account_delay

    assert account_delay("editor") > 0


@pytest.mark.django_db
def test_a_forwarded_address_counts_only_from_a_trusted_proxy(settings, editor):
    settings.HUB_SIGNIN_TRUSTED_PROXIES = ["10.9.9.9"]
    from django.test import RequestFactory

    from hub.signin.throttle import client_address

    factory = RequestFactory()
    spoofed = factory.post(LOGIN, REMOTE_ADDR="10.3.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(spoofed) == "10.3.0.1"
    proxied = factory.post(LOGIN, REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.9.9.9")
    assert client_address(proxied) == "1.2.3.4"
    garbage = factory.post(LOGIN, REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="<script>")
    assert client_address(garbage) == "10.9.9.9"


@pytest.mark.django_db
def test_bad_input_on_the_sign_in_page_is_never_a_server_error(client):
    for data in [{}, {"username": "x" * 5000, "password": "y"}, {"username": "\x00", "password": "\x00"}]:
        assert client.post(LOGIN, data, REMOTE_ADDR="10.4.0.1").status_code in {200, 400}


def test_a_settings_file_that_drops_the_guards_stops_the_hub(settings):
    from hub.signin.checks import password_guards_come_first

    assert password_guards_come_first(None) == []
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
    assert [error.id for error in password_guards_come_first(None)] == ["hub_signin.E001"]


@pytest.mark.django_db
def test_a_locked_address_still_signs_in_through_the_identity_provider(client, editor, settings, rf):
    """A sign-in without a password (the OIDC callback) is not the guard's business."""
    from django.contrib.auth import authenticate

    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "tests.hub.test_signin_throttle.Provider"]
    for n in range(25):
        _try(client, f"geraden-{n}", "fout")
    assert _try(client, "editor", "juist-wachtwoord-123").status_code == 429
    request = rf.get("/oidc/callback/", REMOTE_ADDR="10.0.0.1")
    assert authenticate(request, nonce="n", code_verifier="v") == editor


class Provider:
    """Stands in for the identity provider's backend: it accepts any callback."""

    def authenticate(self, request, nonce=None, code_verifier=None, **kwargs):
        return get_user_model().objects.get(username="editor") if nonce else None

    def get_user(self, user_id):
        return get_user_model().objects.filter(pk=user_id).first()
