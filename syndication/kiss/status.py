"""The editor's answer for KISS on an answer or product page: sent, waiting, failed, or exactly
why not (in Dutch). Cheap: the settings and the page's SyncState rows, no request to KISS."""

from __future__ import annotations

from content.languages import default_language, language_of
from content.models import AnswerPage, ProductPage, SiteDirectory
from content.visibility import page_is_visible

from ..models import SyncState
from ..status import Delivery
from .config import TARGET, KissConfig
from .fields import STAFF_KCC, Mapping
from .kennisartikel import problems

NAME = "KISS"


def answer(page) -> Delivery | None:
    """Is `page` in KISS, and if not, why not? None for pages KISS does not get."""
    if not isinstance(page, AnswerPage | ProductPage):
        return None
    if language_of(page) != default_language():
        reason = (
            "wordt als vertaling meegestuurd in het kennisartikel van de Nederlandse pagina"
            if isinstance(page, ProductPage)
            else "KISS kent geen vertaalde vragen: alleen de Nederlandse vraag gaat naar KISS"
        )
        return Delivery(NAME, included=False, reasons=[reason])
    config = KissConfig.from_settings()
    reasons = list(config.missing)
    if not page.live:
        reasons.append("niet gepubliceerd")
    elif not page_is_visible(page, STAFF_KCC):
        reasons.append("verlopen")
    if isinstance(page, ProductPage):
        reasons += problems(page, Mapping(config, SiteDirectory()))
    states = list(SyncState.objects.filter(target=TARGET, page_id=page.pk))
    sent = [s.last_sent_at for s in states if s.last_sent_at]
    changed = [t for t in [page.last_published_at, *(s.last_changed_at for s in states)] if t]
    return Delivery(
        NAME,
        included=not reasons,
        reasons=reasons,
        status=_status(states, max(changed, default=None)),
        last_sent_at=min(sent, default=None) if len(sent) == len(states) else None,
        last_changed_at=max(changed, default=None),
        last_error="; ".join(s.last_error for s in states if s.last_error),
    )


def _status(states: list[SyncState], changed_at) -> str:
    """The worst of the page's objects: mislukt, then concept (not yet sent, or changed since)."""
    if any(s.status == SyncState.FAILED for s in states):
        return SyncState.FAILED
    if not states or any(
        s.status == SyncState.CONCEPT or not s.last_sent_at or (changed_at and changed_at > s.last_sent_at)
        for s in states
    ):
        return SyncState.CONCEPT
    if all(s.status == SyncState.REMOVED for s in states):
        return SyncState.REMOVED
    return SyncState.SENT
