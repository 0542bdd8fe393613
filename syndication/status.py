"""Per page and per national system: is the page delivered, and if not, exactly why.

Each target module registers one function that answers for a page; the admin panel on every
product and answer page lists the answers ("UPL ontbreekt", "geen Engelse vertaling", ...)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Delivery:
    """What one target system gets of one page."""

    target: str  # the system's name for the editor, e.g. "Samenwerkende Catalogi"
    included: bool
    reasons: list[str] = field(default_factory=list)  # Dutch, for the editor, when not included
    status: str = ""  # the SyncState status for pushed targets ("verzonden", "mislukt", ...)
    last_sent_at: datetime | None = None
    last_changed_at: datetime | None = None
    last_error: str = ""


_TARGETS: list[Callable[[object], Delivery | None]] = []


def register_target(answer: Callable[[object], Delivery | None]) -> None:
    """Add a target's answer function (idempotent). It returns None for pages it ignores."""
    if answer not in _TARGETS:
        _TARGETS.append(answer)


def deliveries(page) -> list[Delivery]:
    return [d for answer in _TARGETS if (d := answer(page)) is not None]
