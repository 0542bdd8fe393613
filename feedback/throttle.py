"""A limit on feedback per resident, without storing who the resident is.

The website and the app post the form to their own server, which calls the hub with the
resident's address in `X-Forwarded-For`. The hub believes that header only when the request
comes from one of the front-end hosts in HUB_FEEDBACK["TRUSTED_FRONTENDS"]; from anyone else
the address the request came from counts. The address is never stored: the limit is a counter
in Django's cache under a keyed hash of it (HMAC with SECRET_KEY), gone when the window ends.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)
FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"


class RateLimited(Exception):
    """Too much feedback from one resident (or one staff account) in the window."""

    def __init__(self, retry_after: int):
        super().__init__(f"Too much feedback; try again in {retry_after} seconds.")
        self.retry_after = retry_after


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]):
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def is_trusted_frontend(remote_addr: str) -> bool:
    address = _address(remote_addr or "")
    networks = _networks(tuple(settings.HUB_FEEDBACK["TRUSTED_FRONTENDS"]))
    return address is not None and any(address in network for network in networks)


def resident_address(request) -> str:
    """The resident's address: from the forwarded header of a trusted front-end (its last
    entry, the one that front-end added), otherwise the address the request came from."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if is_trusted_frontend(remote):
        forwarded = request.META.get(FORWARDED_HEADER, "")
        if forwarded:
            last = _address(forwarded.split(",")[-1])
            if last is not None:
                return str(last)
            logger.warning("A trusted front-end sent an unreadable %s header", FORWARDED_HEADER)
    return remote


def _key(kind: str, identity: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{identity}".encode(), hashlib.sha256).hexdigest()
    return f"feedback:rate:{kind}:{digest[:40]}"


def count_attempt(kind: str, identity: str, limit: int, window: int) -> None:
    """Count one attempt for `identity`; raise RateLimited once there are more than `limit` in
    the window. Every attempt counts, also one that is refused later, so nobody can probe
    pages or flood the editors by sending bad input."""
    key = _key(kind, identity)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    if count > limit:
        raise RateLimited(window)


def count_resident_attempt(request) -> None:
    limits = settings.HUB_FEEDBACK
    count_attempt("resident", resident_address(request), limits["RATE_LIMIT"], limits["RATE_WINDOW"])


def count_staff_attempt(user) -> None:
    limits = settings.HUB_FEEDBACK
    count_attempt("staff", str(user.pk), limits["STAFF_RATE_LIMIT"], limits["RATE_WINDOW"])
