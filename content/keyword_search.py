"""The search behind the keyword chooser on the page edit form (content/keyword_chooser.py)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse

from .models import Keyword

MAX_RESULTS = 20
MAX_QUERY_LENGTH = 100


def keyword_search(request):
    """GET ?q=afv&locale=1 -> {"results": [{"id", "term", "also"}]}: keywords whose term, synonyms
    or spelling variants contain the words typed, preferred terms that start with them first."""
    if not request.user.has_perm("content.view_keyword"):
        raise PermissionDenied
    typed = "".join(c for c in request.GET.get("q", "") if c.isprintable())
    query = " ".join(typed.split())[:MAX_QUERY_LENGTH]
    if not query:
        return JsonResponse({"results": []})
    keywords = Keyword.objects.filter(
        Q(term__icontains=query) | Q(synonyms__icontains=query) | Q(variants__icontains=query)
    )
    locale = request.GET.get("locale", "")
    if locale.isdigit():
        keywords = keywords.filter(locale_id=int(locale))
    found = sorted(keywords[: MAX_RESULTS * 3], key=lambda k: (not k.term.lower().startswith(query.lower()), k.term))
    results = []
    for keyword in found[:MAX_RESULTS]:
        also = [t for t in keyword.all_terms[1:] if query.lower() in t.lower()][:3]
        results.append({"id": keyword.pk, "term": keyword.term, "also": also})
    return JsonResponse({"results": results})
