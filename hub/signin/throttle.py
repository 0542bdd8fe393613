"""Limits on sign-in attempts (docs/security.md, "Sign-in attempts").

- Account + address: HUB_SIGNIN_LIMIT_ACCOUNT_ADDRESS wrong passwords lock that account's tries
  from that address; address alone: HUB_SIGNIN_LIMIT_ADDRESS wrong passwords (for any accounts)
  lock every try from that address. Both for HUB_SIGNIN_LOCKOUT_MINUTES, through django-axes,
  answered with a Dutch page (429) that carries the code SIGNIN_LOCKED and logged with it.
- Account alone is never locked: each try for an account that had wrong passwords recently waits
  longer (AccountDelayBackend), so guessing one password from many addresses is slow, while
  nobody can lock out every account by trying names.
"""

import hashlib
import ipaddress
import logging
import time

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.db.models import Sum
from django.dispatch import receiver
from django.shortcuts import render

logger = logging.getLogger("hub.signin")
LOCKED_CODE = "SIGNIN_LOCKED"


class AddressLockoutHandler(AxesDatabaseHandler):
    """django-axes with two limits: one for account + address, a higher one for the address.

    AXES_LOCKOUT_PARAMETERS lists [username, ip_address] first and ip_address second; axes itself
    compares every group with one limit (AXES_FAILURE_LIMIT, the account + address limit), so the
    address group counts as "at the limit" only once it reaches its own limit.
    """

    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        account_address = counts[0] if counts else 0
        address = counts[1] if len(counts) > 1 else 0
        if address >= settings.HUB_SIGNIN_LIMIT_ADDRESS:
            return max(account_address, settings.AXES_FAILURE_LIMIT)
        return account_address


class PasswordAttemptsBackend(AxesStandaloneBackend):
    """django-axes' guard, for sign-ins with a password only.

    A sign-in through the identity provider (OIDC callback) carries no password: the provider
    applies its own limits, and an office address locked by wrong local passwords must not stop
    staff signing in with their organisation account.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if password is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The Dutch page for a locked address (429), with the code; the lockout is logged."""
    logger.warning(
        "%s: sign-in tries locked for address %s (account %s)",
        LOCKED_CODE,
        client_address(request),
        account_fingerprint(username_of(request, credentials)),
    )
    response = render(
        request,
        "hub_signin/locked.html",
        {"code": LOCKED_CODE, "minutes": settings.HUB_SIGNIN_LOCKOUT_MINUTES},
        status=429,
    )
    response["Retry-After"] = str(settings.HUB_SIGNIN_LOCKOUT_MINUTES * 60)
    response["X-Hub-Error-Code"] = LOCKED_CODE
    return response


def client_address(request) -> str:
    """REMOTE_ADDR, or the client named by a trusted proxy in X-Forwarded-For."""
    remote = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    trusted = set(settings.HUB_SIGNIN_TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop in trusted:
            continue
        try:
            return str(ipaddress.ip_address(hop))
        except ValueError:
            return remote
    return remote


def username_of(request, credentials=None) -> str:
    """The account name tried, case-folded, so "Admin" and "admin" count as one account."""
    name = (credentials or {}).get("username")
    if name is None and request is not None:
        name = request.POST.get("username", "")
    return str(name or "").strip().casefold()[:150]


def account_fingerprint(username: str) -> str:
    """A short hash of the account name: logs and the cache never hold the name itself."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{username}".encode()).hexdigest()[:16]


def _key(username: str) -> str:
    return f"hub-signin-failures:{account_fingerprint(username)}"


def account_delay(username: str) -> float:
    """Seconds a try for this account waits, from the wrong passwords of the last lockout period."""
    failures = cache.get(_key(username), 0)
    over = failures - settings.HUB_SIGNIN_DELAY_FREE_FAILURES
    if over < 0:
        return 0.0
    return min(settings.HUB_SIGNIN_DELAY_BASE * (2**over), settings.HUB_SIGNIN_DELAY_MAX)


class AccountDelayBackend:
    """Waits before the password is checked when the account had wrong passwords recently.

    Authenticates nobody itself (returns None), so the next backend checks the password. The
    right password still works after the wait: an account is slowed down, never locked. It has no
    get_user(): sessions always name the backend that did authenticate.
    """

    def authenticate(self, request, username=None, **kwargs):
        if username:
            delay = account_delay(username_of(request, {"username": username}))
            if delay:
                time.sleep(delay)
        return None


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs):
    username = username_of(request, credentials)
    if not username:
        return
    key = _key(username)
    timeout = settings.HUB_SIGNIN_LOCKOUT_MINUTES * 60
    cache.add(key, 0, timeout)
    try:
        failures = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        failures = 1
    if failures > settings.HUB_SIGNIN_DELAY_FREE_FAILURES:
        logger.info("SIGNIN_SLOWED: account %s, %s wrong passwords", account_fingerprint(username), failures)


@receiver(user_logged_in)
def _forget_failures(sender, request, user, **kwargs):
    cache.delete(_key(user.get_username().strip().casefold()))
