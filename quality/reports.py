"""One B1 report for a page, the same everywhere: stored per revision, shown in the editor,
enforced at publish time, summarised in the site report and exposed in the API."""

from content.models import PageReadability
from content.models.pages import HubPage

from .b1.analysis import analyze_texts


def page_report(page) -> dict:
    """The B1 report of the texts an editor wrote on `page` (any revision as an object)."""
    return analyze_texts(page.readable_texts())


def issue_count(report: dict) -> int:
    if "issues" in report and isinstance(report["issues"], list):
        return len(report["issues"])
    return sum(len(part.get("issues", [])) for part in (report.get("parts") or {}).values())


def all_issues(report: dict) -> list[dict]:
    """Every issue of a page report, each with the key of the text it is in."""
    if report.get("parts"):
        return [{**issue, "key": key} for key, part in report["parts"].items() for issue in part.get("issues", [])]
    return list(report.get("issues", []))


def store_for_revision(revision):
    """Analyse a page revision and store its report (one per revision)."""
    page = revision.as_object()
    if not isinstance(page, HubPage):
        return None
    report = page_report(page)
    stored, _ = PageReadability.objects.update_or_create(
        revision=revision,
        defaults={
            "page_id": page.pk,
            "score": int(round(report["score"])),
            "b1": bool(report["b1"]),
            "issue_count": issue_count(report),
            "report": report,
        },
    )
    return stored
