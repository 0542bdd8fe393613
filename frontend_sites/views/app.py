"""The app (PWA): web manifest, service worker, offline page and the sync feed it reads."""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import hub_client
from ..context import load_site
from ..theme import accessible_on_white

STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "frontend_sites"
SYNC_SLICES = 10


@require_GET
def manifest(request):
    site = load_site(settings.FRONTEND_SITE_KEY)
    colour = accessible_on_white((site.get("theme") or {}).get("primaryColor"))
    data = {
        "name": site.get("name") or "Gemeente Deventer",
        "short_name": (site.get("theme") or {}).get("logoText") or "Deventer",
        "description": "Informatie van de gemeente, ook zonder internet.",
        "lang": "nl",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": colour,
        "icons": [
            {"src": "/static/frontend_sites/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "/static/frontend_sites/icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@require_GET
def service_worker(request):
    response = HttpResponse((STATIC_DIR / "js" / "sw.js").read_bytes(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline(request):
    return render(request, "frontend_sites/app/offline.html")


@require_GET
def sync(request):
    """Pages changed since `since` (paths to fetch) and pages removed (ids to drop)."""
    since = request.GET.get("since") or None
    client = hub_client.client()
    pages, removed, after = [], [], None
    for _ in range(SYNC_SLICES):
        data = client.execute(
            hub_client.query("sync"), {"site": settings.FRONTEND_SITE_KEY, "since": since, "first": 100, "after": after}
        )
        connection = data["pages"]
        pages += [
            {"id": p["id"], "ref": p["ref"], "title": p["title"], "path": p["path"]}
            for p in connection["nodes"]
            if p["site"] == settings.FRONTEND_SITE_KEY
        ]
        removed += connection["removed"]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    response = JsonResponse({"pages": pages, "removed": [{"id": r["id"], "ref": r["ref"]} for r in removed]})
    response["Cache-Control"] = "no-store"
    return response
