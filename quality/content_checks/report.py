"""Reading stored runs: the report of a run (the JSON of `quality_check --json` and the admin
list), the latest complete run per site, filters, and the trend per site and per owner."""

from __future__ import annotations

from django.db.models import Avg
from django.db.models.functions import TruncMonth
from django.utils import timezone

from content.models.pages import HUB_PAGE_MODELS

from ..quality_models import PageQuality, QualityRun
from .base import CHECKS

TREND_MONTHS = 6


def latest_complete_run(site_key: str) -> QualityRun | None:
    """The newest complete run of a site: an interrupted or failed run never hides it."""
    return QualityRun.objects.filter(site=site_key, status=QualityRun.COMPLETE, only="").first()


def _refs(page_ids) -> dict[int, str]:
    refs = {}
    for model in HUB_PAGE_MODELS:
        refs.update(dict(model.objects.filter(pk__in=page_ids).values_list("pk", "ref")))
    return refs


def page_rows(run: QualityRun, *, owner=None, section=None, page_type=None, code=None, with_problems=True):
    """The page results of a run, filtered; each problem list filtered by section and code too."""
    results = run.page_results.select_related("page").order_by("score", "page__title")
    if owner is not None:
        results = results.filter(owner_team=owner)
    if page_type:
        results = results.filter(page_type=page_type)
    if with_problems:
        results = results.filter(problem_count__gt=0)
    rows = []
    for result in results:
        problems = [
            p
            for p in result.problems
            if (not code or p["code"] == code) and (not section or p.get("section") == section)
        ]
        if (code or section) and not problems:
            continue
        rows.append((result, problems))
    return rows


def run_report(run: QualityRun) -> dict:
    """The report of one run: per page with problems its ref, id, title, owner team, score and
    problems (code, severity, location, where, message, fix, detail)."""
    rows = page_rows(run)
    refs = _refs([result.page_id for result, _ in rows])
    return {
        "site": run.site,
        "run": run.pk,
        "status": run.status,
        "started_at": run.started_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "pages_checked": run.pages,
        "score": run.score,
        "problems": run.summary.get("problems", 0),
        "by_code": run.summary.get("by_code", {}),
        "pages": [
            {
                "ref": refs.get(result.page_id, ""),
                "id": result.page_id,
                "title": result.page.title,
                "type": result.page_type,
                "owner_team": result.owner_team,
                "score": result.score,
                "problems": problems,
            }
            for result, problems in rows
        ],
    }


def check_titles() -> dict[str, str]:
    return {code: registered.title for code, registered in sorted(CHECKS.items())}


def site_trend(site_key: str, months: int = TREND_MONTHS) -> list[dict]:
    """Per month the average score of the site's complete runs."""
    since = timezone.now() - timezone.timedelta(days=31 * months)
    return list(
        QualityRun.objects.filter(site=site_key, status=QualityRun.COMPLETE, only="", started_at__gte=since)
        .annotate(month=TruncMonth("started_at"))
        .values("month")
        .annotate(score=Avg("score"))
        .order_by("month")
    )


def owner_trend(site_key: str, months: int = TREND_MONTHS) -> dict[str, list[dict]]:
    """Per owner team, per month the average page score in the site's complete runs."""
    since = timezone.now() - timezone.timedelta(days=31 * months)
    rows = (
        PageQuality.objects.filter(
            run__site=site_key, run__status=QualityRun.COMPLETE, run__only="", run__started_at__gte=since
        )
        .annotate(month=TruncMonth("run__started_at"))
        .values("owner_team", "month")
        .annotate(score=Avg("score"))
        .order_by("owner_team", "month")
    )
    trend: dict[str, list[dict]] = {}
    for row in rows:
        trend.setdefault(row["owner_team"] or "(geen team)", []).append({"month": row["month"], "score": row["score"]})
    return trend
