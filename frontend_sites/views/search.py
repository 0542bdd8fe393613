"""Search on the website and subsite: results, filters (facets), suggestions."""

import logging

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import hub_search
from ..hub_pages import channel

logger = logging.getLogger(__name__)
MAX_QUERY = 200


@require_GET
def search_page(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    content_type = request.GET.get("type") or None
    site_filter = request.GET.get("site") or None
    keyword = request.GET.get("trefwoord") or None
    context = {
        "query": query,
        "content_type": content_type,
        "site_filter": site_filter,
        "keyword": keyword,
        "result": None,
        "unavailable": False,
    }
    if query:
        try:
            context["result"] = hub_search.search(
                query,
                site=site_filter or settings.FRONTEND_SITE_KEY,
                channel=channel(),
                keywords=[keyword] if keyword else None,
                content_type=content_type,
                after=request.GET.get("na") or None,
                language=getattr(request, "language", None),
            )
        except hub_search.SearchUnavailable as error:
            logger.warning("Search unavailable: %s", error)
            context["unavailable"] = True
        else:
            context["facets"] = _facets(context["result"].facets, request)
    return render(request, "frontend_sites/search.html", context)


def _facets(facets: dict, request) -> list[dict]:
    """Facet groups as links that add or remove one filter."""
    groups = []
    for key, param, label, names in (
        ("contentTypes", "type", "Soort informatie", hub_search.content_type_label),
        ("sites", "site", "Website", lambda v: v),
        ("keywords", "trefwoord", "Onderwerp", lambda v: v),
    ):
        values = facets.get(key) or []
        if not values:
            continue
        active = request.GET.get(param)
        options = []
        for value in values:
            params = request.GET.copy()
            params.pop("na", None)
            if active == value["value"]:
                params.pop(param, None)
            else:
                params[param] = value["value"]
            options.append(
                {
                    "label": names(value["value"]),
                    "count": value["count"],
                    "active": active == value["value"],
                    "href": "?" + params.urlencode(),
                }
            )
        groups.append({"label": label, "options": options})
    return groups


@require_GET
def suggestions(request):
    prefix = request.GET.get("q", "").strip()[:MAX_QUERY]
    language = getattr(request, "language", None)
    return JsonResponse({"suggestions": hub_search.suggestions(prefix, settings.FRONTEND_SITE_KEY, language)})
