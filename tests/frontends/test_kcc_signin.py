"""The KCC console's side of signing in through the hub: state, code exchange, refresh, revoke.

The hub's endpoints are answered by the fake hub at the HTTP transport; the whole flow against a
real hub runs in tests/e2e/test_signin_e2e.py."""

import json
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from frontend_sites.views.kcc_signin import COOKIE, REFRESH_COOKIE

from .conftest import connection

RETURN = "http://testserver/inloggen/terug/"


def _tokens(access="wagtail_new-access", refresh="refresh-1", expires_in=900):
    return {
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": expires_in,
        "refresh_token": refresh,
        "refresh_expires_in": 36000,
    }


@pytest.fixture
def kcc(frontend, fake_hub):
    fake_hub.handlers["Pages"] = lambda v: {"data": connection([])}
    return frontend("kcc")


def _start(kcc, volgende="/?q=paspoort"):
    response = kcc.get("/inloggen/start/", {"volgende": volgende})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == "http://hub.test/inloggen/kcc/"
    query = parse_qs(location.query)
    assert query["return"] == [RETURN]
    return query["state"][0]


def test_the_sign_in_page_sends_the_employee_to_the_hub_without_asking_for_a_token(kcc):
    page = kcc.get("/inloggen/").content.decode()
    assert 'href="/inloggen/start/?volgende=/"' in page or "/inloggen/start/?volgende=%2F" in page
    assert "Inloggen met een code van de beheerder" in page  # folded away, for scripts


def test_the_code_from_the_hub_is_exchanged_for_a_staff_token(kcc, fake_hub):
    fake_hub.sign_in_answers["token/"] = lambda form: (200, _tokens())
    state = _start(kcc)
    response = kcc.get("/inloggen/terug/", {"code": "one-time", "state": state})
    assert response.status_code == 302 and response["Location"] == "/?q=paspoort"
    sent = fake_hub.requests[-1]
    assert sent["operation"] == "sign-in:token/"
    assert sent["variables"] == {"grant_type": "authorization_code", "code": "one-time", "return_url": RETURN}
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and "wagtail_new-access" in cookie.value
    assert response.cookies[REFRESH_COOKIE]["httponly"]

    kcc.get("/?q=paspoort")
    assert "Bearer wagtail_new-access" in _bearers(fake_hub)


def test_a_wrong_state_is_refused_without_asking_the_hub(kcc, fake_hub):
    _start(kcc)
    response = kcc.get("/inloggen/terug/", {"code": "one-time", "state": "other"})
    assert response.status_code == 400
    assert "niet vanuit deze console begonnen" in response.content.decode()
    assert not _sign_in_calls(fake_hub)
    assert COOKIE not in response.cookies


@pytest.mark.parametrize(
    ("error", "message"),
    [
        ("CODE_USED", "al gebruikt"),
        ("CODE_EXPIRED", "duurde te lang"),
        ("RETURN_URL_MISMATCH", "Inloggen is niet gelukt"),
    ],
)
def test_a_refused_code_is_explained_in_dutch(kcc, fake_hub, error, message):
    fake_hub.sign_in_answers["token/"] = lambda form: (400, {"error": error, "error_description": "x"})
    response = kcc.get("/inloggen/terug/", {"code": "one-time", "state": _start(kcc)})
    assert response.status_code == 400 and message in response.content.decode()
    assert f'data-code="{error}"' in response.content.decode()


def test_the_hub_being_down_during_the_exchange_is_explained(kcc, fake_hub):
    state = _start(kcc)
    fake_hub.down = True
    response = kcc.get("/inloggen/terug/", {"code": "one-time", "state": state})
    assert response.status_code == 400 and "niet bereikbaar" in response.content.decode()


def _sign_in_calls(fake_hub):
    return [r for r in fake_hub.requests if r["operation"].startswith("sign-in")]


def _bearers(fake_hub):
    return {r["authorization"] for r in fake_hub.requests if r["authorization"]}


def _signed_in(kcc, fake_hub, expires_in):
    fake_hub.sign_in_answers["token/"] = lambda form: (200, _tokens(expires_in=expires_in))
    kcc.get("/inloggen/terug/", {"code": "one-time", "state": _start(kcc)})
    fake_hub.requests.clear()


def test_a_token_about_to_run_out_is_refreshed_and_stored(kcc, fake_hub):
    _signed_in(kcc, fake_hub, expires_in=30)
    fake_hub.sign_in_answers["token/"] = lambda form: (200, _tokens(access="wagtail_refreshed", refresh="refresh-2"))
    response = kcc.get("/?q=paspoort")
    assert response.status_code == 200
    assert [r["variables"] for r in _sign_in_calls(fake_hub)] == [
        {"grant_type": "refresh_token", "refresh_token": "refresh-1"}
    ]
    assert _bearers(fake_hub) == {"Bearer wagtail_refreshed"}
    assert "wagtail_refreshed" in response.cookies[COOKIE].value
    fake_hub.requests.clear()
    kcc.get("/?q=paspoort")  # the next page uses the stored new token, without refreshing again
    assert _bearers(fake_hub) == {"Bearer wagtail_refreshed"} and not _sign_in_calls(fake_hub)


def test_a_token_with_time_left_is_not_refreshed(kcc, fake_hub):
    _signed_in(kcc, fake_hub, expires_in=900)
    kcc.get("/")
    assert not _sign_in_calls(fake_hub)


def test_a_refused_refresh_sends_the_employee_to_sign_in(kcc, fake_hub):
    _signed_in(kcc, fake_hub, expires_in=30)
    fake_hub.sign_in_answers["token/"] = lambda form: (400, {"error": "REFRESH_INVALID"})
    response = kcc.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_signing_out_revokes_the_sign_in_at_the_hub(kcc, fake_hub):
    _signed_in(kcc, fake_hub, expires_in=900)
    response = kcc.post("/uitloggen/")
    assert response.status_code == 302
    assert fake_hub.requests[-1] == {
        "operation": "sign-in:intrekken/",
        "variables": {"token": "refresh-1"},
        "authorization": None,
    }
    assert response.cookies[COOKIE].value == "" and response.cookies[REFRESH_COOKIE].value == ""
    assert kcc.get("/")["Location"].startswith("/inloggen/")


def test_the_refresh_cookie_is_signed(kcc, fake_hub):
    _signed_in(kcc, fake_hub, expires_in=900)
    kcc.cookies[REFRESH_COOKIE] = json.dumps({"refresh": "forged", "expires_at": time.time() - 10})
    kcc.get("/")
    assert not _sign_in_calls(fake_hub)
