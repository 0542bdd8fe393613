"""KCC console: signing in through the hub, and the cookies that hold the staff token.

The employee clicks "Inloggen" and is sent to the hub (`/inloggen/start/`), signs in there
(the gemeente's organisation account, or a local account under `make run`), and comes back to
`/inloggen/terug/` with a one-time code. This server exchanges it for a short-lived staff token
(cookie `kcc_token`) and a refresh token (cookie `kcc_refresh`, with the token's expiry); the
token is refreshed before it runs out and revoked at the hub on sign-out. Both cookies are
signed, HttpOnly and SameSite=Lax (the way back from the hub is a cross-site navigation).
"""

import json
import logging
import secrets
import time
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from .. import hub_signin

logger = logging.getLogger(__name__)
COOKIE = "kcc_token"
SALT = "frontend_sites.kcc.token"
REFRESH_COOKIE = "kcc_refresh"
REFRESH_SALT = "frontend_sites.kcc.refresh"
STATE_COOKIE = "kcc_state"
STATE_SALT = "frontend_sites.kcc.state"
MAX_AGE = 60 * 60 * 10  # one working day
REFRESH_MARGIN = 60  # refresh a token this many seconds before it runs out

MESSAGES = {
    "CODE_USED": "Deze inlogpoging is al gebruikt. Log opnieuw in.",
    "CODE_EXPIRED": "Het inloggen duurde te lang. Log opnieuw in.",
    "STATE": "Het inloggen is niet vanuit deze console begonnen. Log opnieuw in.",
    "HUB_UNAVAILABLE": "De contenthub is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.",
}
DEFAULT_MESSAGE = "Inloggen is niet gelukt. Log opnieuw in."


def staff_token(request) -> str | None:
    return request.get_signed_cookie(COOKIE, default=None, salt=SALT, max_age=MAX_AGE)


def _cookie(response, name: str, value: str, salt: str, samesite: str = "Lax", max_age: int = MAX_AGE) -> None:
    response.set_signed_cookie(
        name, value, salt=salt, max_age=max_age, httponly=True, samesite=samesite, secure=settings.SESSION_COOKIE_SECURE
    )


def set_pasted_token(response, token: str) -> None:
    """The old way (a token from `issue_token`, for scripts and tests): no refresh."""
    _cookie(response, COOKIE, token, SALT, samesite="Strict")


def _set_tokens(response, tokens: dict) -> None:
    _cookie(response, COOKIE, tokens["access_token"], SALT)
    refresh = {"refresh": tokens["refresh_token"], "expires_at": time.time() + int(tokens["expires_in"])}
    _cookie(response, REFRESH_COOKIE, json.dumps(refresh), REFRESH_SALT)


def _refresh_state(request) -> dict | None:
    raw = request.get_signed_cookie(REFRESH_COOKIE, default=None, salt=REFRESH_SALT, max_age=MAX_AGE)
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def fresh_token(request):
    """The staff token for this request, refreshed at the hub when it is about to run out.

    Returns (token or None, tokens to store on the response or None)."""
    token = staff_token(request)
    state = _refresh_state(request)
    if not token or not state or state.get("expires_at", 0) - REFRESH_MARGIN > time.time():
        return token, None
    try:
        tokens = hub_signin.refresh(state.get("refresh", ""))
    except hub_signin.SignInError as error:
        logger.info("KCC token refresh refused: %s", error.code)
        return None, None
    return tokens["access_token"], tokens


def store_refreshed(response, tokens: dict | None) -> None:
    if tokens:
        _set_tokens(response, tokens)


def clear_cookies(response) -> None:
    for name in (COOKIE, REFRESH_COOKIE, STATE_COOKIE):
        response.delete_cookie(name, samesite="Lax")


def revoke_at_hub(request) -> None:
    state = _refresh_state(request)
    if state and state.get("refresh"):
        hub_signin.revoke(state["refresh"])


def _return_url(request) -> str:
    return request.build_absolute_uri(reverse("kcc:sign_in_return"))


def _safe_next(target: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") else "/"


@require_GET
def start(request):
    """Send the employee to the hub's sign-in, with a state bound to this browser."""
    state = secrets.token_urlsafe(24)
    response = redirect(hub_signin.authorize_url(_return_url(request), state))
    value = json.dumps({"state": state, "next": _safe_next(request.GET.get("volgende", "/"))})
    _cookie(response, STATE_COOKIE, value, STATE_SALT, max_age=15 * 60)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def back(request):
    """The hub sent the employee back with a one-time code: exchange it for a staff token."""
    raw = request.get_signed_cookie(STATE_COOKIE, default=None, salt=STATE_SALT, max_age=15 * 60)
    try:
        expected = json.loads(raw) if raw else {}
    except ValueError:
        expected = {}
    code, state = request.GET.get("code", ""), request.GET.get("state", "")
    try:
        if not code or not expected.get("state") or not secrets.compare_digest(state, expected["state"]):
            raise hub_signin.SignInError("STATE", "state missing or different")
        tokens = hub_signin.exchange(code, _return_url(request))
    except hub_signin.SignInError as error:
        logger.info("KCC sign-in through the hub refused: %s", error.code)
        response = render(
            request,
            "frontend_sites/kcc/sign_in.html",
            {"error": MESSAGES.get(error.code, DEFAULT_MESSAGE), "error_code": error.code, "next": "/"},
            status=400,
        )
        response["Cache-Control"] = "no-store"
        return response
    response = redirect(_safe_next(expected.get("next", "/")))
    _set_tokens(response, tokens)
    response.delete_cookie(STATE_COOKIE, samesite="Lax")
    response["Cache-Control"] = "no-store"
    return response


def sign_in_page_url(next_path: str = "/", expired: bool = False) -> str:
    params = {"volgende": next_path}
    if expired:
        params["verlopen"] = "1"
    return reverse("kcc:sign_in") + "?" + urlencode(params)
