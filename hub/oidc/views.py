"""The OpenID Connect views of mozilla-django-oidc, made safe for bad input.

A wrong or missing `state` is a refusal with a logged reason and a Dutch message on the admin's
sign-in page, never a bare error page. With OIDC off, the routes do not exist (404).
"""

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .backend import refuse


def _require_oidc():
    if not settings.OIDC_RP_CLIENT_ID:
        raise Http404("OpenID Connect is not configured.")


class HubOIDCRequestView(OIDCAuthenticationRequestView):
    def get(self, request):
        _require_oidc()
        return super().get(request)


class HubOIDCCallbackView(OIDCAuthenticationCallbackView):
    def get(self, request):
        _require_oidc()
        if request.GET.get("error"):
            refuse(
                request,
                f"the provider answered {request.GET.get('error')!r}: {request.GET.get('error_description', '')}",
            )
        elif "code" in request.GET and "state" in request.GET and "oidc_states" not in request.session:
            refuse(request, "callback without a sign-in in progress in this session (no state)")
        try:
            return super().get(request)
        except SuspiciousOperation as error:
            refuse(request, f"wrong state: {error}")
            return self.login_failure()
