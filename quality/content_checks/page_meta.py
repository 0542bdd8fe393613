"""What a page says about itself: `review_overdue`, `owner_missing`, `summary`,
`keywords_missing` (products and answers) and `b1` (the verdict the B1 check already stored for
the live version: this reads it, it does not check again)."""

from __future__ import annotations

from django.utils import timezone

from content.teams import review_date_passed

from .base import ERROR, INFO, WARNING, PageUnderCheck, Problem, check

SUMMARY_MAX = 160
NEEDS_KEYWORDS = ("productpage", "answerpage")


@check("review_overdue", "Controledatum voorbij")
def review_overdue(page: PageUnderCheck):
    if review_date_passed(page.page, timezone.localdate()):
        yield Problem(
            "review_overdue",
            WARNING,
            f"De controledatum ({page.page.review_date:%d-%m-%Y}) is voorbij. Klopt alles op deze pagina nog?",
            "Lees de pagina na, pas aan wat niet meer klopt en zet een nieuwe controledatum.",
            "review_date",
            "Beheer: controleren voor",
            f"{page.page.review_date:%Y-%m-%d}",
        )


@check("owner_missing", "Geen eigenaar")
def owner_missing(page: PageUnderCheck):
    if getattr(page.page, "owner_team_id", None) is None:
        yield Problem(
            "owner_missing",
            WARNING,
            "Deze pagina heeft geen eigenaar. Niemand krijgt een herinnering of feedback.",
            "Kies bij Beheer het team dat deze pagina bijhoudt.",
            "owner_team",
            "Beheer: eigenaar",
        )


@check("summary", "Samenvatting ontbreekt of is te lang")
def summary(page: PageUnderCheck):
    text = (page.page.summary or "").strip()
    if not text:
        message = "Deze pagina heeft geen samenvatting. Zoekmachines en de app tonen dan een willekeurig stuk tekst."
    elif len(text) > SUMMARY_MAX:
        message = f"De samenvatting is {len(text)} tekens. Zoekmachines tonen er maar {SUMMARY_MAX}."
    else:
        return
    yield Problem(
        "summary",
        WARNING,
        message,
        f"Schrijf in één of twee korte zinnen (hoogstens {SUMMARY_MAX} tekens) waar de pagina over gaat.",
        "summary",
        "Samenvatting",
        str(len(text)),
    )


@check("keywords_missing", "Geen trefwoorden")
def keywords_missing(page: PageUnderCheck):
    if page.page._meta.model_name in NEEDS_KEYWORDS and not page.keyword_count:
        yield Problem(
            "keywords_missing",
            INFO,
            "Deze pagina heeft geen trefwoorden. Inwoners en het KCC vinden haar dan minder goed.",
            "Kies bij Trefwoorden de woorden waarmee mensen naar dit onderwerp zoeken.",
            "keywords",
            "Trefwoorden",
        )


@check("b1", "Niet op taalniveau B1")
def b1(page: PageUnderCheck):
    stored = page.readability
    if stored is None or stored.b1:
        return
    reason = (stored.report or {}).get("verdict_reason") or f"De score is {stored.score}."
    yield Problem(
        "b1",
        ERROR if stored.score < 45 else WARNING,
        f"De tekst is niet op taalniveau B1. {reason}",
        "Open de pagina: bij elk blok staat welke zinnen moeilijk zijn en hoe het eenvoudiger kan.",
        "b1",
        "Taalniveau B1",
        str(stored.score),
    )
