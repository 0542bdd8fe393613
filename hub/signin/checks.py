"""A printed note when the second factor is off (development, tests): `runserver` shows it at start."""

from django.conf import settings
from django.core.checks import Info, register


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
