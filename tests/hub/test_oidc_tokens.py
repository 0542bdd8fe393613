"""Bad ID tokens are refused with a logged reason and no account is made.

The provider cannot be asked to sign a forged or expired token, so these tests stand in for its
token endpoint (the network, as a unit test may) and sign the tokens themselves with a test key
that the hub is told to trust (OIDC_RP_IDP_SIGN_KEY). Everything else is the hub's real flow:
the sign-in view sets state and nonce in the session, the callback checks them."""

import logging
import time
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth.models import User

from hub.oidc.backend import HubOIDCBackend
from tests.harness.oidc import CLIENT_ID, GROUP_MAP

pytestmark = pytest.mark.django_db

ISSUER = "https://login.gemeente.example"


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


TRUSTED, OTHER = _key(), _key()


def _pem(key) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


@pytest.fixture
def hub_trusts_test_key(settings):
    from content.signals import ensure_roles

    ensure_roles()
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "secret"  # noqa: S105
    settings.OIDC_OP_ISSUER = ISSUER
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = ISSUER + "/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = ISSUER + "/token"
    settings.OIDC_OP_USER_ENDPOINT = ISSUER + "/me"
    settings.OIDC_RP_IDP_SIGN_KEY = _pem(TRUSTED)
    settings.HUB_OIDC_GROUP_MAP = GROUP_MAP
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "hub.oidc.backend.HubOIDCBackend"]


def _claims(session_nonce, **changes):
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": "wim",
        "iat": now,
        "exp": now + 300,
        "nonce": session_nonce,
        "email": "wim@gemeente.example",
        "groups": ["gg-webredactie"],
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _callback_with(client, monkeypatch, make_token):
    """Start a real sign-in, then answer the callback with the token `make_token(nonce)`."""
    location = client.get("/oidc/authenticate/")["Location"]
    state = parse_qs(urlsplit(location).query)["state"][0]
    nonce = client.session["oidc_states"][state]["nonce"]
    id_token = make_token(nonce)
    try:
        claims = jwt.decode(id_token, options={"verify_signature": False})
    except jwt.PyJWTError:
        claims = {}
    monkeypatch.setattr(HubOIDCBackend, "get_token", lambda self, payload: {"id_token": id_token, "access_token": "a"})
    monkeypatch.setattr(HubOIDCBackend, "get_userinfo", lambda self, access, id_token, payload: {**payload, **claims})
    return client.get(f"/oidc/callback/?code=some-code&state={state}")


def _signed(key=TRUSTED, algorithm="RS256", **changes):
    return lambda nonce: jwt.encode(_claims(nonce, **changes), key, algorithm=algorithm)


def test_a_well_made_token_signs_in(hub_trusts_test_key, client, monkeypatch):
    """The other tests change one thing of this one; this proves the rest is right."""
    response = _callback_with(client, monkeypatch, _signed())
    assert response["Location"] == "/admin/"
    assert User.objects.get(email="wim@gemeente.example").groups.get().name == "Webredacteuren"


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (_signed(key=OTHER), "the ID token is not valid: Signature verification failed"),
        (_signed(exp=int(time.time()) - 3600), "the ID token has expired"),
        (_signed(iss="https://nep-login.example"), "unknown issuer"),
        (_signed(aud="another-client"), "the ID token is for another client"),
        (_signed(exp=None), "the ID token is not valid"),
        (_signed(algorithm="HS256", key="secret" * 8), "signed with 'HS256'"),
        (lambda nonce: jwt.encode(_claims(nonce), None, algorithm="none"), "signed with 'none'"),
        (lambda nonce: "not-a-jwt", "the ID token is no JWT"),
        (_signed(nonce="replayed-nonce"), "Nonce verification failed"),
    ],
    ids=["forged", "expired", "unknown-issuer", "other-audience", "no-expiry", "hmac", "unsigned", "garbage", "nonce"],
)
def test_a_bad_id_token_is_refused_logged_and_makes_no_account(
    hub_trusts_test_key, client, monkeypatch, caplog, token, reason
):
    users = User.objects.count()
    with caplog.at_level(logging.WARNING, logger="hub.signin"):
        response = _callback_with(client, monkeypatch, token)
    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    assert "OIDC sign-in refused" in caplog.text and reason in caplog.text
    assert User.objects.count() == users
    assert client.get("/admin/").status_code == 302
