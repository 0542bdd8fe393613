"""Start-up check: the trusted front-end hosts must be addresses or networks, so a typo shows at
start-up instead of as an error on the first resident's feedback."""

import ipaddress

from django.conf import settings
from django.core.checks import Error


def check_trusted_frontends(app_configs=None, **kwargs):
    errors = []
    for entry in settings.HUB_FEEDBACK["TRUSTED_FRONTENDS"]:
        try:
            ipaddress.ip_network(entry.strip(), strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"HUB_FEEDBACK_TRUSTED_FRONTENDS has {entry!r}, which is no IP address or network.",
                    hint="List the website and app servers, e.g. 10.0.1.10,10.0.2.0/24.",
                    id="feedback.E001",
                )
            )
    return errors
