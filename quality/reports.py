"""One report for a page, the same everywhere: stored per revision, shown in the editor,
enforced at publish time, summarised in the site report and exposed in the API.

The check follows the language of the text: Dutch gets the B1 check, English the plain-English
check, with the same report format (docs/b1.md). A configured language without a check of its
own gets no report, and the Dutch check never runs on it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from content.languages import language_of
from content.models import PageReadability
from content.models.pages import HubPage

from .b1 import analysis as dutch
from .plain_english import analysis as english


class LanguageCheck(NamedTuple):
    """The analysis of one language: one text, and a page of ``(key, text)`` blocks."""

    analyze_text: Callable[[str], dict]
    analyze_texts: Callable[[Iterable[tuple[str, str]]], dict]


CHECKS = {
    "nl": LanguageCheck(dutch.analyze_text, dutch.analyze_texts),
    "en": LanguageCheck(english.analyze_text, english.analyze_texts),
}


def check_for(language: str) -> LanguageCheck | None:
    """The check of a language code, or None when we have none for it."""
    return CHECKS.get(language)


def analyze_for_language(texts: Iterable[tuple[str, str]], language: str) -> dict | None:
    """The page report of ``[(key, text), ...]`` written in ``language``, or None without a check."""
    check = check_for(language)
    return check.analyze_texts(texts) if check else None


def page_report(page) -> dict | None:
    """The report of the texts an editor wrote on `page` (any revision as an object), by the
    check of the page's language."""
    return analyze_for_language(page.readable_texts(), language_of(page))


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
    if report is None:
        return None
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
