"""Pages of the website, the subsite and the app: home, any hub page, section listings."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from ..hub_pages import channel, get_page, list_pages, normalise_path, section_children

TEMPLATES = {
    "product": "frontend_sites/product.html",
    "answer": "frontend_sites/answer.html",
    "article": "frontend_sites/article.html",
    "section": "frontend_sites/section.html",
    "home": "frontend_sites/home.html",
}


@require_GET
def home(request):
    page = get_page("/")
    return render_page(request, page)


@require_GET
def hub_page(request, path: str):
    if "." in path.rstrip("/").rsplit("/", 1)[-1]:
        raise Http404(path)  # a file name (favicon.ico, …): Wagtail slugs have no dots
    wanted = normalise_path(path)
    if request.path != wanted:
        return redirect(wanted + (f"?{request.GET.urlencode()}" if request.GET else ""), permanent=True)
    return render_page(request, get_page(wanted))


def render_page(request, page: dict, *, preview: bool = False, status: int = 200):
    context = {"page": page, "preview": preview, "channel": channel()}
    kind = page["contentType"]
    if kind == "home":
        context["news"] = list_pages(type="article", first=5)
        context["products"] = list_pages(type="product", first=8, order_by="TITLE_ASC")
    elif kind == "section":
        context["children"] = section_children(page["path"])
    elif kind == "product":
        context["json_ld"] = json.dumps(government_service(request, page), ensure_ascii=False)
    context["breadcrumbs"] = breadcrumbs(page)
    response = render(request, TEMPLATES.get(kind, "frontend_sites/section.html"), context, status=status)
    if preview:
        response["Cache-Control"] = "no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def breadcrumbs(page: dict) -> list[dict]:
    """Home, then each parent section of the path (titles from the path: no extra calls)."""
    if page["path"] == "/":
        return []
    crumbs = [{"title": "Home", "path": "/"}]
    parts = page["path"].strip("/").split("/")
    for index in range(1, len(parts)):
        crumbs.append(
            {"title": parts[index - 1].replace("-", " ").capitalize(), "path": "/" + "/".join(parts[:index]) + "/"}
        )
    return crumbs


def government_service(request, page: dict) -> dict:
    """schema.org GovernmentService for a product page."""
    site = getattr(request, "frontend_site", None) or {}
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": page["title"],
        "description": page["summary"],
        "url": request.build_absolute_uri(page["path"]),
        "provider": {"@type": "GovernmentOrganization", "name": site.get("name") or "Gemeente Deventer"},
        "areaServed": {"@type": "City", "name": "Deventer"},
        "availableLanguage": "nl",
    }
    if page.get("uplName"):
        data["serviceType"] = page["uplName"]
    if page.get("uplUri"):
        data["identifier"] = page["uplUri"]
    if page.get("doelgroep"):
        data["audience"] = {"@type": "Audience", "audienceType": page["doelgroep"]}
    if page.get("actions"):
        data["availableChannel"] = [
            {"@type": "ServiceChannel", "name": a["label"], "serviceUrl": a["url"]} for a in page["actions"]
        ]
    return data


@require_GET
def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /preview/",
        "Disallow: /zoeken/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request):
    pages = [p for p in list_pages(max_slices=5, order_by="TITLE_ASC") if p["site"] == settings.FRONTEND_SITE_KEY]
    entries = [{"loc": request.build_absolute_uri("/"), "lastmod": ""}]
    entries += [
        {"loc": request.build_absolute_uri(p["path"]), "lastmod": (p.get("lastPublishedAt") or "")[:10]} for p in pages
    ]
    return render(
        request, "frontend_sites/sitemap.xml", {"entries": entries}, content_type="application/xml; charset=utf-8"
    )
