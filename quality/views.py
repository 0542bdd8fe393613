"""Admin views: the live B1 check used while typing, and the B1 report per site."""

import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .b1.analysis import analyze_text

MAX_TEXT = 20_000


@require_POST
def live_check(request):
    """POST {"text": "..."} → the B1 report of that text (the same report as everywhere)."""
    try:
        payload = json.loads(request.body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return JsonResponse({"error": {"code": "BAD_INPUT", "message": "Stuur JSON met een veld text."}}, status=400)
    text = payload.get("text") if isinstance(payload, dict) else None
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return JsonResponse(
            {"error": {"code": "BAD_INPUT", "message": "Stuur een tekst van hoogstens 20.000 tekens."}}, status=400
        )
    return JsonResponse(analyze_text(text))
