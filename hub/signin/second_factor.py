"""The second factor (TOTP, with recovery codes) for local accounts (docs/security.md).

When HUB_REQUIRE_TOTP is on, a user who signed in with a local password is not fully signed in
until a code from their authenticator app (or a recovery code) is verified. Until then:
- in the admin, every page leads to the second step (or to setting it up, the first time);
- everywhere else (the GraphQL API with a session, feeds) the request counts as anonymous.

Accounts that signed in through the gemeente's identity provider skip this: their backend is in
HUB_TOTP_EXEMPT_BACKENDS, or their sign-in sets the session flag EXTERNAL_SIGN_IN_SESSION_KEY
(use `mark_external_sign_in(request)` right after `login()`).
"""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

EXTERNAL_SIGN_IN_SESSION_KEY = "hub_signed_in_externally"
# Admin paths an unverified user may reach: the second step itself, signing out, and what the
# admin's own pages load (translations, the icon sprite).
OPEN_PATHS = ("/admin/tweede-stap/", "/admin/logout/", "/admin/login/", "/admin/jsi18n/", "/admin/sprite/")


def mark_external_sign_in(request) -> None:
    """For the identity-provider sign-in: this session needs no second factor."""
    request.session[EXTERNAL_SIGN_IN_SESSION_KEY] = True


def needs_second_factor(request) -> bool:
    """Signed in with a local password, TOTP required, and no code verified in this session."""
    user = getattr(request, "user", None)
    if not settings.HUB_REQUIRE_TOTP or user is None or not user.is_authenticated:
        return False
    if request.session.get(EXTERNAL_SIGN_IN_SESSION_KEY):
        return False
    if request.session.get(BACKEND_SESSION_KEY) in settings.HUB_TOTP_EXEMPT_BACKENDS:
        return False
    return not user.is_verified()


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware: holds an unverified local sign-in at the second step."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_second_factor(request):
            if request.path.startswith("/admin/"):
                if not request.path.startswith(OPEN_PATHS) and not request.path.startswith(settings.STATIC_URL):
                    step = "hub_signin:verify" if has_confirmed_device(request.user) else "hub_signin:setup"
                    return redirect(step)
            else:
                request.user = AnonymousUser()
        return self.get_response(request)


def has_confirmed_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_totp_device(user) -> TOTPDevice:
    """The not yet confirmed authenticator of this user, made once and kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


def new_recovery_codes(user) -> list[str]:
    """Replaces the user's recovery codes; each works once. Returned to be shown once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Herstelcodes", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.HUB_RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify_code(user, code: str):
    """The confirmed device that accepts this code, or None. A TOTP code is accepted once:
    django-otp remembers the last time step used, so a code replayed in its window is refused."""
    code = "".join(code.split())
    if not code or len(code) > 16:
        return None
    for device in devices_for_user(user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(code):
            return device
    return None


def reset_second_factor(user) -> int:
    """Removes every device of the user (authenticator and recovery codes): the next sign-in
    asks to set the second factor up again. Returns how many devices were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return removed
