"""Error pages in Dutch, never a stack trace."""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)
PLAIN_500 = (
    '<!doctype html><html lang="nl"><title>Er ging iets mis</title>'
    "<h1>Er ging iets mis</h1><p>Probeer het later opnieuw.</p></html>"
)


def not_found(request, exception=None):
    if settings.FRONTEND_KIND == "kcc":
        from .kcc import sign_in_redirect, staff_token

        if not staff_token(request):
            return sign_in_redirect(request)
        return render(request, "frontend_sites/kcc/404.html", status=404)
    return render(request, "frontend_sites/404.html", status=404)


def server_error(request):
    try:
        return render(request, "frontend_sites/500.html", status=500)
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        logger.exception("The 500 page could not be rendered")
        return HttpResponse(PLAIN_500, status=500)


def bad_request(request, exception=None):
    return render(request, "frontend_sites/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "frontend_sites/400.html", status=403)
