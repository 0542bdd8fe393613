"""Search analytics without personal data: what people search, and whether KCC found an answer.

No IP address, no user and no session is stored. Personal data in the query (a BSN, a phone
or case number, an e-mail address, an address) is masked by the one rule in
`content.personal_data` before the query is written.
"""

from __future__ import annotations

from django.utils import timezone

from content.personal_data import mask_personal_data

from .models import SearchQueryLog

__all__ = ["log_search", "mask_personal_data", "normalise_for_log", "record_feedback"]


def normalise_for_log(query: str) -> str:
    """Lowercase, single spaces, personal numbers masked, at most 200 characters."""
    return mask_personal_data(" ".join((query or "").lower().split()))[:200]


def log_search(query: str, *, site: str | None, channel: str, result_count: int, staff: bool) -> SearchQueryLog:
    return SearchQueryLog.objects.create(
        query=normalise_for_log(query),
        site=site or "",
        channel=channel,
        result_count=result_count,
        staff=staff,
    )


def record_feedback(log_id: int, found: bool) -> bool:
    """Record "answer found yes/no" for one logged search. False when there is no such search."""
    return bool(SearchQueryLog.objects.filter(pk=log_id).update(found=found, feedback_at=timezone.now()))
