"""Headers on every response, and friendly pages when the hub is down or answers oddly."""

import logging

from django.conf import settings
from django.shortcuts import render

from .hub_client import HubError, HubUnavailable

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    """CSP frame-ancestors lets the Wagtail admin's preview pane frame this front-end.

    X-Frame-Options is not sent: it cannot name another origin, and CSP frame-ancestors
    supersedes it in every current browser.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        ancestors = " ".join(["'self'", *settings.HUB_ADMIN_ORIGIN.split()])
        response["Content-Security-Policy"] = (
            f"frame-ancestors {ancestors}; base-uri 'self'; form-action 'self'; object-src 'none'"
        )
        response.headers.pop("X-Frame-Options", None)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class HubErrorMiddleware:
    """The hub being down becomes a 503 page; an unexpected API error a 500 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, HubUnavailable):
            response = render(request, "frontend_sites/503.html", status=503)
            response["Retry-After"] = "30"
            response["Cache-Control"] = "no-store"
            return response
        if isinstance(exception, HubError):
            logger.error("Unexpected hub error on %s: %s", request.path, exception)
            return render(request, "frontend_sites/500.html", status=500)
        return None
