"""Pages of the website, the subsite and the app: home, any hub page, section listings."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from .. import languages
from ..hub_pages import NotTranslated, channel, get_page, list_pages, normalise_path, section_children
from .feedback import form_state, post_feedback

TEMPLATES = {
    "product": "frontend_sites/product.html",
    "answer": "frontend_sites/answer.html",
    "article": "frontend_sites/article.html",
    "section": "frontend_sites/section.html",
    "home": "frontend_sites/home.html",
}


def _language(request) -> str:
    return getattr(request, "language", None) or languages.default_language()


def _page_or_not_translated(request, path: str):
    language = _language(request)
    try:
        return render_page(request, get_page(path, language))
    except NotTranslated as missing:
        # Never a page in the wrong language, never a bare 404: say so, and link to the others.
        response = render(
            request,
            "frontend_sites/not_translated.html",
            {"translations": missing.translations, "ui": languages.texts(language), "language": language},
        )
        response["X-Robots-Tag"] = "noindex"
        return response


@require_GET
def home(request):
    return _page_or_not_translated(request, "/")


@require_http_methods(["GET", "POST"])
def hub_page(request, path: str):
    if "." in path.rstrip("/").rsplit("/", 1)[-1]:
        raise Http404(path)  # a file name (favicon.ico, …): Wagtail slugs have no dots
    wanted = normalise_path(path)
    if request.method == "POST":
        # "Was deze informatie nuttig?" posts to the page's own address (CSRF checked by then).
        if request.path_info != wanted:
            raise Http404(path)
        return post_feedback(request, wanted, render_page)
    if request.path_info != wanted:
        target = languages.prefix(_language(request)) + wanted
        return redirect(target + (f"?{request.GET.urlencode()}" if request.GET else ""), permanent=True)
    return _page_or_not_translated(request, wanted)


def render_page(request, page: dict, *, preview: bool = False, status: int = 200, feedback: dict | None = None):
    context = {"page": page, "preview": preview, "channel": channel()}
    context["feedback"] = feedback or form_state(request, page, preview=preview)
    kind = page["contentType"]
    language = page.get("language") or _language(request)
    if kind == "home":
        context["news"] = list_pages(type="article", first=5, language=language)
        context["products"] = list_pages(type="product", first=8, order_by="TITLE_ASC", language=language)
    elif kind == "section":
        context["children"] = section_children(page["path"], language)
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
    home = languages.prefix(page.get("language") or languages.default_language()) + "/"
    if page["path"] == home:
        return []
    crumbs = [{"title": "Home", "path": home}]
    parts = page["path"][len(home) - 1 :].strip("/").split("/")
    for index in range(1, len(parts)):
        crumbs.append(
            {
                "title": parts[index - 1].replace("-", " ").capitalize(),
                "path": home + "/".join(parts[:index]) + "/",
            }
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
        "availableLanguage": [page.get("language") or "nl", *(t["language"] for t in page.get("translations") or [])],
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
    """Every page of this site in every language, each with its translations as alternates."""
    entries = [{"loc": request.build_absolute_uri("/"), "lastmod": "", "alternates": []}]
    for language in languages.languages():
        pages = list_pages(max_slices=5, order_by="TITLE_ASC", language=language)
        for p in pages:
            if p["site"] != settings.FRONTEND_SITE_KEY:
                continue
            alternates = [{"language": p.get("language") or language, "path": p["path"]}, *p.get("translations", [])]
            entries.append(
                {
                    "loc": request.build_absolute_uri(p["path"]),
                    "lastmod": (p.get("lastPublishedAt") or "")[:10],
                    "alternates": [
                        {"language": a["language"], "href": request.build_absolute_uri(a["path"])} for a in alternates
                    ]
                    if len(alternates) > 1
                    else [],
                }
            )
    return render(
        request, "frontend_sites/sitemap.xml", {"entries": entries}, content_type="application/xml; charset=utf-8"
    )
