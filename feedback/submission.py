"""Receiving feedback: from a resident (website, app) or a KCC employee (console).

Each call checks, in this order: the channel, the limit per resident or per employee, the page
(through the one visibility rule, `content.visibility`), and the comment (`feedback.cleaning`).
Anything refused raises one of the exceptions below and stores nothing; the API turns each into
a coded error.
"""

from __future__ import annotations

from dataclasses import dataclass

from content.languages import language_of, locale_id_for
from content.models.pages import find_page_by_ref
from content.visibility import Viewer, page_is_visible

from .cleaning import clean_comment
from .models import KCC, RESIDENT, VERDICT_CHOICES, Feedback
from .throttle import count_resident_attempt, count_staff_attempt

PUBLIC_CHANNELS = ("web", "app")
STAFF_CHANNELS = ("kcc", "balie")
SUBMIT_KCC_PERMISSION = "feedback.add_feedback"
VERDICTS = tuple(value for value, _label in VERDICT_CHOICES)
MAX_REF_LENGTH = 120


class PageNotFound(LookupError):
    """No page with that ref that this sender may see (unknown, draft, internal…)."""


class NotAllowed(PermissionError):
    """The caller may not send KCC feedback."""


class InvalidFeedback(ValueError):
    """An argument that cannot be right (a channel or verdict that does not exist)."""


@dataclass(frozen=True)
class Receipt:
    feedback: Feedback
    personal_data_removed: bool


def _page(ref, language: str | None, viewer: Viewer):
    """The page the sender read: the page with `ref`, or its translation in `language`; both
    must be visible to `viewer`, otherwise PageNotFound (the same for unknown, draft and
    internal, so the answer does not tell which pages exist)."""
    page = find_page_by_ref(ref) if isinstance(ref, str) and 0 < len(ref) <= MAX_REF_LENGTH else None
    if page is None or not page_is_visible(page, viewer):
        raise PageNotFound(ref)
    if language and language_of(page) != language:
        translation = page.get_translation_or_none(locale_id_for(language))
        if translation is None or not page_is_visible(translation.specific, viewer):
            raise PageNotFound(ref)
        page = translation.specific
    return page


def submit_resident_feedback(
    request, *, ref: str, helpful: bool, comment: str | None, channel: str = "web", language: str | None = None
) -> Receipt:
    """A resident's "Was deze informatie nuttig?". The page is judged as an anonymous resident
    sees it, whoever calls: internal pages get feedback only through the KCC."""
    if channel not in PUBLIC_CHANNELS:
        raise InvalidFeedback(f"Residents send feedback on {' or '.join(PUBLIC_CHANNELS)}; KCC staff use the KCC form.")
    if not isinstance(helpful, bool):
        raise InvalidFeedback("`helpful` must be true or false.")
    count_resident_attempt(request)
    page = _page(ref, language, Viewer(channel=channel, staff=False))
    text, removed = clean_comment(comment)
    feedback = Feedback.objects.create(
        page=page, language=language_of(page), channel=channel, kind=RESIDENT, helpful=helpful, comment=text
    )
    return Receipt(feedback, removed)


def may_send_kcc_feedback(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(SUBMIT_KCC_PERMISSION))


def submit_kcc_feedback(
    user, *, ref: str, verdict: str, note: str | None, channel: str = "kcc", language: str | None = None
) -> Receipt:
    """A KCC employee marks an answer as "klopt niet" or "verouderd", with a note. Internal
    pages count (the KCC reads them); drafts do not."""
    if not may_send_kcc_feedback(user):
        raise NotAllowed("Only KCC staff may mark an answer.")
    if channel not in STAFF_CHANNELS:
        raise InvalidFeedback(f"KCC feedback is sent on {' or '.join(STAFF_CHANNELS)}.")
    if verdict not in VERDICTS:
        raise InvalidFeedback(f"`verdict` must be one of {', '.join(VERDICTS)}.")
    count_staff_attempt(user)
    page = _page(ref, language, Viewer(channel=channel, staff=True))
    text, removed = clean_comment(note)
    feedback = Feedback.objects.create(
        page=page, language=language_of(page), channel=channel, kind=KCC, verdict=verdict, comment=text
    )
    return Receipt(feedback, removed)
