"""How long the audit trail is kept: `HUB_AUDIT_RETENTION_DAYS` (docs/security.md)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.log_actions import registry as log_action_registry

DEFAULT_RETENTION_DAYS = 730


def retention_days() -> int:
    return int(getattr(settings, "HUB_AUDIT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def prune_audit_trail(days: int | None = None, *, dry_run: bool = False) -> dict[str, int]:
    """Delete every log entry (of every log model: pages, other objects, sign-ins) older than
    `days`; the number deleted (or, with `dry_run`, to delete) per model."""
    days = retention_days() if days is None else days
    if days < 1:
        raise ValueError("De bewaartermijn moet minstens 1 dag zijn.")
    cutoff = timezone.now() - timedelta(days=days)
    counts = {}
    for log_model in log_action_registry.get_log_entry_models():
        old = log_model.objects.filter(timestamp__lt=cutoff)
        counts[log_model._meta.label] = old.count() if dry_run else old.delete()[0]
    return counts
