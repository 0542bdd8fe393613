"""Admin views of the content quality report (docs/quality.md): "Kwaliteit" per site with
filters and CSV, and the trend per site and per owner."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from content.channels import PRODUCT_SECTIONS
from content.models import SiteConfig
from content.spreadsheets import spreadsheet_safe

from .content_checks.report import check_titles, latest_complete_run, owner_trend, page_rows, site_trend
from .dashboard import site_keys_of
from .newsroom_views import may_use_newsroom
from .quality_models import QualityRun

PAGE_TYPES = [("productpage", "Product"), ("answerpage", "Antwoord"), ("articlepage", "Nieuws en werk")]
SEVERITY_LABELS = {"error": "Fout", "warning": "Waarschuwing", "info": "Tip"}


def _site(request):
    if not may_use_newsroom(request.user):
        raise PermissionDenied
    keys = site_keys_of(request.user)
    sites = list(SiteConfig.objects.select_related("site").exclude(key="").order_by("key"))
    sites = [s for s in sites if keys is None or s.key in keys]
    if not sites:
        raise PermissionDenied
    wanted = request.GET.get("site", "")
    return next((s for s in sites if s.key == wanted), sites[0]), sites


def edit_link(page_id: int, location: str) -> str:
    """The page editor, opened at the block concerned (quality-panel.js scrolls to it)."""
    block_id = location.split(".")[-1] if location.count(".") else ""
    url = reverse("wagtailadmin_pages:edit", args=[page_id])
    return f"{url}#kwaliteit-{block_id}" if block_id else url


def quality_report(request):
    site, sites = _site(request)
    run = latest_complete_run(site.key)
    newest = QualityRun.objects.filter(site=site.key, only="").first()
    filters = {
        "owner": request.GET.get("owner") or None,
        "section": request.GET.get("section") or None,
        "page_type": request.GET.get("type") or None,
        "code": request.GET.get("check") or None,
    }
    rows = page_rows(run, **filters) if run else []
    problems = [
        {**p, "page": result.page, "owner": result.owner_team, "edit_url": edit_link(result.page_id, p["location"])}
        for result, page_problems in rows
        for p in page_problems
    ]
    if request.GET.get("format") == "csv":
        return _csv(site.key, problems)
    owners = sorted(set(run.page_results.values_list("owner_team", flat=True))) if run else []
    return TemplateResponse(
        request,
        "quality/quality_report.html",
        {
            "site": site,
            "sites": sites,
            "run": run,
            "unfinished": newest if newest and run and newest.pk != run.pk else None,
            "problems": problems[:500],
            "more": max(0, len(problems) - 500),
            "filters": filters,
            "owners": owners,
            "sections": PRODUCT_SECTIONS,
            "page_types": PAGE_TYPES,
            "checks": check_titles(),
            "severity_labels": SEVERITY_LABELS,
            "query": request.GET.urlencode(),
        },
    )


def _csv(site_key: str, problems: list[dict]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kwaliteit-{site_key}.csv"'
    writer = csv.writer(response)
    writer.writerow(["pagina", "pagina-id", "team", "controle", "ernst", "waar", "probleem", "oplossing", "detail"])
    for p in problems:
        row = [p["page"].title, p["page"].pk, p["owner"], p["code"], SEVERITY_LABELS.get(p["severity"], p["severity"])]
        row += [p["where"], p["message"], p["fix"], p["detail"]]
        writer.writerow([spreadsheet_safe(v) for v in row])
    return response


def quality_trend(request):
    site, sites = _site(request)
    return TemplateResponse(
        request,
        "quality/quality_trend.html",
        {"site": site, "sites": sites, "site_trend": site_trend(site.key), "owner_trend": owner_trend(site.key)},
    )
