"""The KCC console's side of signing in through the hub (the hub is the only OpenID client).

The browser is sent to the hub's sign-in with a return URL and a state; the hub sends it back
with a one-time code, which this server exchanges for a short-lived staff token and a refresh
token. Errors come back as `SignInError` with the hub's code (CODE_USED, CODE_EXPIRED, ...).
"""

import logging
from urllib.parse import urlencode

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)


class SignInError(Exception):
    def __init__(self, code: str, message: str = ""):
        super().__init__(f"{code}: {message}")
        self.code = code


def authorize_url(return_url: str, state: str) -> str:
    return settings.HUB_SIGNIN_URL + "?" + urlencode({"return": return_url, "state": state})


def _post(path: str, data: dict) -> dict:
    url = settings.HUB_SIGNIN_SERVER_URL + path
    try:
        with httpx.Client(transport=settings.FRONTEND_HUB_TRANSPORT, timeout=settings.FRONTEND_HUB_TIMEOUT) as client:
            response = client.post(url, data=data, headers={"Accept": "application/json"})
        body = response.json()
    except (httpx.HTTPError, ValueError) as error:
        logger.warning("Hub sign-in unreachable at %s: %s", url, error)
        raise SignInError("HUB_UNAVAILABLE", str(error)) from error
    if response.status_code != 200:
        raise SignInError(body.get("error") or f"HTTP_{response.status_code}", body.get("error_description", ""))
    return body


def exchange(code: str, return_url: str) -> dict:
    """`{"access_token", "expires_in", "refresh_token", "refresh_expires_in"}` for a code."""
    return _post("token/", {"grant_type": "authorization_code", "code": code, "return_url": return_url})


def refresh(refresh_token: str) -> dict:
    return _post("token/", {"grant_type": "refresh_token", "refresh_token": refresh_token})


def revoke(token: str) -> None:
    """End the sign-in at the hub; a hub that cannot be reached is logged, not fatal."""
    try:
        _post("intrekken/", {"token": token})
    except SignInError as error:
        logger.warning("Could not revoke the staff token at the hub: %s", error)
