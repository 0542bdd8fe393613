"""Admin views: the live language check used while typing, and the B1 report per site."""

import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from content.languages import default_language, is_configured

from .reports import check_for

MAX_TEXT = 20_000


def _refuse(code: str, message: str) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=400)


@require_POST
def live_check(request):
    """POST {"text": "...", "language": "en"} → the report of that text by the check of its
    language (the same report as everywhere). ``language`` defaults to the default language."""
    try:
        payload = json.loads(request.body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _refuse("BAD_INPUT", "Stuur JSON met een veld text.")
    text = payload.get("text") if isinstance(payload, dict) else None
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return _refuse("BAD_INPUT", "Stuur een tekst van hoogstens 20.000 tekens.")
    language = payload.get("language") or default_language()
    if not is_configured(language):
        return _refuse("LANGUAGE_NOT_CONFIGURED", f"De taal {language!r} is niet ingesteld voor deze site.")
    check = check_for(language)
    if check is None:
        return _refuse("LANGUAGE_NOT_CHECKED", f"Voor de taal {language!r} is er geen taalcontrole.")
    return JsonResponse(check.analyze_text(text))
