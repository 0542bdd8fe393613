"""The B1 report per site for final editors: share at B1, worst pages, most frequent problems,
the trend per month, and a CSV export."""

import csv
from collections import Counter, defaultdict

from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import render

from content.models import PageReadability, SiteConfig

from .reports import all_issues

ISSUE_LABELS = {
    "long_sentence": "Lange zin",
    "jargon": "Ambtelijk woord",
    "passive": "Lijdende vorm",
    "nominalization": "Zelfstandig gemaakt werkwoord",
    "difficult_word": "Moeilijk woord",
    "long_word": "Lang woord",
    "abbreviation": "Afkorting zonder uitleg",
    "long_paragraph": "Lange alinea",
}


def _published_reports(site_config):
    """The report of the published revision of every live page, optionally of one site."""
    reports = (
        PageReadability.objects.filter(revision_id=F("page__live_revision_id"), page__live=True)
        .select_related("page")
        .order_by("score", "page__title")
    )
    if site_config is not None:
        reports = reports.filter(page__path__startswith=site_config.site.root_page.path)
    return reports


def site_figures(site_config=None) -> dict:
    reports = list(_published_reports(site_config))
    problems = Counter(issue["code"] for r in reports for issue in all_issues(r.report))
    at_b1 = sum(1 for r in reports if r.b1)
    monthly = defaultdict(lambda: [0, 0, 0])
    history = (
        PageReadability.objects.all()
        if site_config is None
        else PageReadability.objects.filter(page__path__startswith=site_config.site.root_page.path)
    )
    for created_at, b1, score in history.values_list("created_at", "b1", "score"):
        month = monthly[created_at.strftime("%Y-%m")]
        month[0] += 1
        month[1] += int(b1)
        month[2] += score
    return {
        "pages": len(reports),
        "at_b1": at_b1,
        "share_b1": round(100 * at_b1 / len(reports)) if reports else None,
        "worst": reports[:20],
        "reports": reports,
        "problems": [(ISSUE_LABELS.get(code, code), count) for code, count in problems.most_common()],
        "months": [
            {"month": m, "checked": n, "share_b1": round(100 * b / n), "average_score": round(s / n)}
            for m, (n, b, s) in sorted(monthly.items())
        ],
    }


def b1_site_report(request):
    sites = list(SiteConfig.objects.filter(key__isnull=False).select_related("site__root_page").order_by("key"))
    chosen = next((s for s in sites if s.key == request.GET.get("site")), None)
    figures = site_figures(chosen)
    if request.GET.get("export") == "csv":
        return _csv(figures, chosen)
    return render(
        request,
        "quality/b1_site_report.html",
        {"sites": sites, "chosen": chosen, "figures": figures, "page_title": "B1-rapport"},
    )


def _csv(figures, chosen):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="b1-rapport-{chosen.key if chosen else "alle-sites"}.csv"'
    writer = csv.writer(response)
    writer.writerow(["pagina", "pad", "score", "b1", "aantal punten", "reden om toch te publiceren"])
    for report in figures["reports"]:
        writer.writerow(
            [
                report.page.title,
                report.page.url_path,
                report.score,
                "ja" if report.b1 else "nee",
                report.issue_count,
                report.override_reason,
            ]
        )
    return response
