"""Headers on every response of the hub that Django's SecurityMiddleware does not set."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """Permissions-Policy everywhere; the admin's one exception to the script policy.

    Sits after django-csp's middleware in MIDDLEWARE, so it marks the response before the policy
    is written. Wagtail 8 still writes a few inline scripts (date pickers, inline panels), so the
    admin gets 'unsafe-inline' for scripts; everything else (the API, feeds, security.txt) keeps
    script-src 'self' (docs/security.md, "Exceptions").
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.HUB_PERMISSIONS_POLICY)
        if request.path.startswith("/admin/"):
            update = dict(getattr(response, "_csp_update", None) or {})
            update["script-src"] = [*update.get("script-src", []), *settings.HUB_ADMIN_SCRIPT_SRC_EXTRA]
            response._csp_update = update
        return response
