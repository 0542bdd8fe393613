"""Checks of the sign-in settings: the guards on password sign-ins are in place, and a printed note
when the second factor is off (development, tests; `runserver` shows it at start)."""

from django.conf import settings
from django.core.checks import Error, Info, register


@register()
def second_factor_note(app_configs, **kwargs):
    if settings.HUB_REQUIRE_TOTP:
        return []
    return [
        Info(
            "The second sign-in step (TOTP) is off: local accounts, like the demo logins, need only a "
            "password. Production settings switch it on (HUB_REQUIRE_TOTP, docs/security.md).",
            id="hub_signin.I001",
        )
    ]


@register()
def password_guards_come_first(app_configs, **kwargs):
    guards = list(settings.HUB_SIGNIN_GUARD_BACKENDS)
    if list(settings.AUTHENTICATION_BACKENDS[: len(guards)]) == guards:
        return []
    return [
        Error(
            "AUTHENTICATION_BACKENDS must start with HUB_SIGNIN_GUARD_BACKENDS, or sign-in attempts are not limited.",
            hint=f"Use [*HUB_SIGNIN_GUARD_BACKENDS, ...]; now: {settings.AUTHENTICATION_BACKENDS}",
            id="hub_signin.E001",
        )
    ]
