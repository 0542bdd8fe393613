"""The four front-end instances. Each is this same project with a different configuration."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Instance:
    name: str
    kind: str  # website | app | kcc
    site_key: str
    port: int


INSTANCES = {
    "website": Instance("website", "website", "deventer", 8001),
    "subsite": Instance("subsite", "website", "verkeer", 8002),
    "app": Instance("app", "app", "deventer", 8003),
    "kcc": Instance("kcc", "kcc", "deventer", 8004),
}
KINDS = ("website", "app", "kcc")
