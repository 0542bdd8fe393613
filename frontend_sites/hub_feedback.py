"""Feedback on a page, sent from this front-end's server to the hub.

Residents post the form to this server (its own CSRF protection); the server calls the hub's
`submitFeedback` with the resident's address in `X-Forwarded-For`, which the hub believes only
from front-end hosts it is configured to trust, for its limit per resident. Nothing about the
resident is kept here: no cookie beyond CSRF, no log of the comment.
"""

import logging
from dataclasses import dataclass

from . import hub_client
from .capabilities import capabilities

logger = logging.getLogger(__name__)
COMMENT_MAX_LENGTH = 1000  # the hub's default; the hub decides (COMMENT_TOO_LONG)


@dataclass(frozen=True)
class Outcome:
    """What happened: `code` is None when the hub stored the feedback, else its error code
    (or UNAVAILABLE when the hub could not be reached)."""

    code: str | None = None
    personal_data_removed: bool = False
    max_length: int = COMMENT_MAX_LENGTH

    @property
    def stored(self) -> bool:
        return self.code is None


def enabled() -> bool:
    return capabilities().page_feedback


def kcc_enabled() -> bool:
    return capabilities().kcc_feedback


def _send(name: str, field: str, variables: dict, token: str | None = None, headers: dict | None = None) -> Outcome:
    try:
        data = hub_client.client(token).execute(hub_client.query(name), variables, headers=headers)
    except hub_client.HubUnavailable:
        return Outcome(code="UNAVAILABLE")
    except hub_client.HubError as error:
        logger.info("Feedback refused by the hub: %s", error.code)
        return Outcome(code=error.code, max_length=error.extensions.get("maxLength") or COMMENT_MAX_LENGTH)
    return Outcome(personal_data_removed=bool((data.get(field) or {}).get("personalDataRemoved")))


def send_page_feedback(
    *, ref: str, helpful: bool, comment: str, language: str, channel: str, resident_address: str
) -> Outcome:
    variables = {
        "ref": ref,
        "helpful": helpful,
        "comment": comment or None,
        "language": language,
        "channel": channel,
    }
    headers = {"X-Forwarded-For": resident_address} if resident_address else None
    return _send("submit_feedback", "submitFeedback", variables, headers=headers)


def send_kcc_feedback(*, token: str, ref: str, verdict: str, note: str) -> Outcome:
    variables = {"ref": ref, "verdict": verdict, "note": note or None}
    return _send("submit_kcc_feedback", "submitKccFeedback", variables, token=token)
