"""Headers on every response, and friendly pages when the hub is down or answers oddly."""

import logging
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render

from .hub_client import HubError, HubUnavailable

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    """Content-Security-Policy, Permissions-Policy and Referrer-Policy on every response.

    Scripts and styles come from this front-end only ('self'); the one inline style (the site's
    theme colours) and the JSON-LD block carry the request's nonce (`request.csp_nonce`), so no
    'unsafe-inline' is needed. Images may also come from the hub (renditions under /media/).
    frame-ancestors lets the Wagtail admin's preview pane frame this front-end; X-Frame-Options
    is not sent: it cannot name another origin, and CSP frame-ancestors supersedes it in every
    current browser.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        response["Content-Security-Policy"] = content_security_policy(request.csp_nonce)
        response.headers.pop("X-Frame-Options", None)
        response.setdefault("Permissions-Policy", settings.FRONTEND_PERMISSIONS_POLICY)
        return response


def content_security_policy(nonce: str) -> str:
    ancestors = " ".join(["'self'", *settings.HUB_ADMIN_ORIGIN.split()])
    images = " ".join(["'self'", "data:", *_hub_origin(), *settings.FRONTEND_CSP_IMG_SRC])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            f"style-src 'self' 'nonce-{nonce}'",
            f"img-src {images}",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            f"frame-ancestors {ancestors}",
            "base-uri 'self'",
            "form-action 'self'",
            "object-src 'none'",
        ]
    )


def _hub_origin() -> list[str]:
    parts = urlsplit(settings.HUB_GRAPHQL_URL)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme in {"http", "https"} and parts.netloc else []


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
