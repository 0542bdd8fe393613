"""One-time codes and short-lived staff tokens for the KCC console.

The hub is the only OpenID client. The console sends the employee to the hub's sign-in; the
hub redirects back to a registered return URL with a one-time code; the console's server
exchanges it for a staff API token that lives HUB_CONSOLE_TOKEN_SECONDS, plus a refresh token.
Every failure is a `GrantRefused` with a stable code; nothing is half written.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import APIToken

from api.access import STAFF_PERMISSION
from api.models import ConsoleSignIn
from content.audit.actions import TOKEN_CREATED, TOKEN_REVOKED

logger = logging.getLogger("hub.signin")

RETURN_URL_NOT_ALLOWED = "RETURN_URL_NOT_ALLOWED"
CODE_INVALID = "CODE_INVALID"
CODE_EXPIRED = "CODE_EXPIRED"
CODE_USED = "CODE_USED"
RETURN_URL_MISMATCH = "RETURN_URL_MISMATCH"
REFRESH_INVALID = "REFRESH_INVALID"
NOT_STAFF = "NOT_STAFF"


class GrantRefused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass(frozen=True)
class StaffTokens:
    access_token: str
    expires_in: int
    refresh_token: str
    refresh_expires_in: int

    def as_json(self) -> dict:
        return {
            "access_token": self.access_token,
            "token_type": "Bearer",
            "expires_in": self.expires_in,
            "refresh_token": self.refresh_token,
            "refresh_expires_in": self.refresh_expires_in,
        }


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def check_return_url(return_url: str) -> str:
    if return_url not in settings.HUB_CONSOLE_RETURN_URLS:
        raise GrantRefused(RETURN_URL_NOT_ALLOWED, "This return URL is not registered (HUB_CONSOLE_RETURN_URLS).")
    return return_url


def may_use_console(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm(STAFF_PERMISSION)))


def issue_code(user, return_url: str) -> str:
    """A one-time code for a signed-in staff member, for this return URL only."""
    check_return_url(return_url)
    if not may_use_console(user):
        raise GrantRefused(NOT_STAFF, f"{user.username} may not see internal content.")
    forget_old_sign_ins()
    code = secrets.token_urlsafe(32)
    ConsoleSignIn.objects.create(
        user=user,
        return_url=return_url,
        code_hash=_hash(code),
        code_expires_at=timezone.now() + timedelta(seconds=settings.HUB_CONSOLE_CODE_SECONDS),
    )
    return code


def exchange_code(code: str, return_url: str) -> StaffTokens:
    """The staff tokens for a one-time code. A second use revokes what the first one gave."""
    result = _exchange_code(code, return_url)
    if isinstance(result, GrantRefused):
        raise result
    return result


@transaction.atomic
def _exchange_code(code: str, return_url: str) -> StaffTokens | GrantRefused:
    # Returns the refusal instead of raising it, so that the revocation of a reused code's
    # tokens is committed with the transaction rather than rolled back.
    sign_in = ConsoleSignIn.objects.select_for_update().filter(code_hash=_hash(code or "")).first()
    if sign_in is None:
        return GrantRefused(CODE_INVALID, "Unknown code.")
    now = timezone.now()
    if sign_in.code_used_at is not None:
        _end(sign_in, now)
        logger.warning("KCC console: code of %s used twice; its tokens are revoked", sign_in.user.username)
        return GrantRefused(CODE_USED, "This code has been used already.")
    if sign_in.code_expires_at < now:
        return GrantRefused(CODE_EXPIRED, "This code has expired.")
    if sign_in.return_url != return_url:
        return GrantRefused(RETURN_URL_MISMATCH, "The code was issued for another return URL.")
    if not may_use_console(sign_in.user):
        return GrantRefused(NOT_STAFF, "This user may no longer see internal content.")
    sign_in.code_used_at = now
    tokens = _new_tokens(sign_in, now)
    # The audit trail (docs/security.md): the console's sign-in, not every 15-minute refresh.
    log(sign_in.api_token, TOKEN_CREATED, user=sign_in.user, data={"source": "kcc_console"})
    return tokens


@transaction.atomic
def refresh(refresh_token: str) -> StaffTokens:
    """New staff tokens for a refresh token; the old access and refresh tokens stop working."""
    now = timezone.now()
    sign_in = (
        ConsoleSignIn.objects.select_for_update()
        .filter(refresh_hash=_hash(refresh_token or ""), ended_at__isnull=True, refresh_expires_at__gt=now)
        .first()
    )
    if sign_in is None or not may_use_console(sign_in.user):
        raise GrantRefused(REFRESH_INVALID, "Unknown, expired or revoked refresh token.")
    if sign_in.api_token is not None:
        sign_in.api_token.revoke()
    return _new_tokens(sign_in, now, keep_refresh_expiry=True)


@transaction.atomic
def revoke(token: str) -> bool:
    """End the sign-in that an access token or refresh token belongs to."""
    token = token or ""
    sign_in = ConsoleSignIn.objects.select_for_update().filter(refresh_hash=_hash(token)).first()
    if sign_in is None and APIToken.validate_token_format(token):
        sign_in = (
            ConsoleSignIn.objects.select_for_update()
            .filter(api_token__key_hash__in=APIToken.candidate_key_hashes(token))
            .first()
        )
    if sign_in is None:
        return False
    if sign_in.api_token is not None and sign_in.api_token.revoked_at is None:
        log(sign_in.api_token, TOKEN_REVOKED, user=sign_in.user, data={"source": "kcc_console"})
    _end(sign_in, timezone.now())
    return True


def _new_tokens(sign_in: ConsoleSignIn, now, keep_refresh_expiry: bool = False) -> StaffTokens:
    token_seconds = settings.HUB_CONSOLE_TOKEN_SECONDS
    record, access_token = APIToken.create_token(user=sign_in.user, name="KCC-console (aanmelding)")
    refresh_token = secrets.token_urlsafe(32)
    sign_in.api_token = record
    sign_in.token_expires_at = now + timedelta(seconds=token_seconds)
    sign_in.refresh_hash = _hash(refresh_token)
    if not keep_refresh_expiry or sign_in.refresh_expires_at is None:
        sign_in.refresh_expires_at = now + timedelta(seconds=settings.HUB_CONSOLE_REFRESH_SECONDS)
    sign_in.save()
    refresh_left = int((sign_in.refresh_expires_at - now).total_seconds())
    return StaffTokens(access_token, token_seconds, refresh_token, refresh_left)


def _end(sign_in: ConsoleSignIn, now) -> None:
    if sign_in.api_token is not None and sign_in.api_token.revoked_at is None:
        sign_in.api_token.revoke()
    sign_in.refresh_hash = None
    sign_in.ended_at = sign_in.ended_at or now
    sign_in.code_used_at = sign_in.code_used_at or now
    sign_in.save()


def forget_old_sign_ins(keep=timedelta(days=1)) -> int:
    """Delete sign-ins (and their tokens) that ended, or could no longer be used, a day ago:
    nothing about them is needed after that. Runs at every new sign-in."""
    before = timezone.now() - keep
    old = ConsoleSignIn.objects.filter(
        Q(ended_at__lt=before)
        | Q(refresh_expires_at__lt=before)
        | Q(code_used_at__isnull=True, code_expires_at__lt=before)
    )
    token_ids = [pk for pk in old.values_list("api_token_id", flat=True) if pk]
    count, _ = old.delete()
    APIToken.objects.filter(pk__in=token_ids).delete()
    return count
