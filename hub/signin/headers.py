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
            _allow(response, {"script-src": settings.HUB_ADMIN_SCRIPT_SRC_EXTRA})
        elif request.path == "/graphql/" and response.get("Content-Type", "").startswith("text/html"):
            # GraphiQL (off in production): graphene-django loads it from a CDN and starts it with
            # an inline script.
            _allow(response, settings.HUB_GRAPHIQL_CSP_EXTRA)
        return response


def _allow(response, extra: dict[str, list[str]]) -> None:
    update = dict(getattr(response, "_csp_update", None) or {})
    for directive, sources in extra.items():
        update[directive] = [*update.get(directive, []), *sources]
    response._csp_update = update
