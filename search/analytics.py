"""Search analytics without personal data: what people search, and whether KCC found an answer.

No IP address, no user and no session is stored. Numbers that could identify someone (a BSN,
a phone or case number) and e-mail addresses are masked before the query is written.
"""

from __future__ import annotations

import re

from django.utils import timezone

from .models import SearchQueryLog

_EMAIL = re.compile(r"\S+@\S+")
# Five or more digits, also when written with spaces, dots or dashes in between (06-12345678).
_NUMBER = re.compile(r"\d(?:[\s.\-/]*\d){4,}")
NUMBER_MASK = "[nummer]"
EMAIL_MASK = "[e-mail]"


def mask_personal_data(text: str) -> str:
    text = _EMAIL.sub(EMAIL_MASK, text)
    return _NUMBER.sub(NUMBER_MASK, text)


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
