"""Who is calling: anonymous, a staff session, or a staff API token.

The answer is a `content.visibility.Viewer`; the one visibility rule does the rest.
"""

from django.utils import timezone
from wagtail.models import APIToken

from content.channels import CHANNELS
from content.visibility import Viewer

from .errors import BAD_INPUT, UNAUTHENTICATED, ClientError

STAFF_PERMISSION = "content.view_internal_content"


def _is_staff(user) -> bool:
    return bool(
        user and user.is_authenticated and user.is_active and (user.is_superuser or user.has_perm(STAFF_PERMISSION))
    )


def request_user(request):
    """The user behind the request: a Bearer token wins over the session. Cached per request."""
    if hasattr(request, "_hub_user"):
        return request._hub_user
    user = None
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header:
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise ClientError(UNAUTHENTICATED, "Use 'Authorization: Bearer <token>'.")
        user = user_for_token(token)
        if user is None:
            raise ClientError(UNAUTHENTICATED, "The token is unknown or has been revoked.")
    else:
        session_user = getattr(request, "user", None)
        if session_user is not None and session_user.is_authenticated:
            user = session_user
    request._hub_user = user
    return user


def user_for_token(token: str):
    if not APIToken.validate_token_format(token):
        return None
    record = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        # A token of the KCC console's sign-in lives a short time (api/console/grants.py).
        .exclude(console_sign_in__token_expires_at__lte=timezone.now())
        .first()
    )
    if record is None or not record.user.is_active:
        return None
    APIToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
    return record.user


def request_is_staff(request) -> bool:
    return _is_staff(request_user(request))


def viewer_for_request(request, channel: str = "web", preview_page_id: int | None = None) -> Viewer:
    """The Viewer for this request. kcc_script blocks also need a staff channel (see Viewer)."""
    channel = (channel or "web").lower()
    if channel not in CHANNELS:
        raise ClientError(BAD_INPUT, f"Unknown channel {channel!r}.")
    staff = request_is_staff(request)
    return Viewer(channel=channel, staff=staff, preview_page_id=preview_page_id)
