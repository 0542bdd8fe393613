"""Where KISS's objects live: the settings, and the one address each object gets.

Every object the hub writes to the Objects API gets a uuid chosen by the hub, derived from the
page (its Wagtail `translation_key`, random per installation and stable for the page's life)
and the variant. The object's URL is therefore known before the first POST, which is what lets
a retry find an object whose creation succeeded but whose answer was lost (see `sender.py`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.conf import settings

TARGET = "kiss"  # SyncState.target and the outbox subscriber's name
VAC, KENNISARTIKEL = "vac", "kennisartikel"
VAC_VARIANT = ""  # an answer has one VAC; a product has a kennisartikel per doelgroep (the variant)


@dataclass(frozen=True)
class KissConfig:
    """The settings of the KISS sync (environment variables, see docs/standards.md)."""

    api_url: str
    token: str
    vac_type: str
    kennisartikel_type: str
    vac_type_version: int = 1
    kennisartikel_type_version: int = 1
    timeout: float = 10.0

    @classmethod
    def from_settings(cls) -> KissConfig:
        return cls(
            api_url=(getattr(settings, "KISS_OBJECTS_API_URL", "") or "").rstrip("/"),
            token=getattr(settings, "KISS_OBJECTS_API_TOKEN", "") or "",
            vac_type=getattr(settings, "KISS_VAC_OBJECTTYPE_URL", "") or "",
            kennisartikel_type=getattr(settings, "KISS_KENNISARTIKEL_OBJECTTYPE_URL", "") or "",
            # The object types' versions in the gemeente's Objecttypes API; version 1 unless set.
            vac_type_version=int(getattr(settings, "KISS_VAC_OBJECTTYPE_VERSION", 1)),
            kennisartikel_type_version=int(getattr(settings, "KISS_KENNISARTIKEL_OBJECTTYPE_VERSION", 1)),
            timeout=float(getattr(settings, "HUB_SYNDICATION_TIMEOUT", 10)),
        )

    @property
    def missing(self) -> list[str]:
        """Why nothing can be sent, in Dutch for the editor and the operator (empty when complete)."""
        named = {
            "KISS_OBJECTS_API_URL": self.api_url,
            "KISS_OBJECTS_API_TOKEN": self.token,
            "KISS_VAC_OBJECTTYPE_URL": self.vac_type,
            "KISS_KENNISARTIKEL_OBJECTTYPE_URL": self.kennisartikel_type,
        }
        return [f"{name} is niet ingesteld" for name, value in named.items() if not value]

    @property
    def complete(self) -> bool:
        return not self.missing

    def type_of(self, kind: str) -> tuple[str, int]:
        """The object-type URL and version for VACs or kennisartikelen."""
        if kind == VAC:
            return self.vac_type, self.vac_type_version
        return self.kennisartikel_type, self.kennisartikel_type_version

    def object_url(self, object_uuid: uuid.UUID | str) -> str:
        return f"{self.api_url}/objects/{object_uuid}"

    def is_ours(self, url: str) -> bool:
        """Is `url` an object of the Objects API configured now (not of one used before)?"""
        return bool(url) and url.startswith(f"{self.api_url}/objects/")


def object_uuid(translation_key: uuid.UUID | str, kind: str, variant: str = "") -> uuid.UUID:
    """The uuid of a page's VAC or kennisartikel (per variant): the same on every attempt."""
    return uuid.uuid5(uuid.UUID(str(translation_key)), f"kiss/{kind}/{variant}")


def uuid_of_url(url: str) -> str:
    return url.rstrip("/").rpartition("/")[2]
