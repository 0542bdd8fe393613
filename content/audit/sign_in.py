"""Sign-ins in the audit trail: every success and every failure, from Django's own signals.

What is kept (docs/security.md, "Audit trail"): the username as it was typed, the way of signing
in (a local account, or the organisation's account through OpenID Connect) and, only when
`HUB_AUDIT_RECORD_ADDRESS` is on, the IP address. Never a password, a code or a token: Django
already masks them in `credentials`, and we read only the username from it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .actions import LOCAL, ORGANISATION, SIGN_IN, SIGN_IN_FAILED

USERNAME_MAX = 150
DEFAULT_LOCAL_BACKENDS = (
    "django.contrib.auth.backends.ModelBackend",
    "django.contrib.auth.backends.AllowAllUsersModelBackend",
)


def sign_in_method(backend_path: str | None) -> str:
    """`local` for the backends in `HUB_AUDIT_LOCAL_BACKENDS` (Django's own password check),
    `organisation` for any other (OpenID Connect). A list, not a class check: the OpenID Connect
    backend (mozilla-django-oidc) is itself a subclass of Django's `ModelBackend`."""
    if not backend_path:
        return LOCAL
    local = getattr(settings, "HUB_AUDIT_LOCAL_BACKENDS", DEFAULT_LOCAL_BACKENDS)
    return LOCAL if backend_path in local else ORGANISATION


def _address(request) -> str | None:
    if request is None or not getattr(settings, "HUB_AUDIT_RECORD_ADDRESS", False):
        return None
    return request.META.get("REMOTE_ADDR") or None


def _data(username: str, method: str, request) -> dict:
    data = {"username": username[:USERNAME_MAX], "method": method}
    address = _address(request)
    if address:
        data["address"] = address
    return data


def record_sign_in(sender, request, user, **kwargs) -> None:
    """`user_logged_in`: the user signed in (Django's `login()` names the backend that passed)."""
    method = sign_in_method(getattr(user, "backend", None))
    log(instance=user, action=SIGN_IN, user=user, data=_data(user.get_username(), method, request))


def record_sign_in_failure(sender, credentials, request=None, **kwargs) -> None:
    """`user_login_failed`: a wrong password, an unknown or inactive account, or a refused
    organisation sign-in. A backend or view may pass `method` in `credentials`; without it, a
    username means the local sign-in form and its absence the organisation's provider."""
    credentials = credentials or {}
    User = get_user_model()
    typed = str(credentials.get(User.USERNAME_FIELD) or credentials.get("username") or "")
    method = credentials.get("method") or (LOCAL if typed else ORGANISATION)
    if method not in (LOCAL, ORGANISATION):
        method = ORGANISATION
    data = _data(typed, method, request)
    account = User._default_manager.filter(**{User.USERNAME_FIELD: typed}).first() if typed else None
    if account is not None:
        log(instance=account, action=SIGN_IN_FAILED, user=None, data=data)
        return
    # An unknown name has no account to log against: the entry is kept on the user type.
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User, for_concrete_model=False),
        object_id="0",  # no account has pk 0; Wagtail wants an id
        label=typed[:USERNAME_MAX] or "(geen naam)",
        action=SIGN_IN_FAILED,
        data=data,
        timestamp=timezone.now(),
    )


def connect() -> None:
    """Called once from `ContentConfig.ready()`."""
    from django.contrib.auth.signals import user_logged_in, user_login_failed

    user_logged_in.connect(record_sign_in, dispatch_uid="hub-audit-sign-in")
    user_login_failed.connect(record_sign_in_failure, dispatch_uid="hub-audit-sign-in-failed")
