"""The transactional outbox, shared by every subscriber (search index, national catalogues, webhooks).

Inside the transaction of a change, `enqueue` writes one `OutboxTask` per object for one
subscriber and does nothing else: a rolled-back change leaves no task, and a committed change
always has one, however long the target system is down. After the commit a subscriber that may
run inline (setting `HUB_OUTBOX_INLINE`; never an external push) is applied in the same request;
otherwise the worker (`manage.py outbox_worker`) applies it. `apply_pending` hands the due tasks
of one subscriber to its handler in a batch, marks a task applied only when the handler reports
success, and retries each failed task later with exponential backoff. Subscribers are
independent: one that keeps failing holds up no other.

Subscribers register themselves from their own app's `AppConfig.ready()`; `content` knows none
of them. See docs/outbox.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from .models.outbox import OutboxTask

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 15 * 60
KEEP_APPLIED = timedelta(days=7)


@dataclass
class BatchOutcome:
    """A handler's answer: the tasks it could not apply (task id -> error); the rest succeeded."""

    failed: dict[int, str] = field(default_factory=dict)


Handler = Callable[[list[OutboxTask]], BatchOutcome | None]


@dataclass(frozen=True)
class Subscriber:
    """A target of the outbox.

    `handler(tasks)` applies a batch of due tasks and returns a `BatchOutcome` (or None when all
    succeeded); raising fails the whole batch. `external` marks a push to another system: it is
    never applied inside an editor's request, whatever `HUB_OUTBOX_INLINE` says.
    """

    name: str
    handler: Handler
    external: bool = False
    batch_size: int = 200

    def applies_inline(self) -> bool:
        if self.external:
            return False
        return bool(getattr(settings, "HUB_OUTBOX_INLINE", {}).get(self.name, False))


@dataclass
class ApplyReport:
    subscriber: str
    applied: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


_subscribers: dict[str, Subscriber] = {}


def register(subscriber: Subscriber) -> Subscriber:
    """Add a subscriber (from its app's `ready()`). Registering the same one again is harmless."""
    existing = _subscribers.get(subscriber.name)
    if existing is not None and existing != subscriber:
        raise ImproperlyConfigured(f"Outbox subscriber {subscriber.name!r} is registered twice, differently.")
    _subscribers[subscriber.name] = subscriber
    return subscriber


def unregister(name: str) -> None:
    _subscribers.pop(name, None)


def get_subscriber(name: str) -> Subscriber:
    try:
        return _subscribers[name]
    except KeyError:
        # A task for a name nobody applies would wait forever: refuse it at once.
        raise LookupError(f"No outbox subscriber {name!r}; registered: {sorted(_subscribers)}") from None


def subscribers() -> list[Subscriber]:
    return [_subscribers[name] for name in sorted(_subscribers)]


def enqueue(
    subscriber: str, keys: Iterable[int], *, kind: str = "page", action: str = OutboxTask.UPDATE, reason: str = ""
) -> int:
    """Write a task per object for `subscriber`, in the caller's transaction. Returns the count.

    When the subscriber runs inline, its tasks are applied right after the commit (and not at
    all if the transaction rolls back); a failure there leaves them for the worker.
    """
    target = get_subscriber(subscriber)
    ids = sorted({int(key) for key in keys if key})
    if not ids:
        return 0
    reason = reason[: OutboxTask._meta.get_field("reason").max_length]
    OutboxTask.objects.bulk_create(
        [OutboxTask(subscriber=target.name, kind=kind, object_id=i, action=action, reason=reason) for i in ids]
    )
    if target.applies_inline():
        transaction.on_commit(partial(_apply_inline, target.name, kind, ids))
    return len(ids)


def _apply_inline(subscriber: str, kind: str, ids: list[int]) -> None:
    try:
        apply_pending(subscriber, keys=ids, kind=kind)
    except Exception:  # noqa: BLE001 - never fail the request that published; the worker catches up
        logger.warning("Outbox %s: not applied inline; the tasks wait for the worker", subscriber, exc_info=True)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(2 ** max(attempts, 1), MAX_BACKOFF_SECONDS))


def pending_tasks(subscriber: str):
    return OutboxTask.objects.filter(subscriber=subscriber, applied_at__isnull=True)


def apply_pending(
    subscriber: str,
    *,
    limit: int | None = None,
    keys: Iterable[int] | None = None,
    kind: str = "page",
    now=None,
    handler: Handler | None = None,
) -> ApplyReport:
    """Apply up to `limit` due tasks of one subscriber (optionally only those for `keys` of `kind`).

    The tasks are locked with SKIP LOCKED, so two workers never apply the same task. `handler`
    replaces the registered one for this call (a test or a command that targets another engine).
    """
    target = get_subscriber(subscriber)
    handler = handler or target.handler
    now = now or timezone.now()
    report = ApplyReport(subscriber=target.name)
    with transaction.atomic():
        due = pending_tasks(target.name).filter(available_at__lte=now)
        if keys is not None:
            due = due.filter(kind=kind, object_id__in=[int(k) for k in keys])
        tasks = list(due.order_by("id").select_for_update(skip_locked=True)[: limit or target.batch_size])
        if not tasks:
            return report
        try:
            # A savepoint: when the handler breaks the database, the task updates below still commit.
            with transaction.atomic():
                outcome = handler(tasks) or BatchOutcome()
        except Exception as error:  # noqa: BLE001 - target down or failing: retry the whole batch later
            logger.warning("Outbox %s: %d task(s) failed, will retry: %s", target.name, len(tasks), error)
            message = f"{type(error).__name__}: {error}"
            _fail(dict.fromkeys(tasks, message), now)
            report.failed = len(tasks)
            report.errors.append(message)
            return report
        failed = {task: outcome.failed[task.pk] for task in tasks if task.pk in outcome.failed}
        done = [task.pk for task in tasks if task not in failed]
        OutboxTask.objects.filter(pk__in=done).update(applied_at=now, last_error="")
        _fail(failed, now)
        if failed:
            logger.warning("Outbox %s: %d of %d task(s) failed, will retry", target.name, len(failed), len(tasks))
        report.applied, report.failed = len(done), len(failed)
        report.errors.extend(sorted(set(failed.values())))
    return report


def _fail(errors: dict[OutboxTask, str], now) -> None:
    for task, error in errors.items():
        task.attempts += 1
        task.last_error = error[:2000]
        task.available_at = now + backoff(task.attempts)
    OutboxTask.objects.bulk_update(list(errors), ["attempts", "last_error", "available_at"])


def prune_applied(subscriber: str | None = None, *, now=None, keep: timedelta = KEEP_APPLIED) -> int:
    """Forget tasks applied longer than `keep` ago (never a pending one)."""
    old = OutboxTask.objects.filter(applied_at__lt=(now or timezone.now()) - keep)
    if subscriber is not None:
        old = old.filter(subscriber=subscriber)
    deleted, _ = old.delete()
    return deleted


def outbox_status(now=None) -> dict[str, dict]:
    """Per subscriber: pending and failed tasks, lag (age of the oldest pending task, in
    seconds), when a task was last applied, and whether anyone is registered to apply them."""
    now = now or timezone.now()
    pending = {
        row["subscriber"]: row
        for row in OutboxTask.objects.filter(applied_at__isnull=True)
        .values("subscriber")
        .annotate(pending=Count("id"), failed=Count("id", filter=Q(attempts__gt=0)), oldest=Min("created_at"))
        .order_by()
    }
    status = {}
    for name in sorted(set(_subscribers) | set(pending)):
        row = pending.get(name, {})
        last_applied = OutboxTask.objects.filter(subscriber=name).aggregate(last=Max("applied_at"))["last"]
        status[name] = {
            "pending": row.get("pending", 0),
            "failed": row.get("failed", 0),
            "lag_seconds": (now - row["oldest"]).total_seconds() if row.get("oldest") else 0.0,
            "last_applied": last_applied,
            "registered": name in _subscribers,
        }
    return status
