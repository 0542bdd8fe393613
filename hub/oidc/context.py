from django.conf import settings


def oidc(request):
    """Whether the admin's sign-in page offers "Inloggen met uw organisatie-account"."""
    return {"hub_oidc_enabled": bool(settings.OIDC_RP_CLIENT_ID)}
