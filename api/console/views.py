"""The hub's endpoints for the KCC console's sign-in (see grants.py and docs/security.md).

GET  /inloggen/kcc/?return=<url>&state=<s>  sign in at the hub if needed, then a page that
                                            moves on to <url>?code=&state= (meta refresh)
POST /inloggen/kcc/token/                   grant_type=authorization_code (code, return_url) or
                                            grant_type=refresh_token (refresh_token) -> JSON tokens
POST /inloggen/kcc/intrekken/               token=<access or refresh token> -> the sign-in ends
"""

import logging
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import grants

logger = logging.getLogger("hub.signin")

MESSAGES = {
    grants.RETURN_URL_NOT_ALLOWED: "Deze pagina mag geen inlogcode krijgen. "
    "Open de KCC-console en probeer het opnieuw.",
    grants.NOT_STAFF: "U kunt de KCC-console niet gebruiken: uw account mag geen interne informatie zien. "
    "Vraag de functioneel beheerder om u toe te voegen aan de groep KCC-medewerkers.",
}


@never_cache
@require_GET
def start(request):
    return_url = request.GET.get("return", "")
    try:
        grants.check_return_url(return_url)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        code = grants.issue_code(request.user, return_url)
    except grants.GrantRefused as refusal:
        logger.warning("KCC console sign-in refused: %s", refusal)
        status = 403 if refusal.code == grants.NOT_STAFF else 400
        context = {"code": refusal.code, "message": MESSAGES.get(refusal.code, refusal.message)}
        return render(request, "api/console_refused.html", context, status=status)
    separator = "&" if "?" in return_url else "?"
    url = return_url + separator + urlencode({"code": code, "state": request.GET.get("state", "")})
    # A page that moves on by itself, not a redirect: the sign-in before it may have been a form
    # (the local sign-in, a second factor), and a browser applies the hub's CSP form-action to
    # every redirect after a form, so a redirect to the console's origin would be blocked.
    response = render(request, "api/console_continue.html", {"url": url})
    response["Referrer-Policy"] = "no-referrer"
    return response


def _error(refusal: grants.GrantRefused, status: int = 400) -> JsonResponse:
    logger.warning("KCC console token refused: %s", refusal)
    return JsonResponse({"error": refusal.code, "error_description": refusal.message}, status=status)


@csrf_exempt
@never_cache
@require_POST
def token(request):
    grant_type = request.POST.get("grant_type", "")
    try:
        if grant_type == "authorization_code":
            tokens = grants.exchange_code(request.POST.get("code", ""), request.POST.get("return_url", ""))
        elif grant_type == "refresh_token":
            tokens = grants.refresh(request.POST.get("refresh_token", ""))
        else:
            raise grants.GrantRefused("GRANT_TYPE_UNKNOWN", "Use grant_type authorization_code or refresh_token.")
    except grants.GrantRefused as refusal:
        return _error(refusal)
    return JsonResponse(tokens.as_json())


@csrf_exempt
@never_cache
@require_POST
def revoke(request):
    return JsonResponse({"revoked": grants.revoke(request.POST.get("token", ""))})
