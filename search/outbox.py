"""The indexing outbox: tasks written with the change, applied by the worker (or inline in dev).

`enqueue` runs inside the transaction of the change, so a task exists exactly when the change
was committed. `apply_pending` brings each page in the index in line with the page as it is
now; a task is marked applied only after the engine accepted the change, and a failure is
retried later with exponential backoff.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from .documents import DocumentBuilder, indexable_pages
from .engines import SearchEngine, get_engine
from .models import IndexTask

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 15 * 60
KEEP_APPLIED_DAYS = 7


@dataclass
class ApplyReport:
    applied: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def enqueue(page_ids: Iterable[int], *, action: str = IndexTask.INDEX, reason: str = "") -> None:
    """Record that these pages must be brought up to date in the index (in the current transaction)."""
    ids = sorted({int(p) for p in page_ids if p})
    if not ids:
        return
    IndexTask.objects.bulk_create([IndexTask(page_id=p, action=action, reason=reason[:50]) for p in ids])
    if getattr(settings, "SEARCH_APPLY_OUTBOX_INLINE", False):
        transaction.on_commit(lambda: apply_inline(ids))


def apply_inline(page_ids: list[int]) -> None:
    """Development mode: apply right after the commit. Never fails the request that published."""
    try:
        apply_pending(page_ids=page_ids)
    except Exception:  # noqa: BLE001 - the tasks stay pending; the worker catches up
        logger.warning("Search index not updated inline; the outbox keeps the task", exc_info=True)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(2 ** max(attempts, 1), MAX_BACKOFF_SECONDS))


def pending_tasks():
    return IndexTask.objects.filter(applied_at__isnull=True)


def apply_pending(
    *, limit: int = 200, engine: SearchEngine | None = None, page_ids: list[int] | None = None, now=None
) -> ApplyReport:
    """Apply up to `limit` due tasks (optionally only for `page_ids`). Returns what happened."""
    engine = engine or get_engine()
    now = now or timezone.now()
    report = ApplyReport()
    with transaction.atomic():
        due = pending_tasks().filter(available_at__lte=now).order_by("id")
        if page_ids is not None:
            due = due.filter(page_id__in=page_ids)
        tasks = list(due.select_for_update(skip_locked=True)[:limit])
        if not tasks:
            return report
        ids = sorted({t.page_id for t in tasks})
        failed_pages: dict[int, str] = {}
        try:
            # A savepoint: when the database engine fails, the task updates below still commit.
            with transaction.atomic():
                documents = _build_documents(ids, failed_pages)
                indexed = {d.page_id for d in documents}
                engine.index_documents(documents)
                engine.delete_documents([p for p in ids if p not in indexed and p not in failed_pages])
        except Exception as error:  # noqa: BLE001 - engine down or failing: retry the whole batch later
            logger.warning("Search outbox: %d task(s) failed, will retry: %s", len(tasks), error)
            _fail(tasks, f"{type(error).__name__}: {error}", now)
            report.failed = len(tasks)
            report.errors.append(str(error))
            return report
        done = [t for t in tasks if t.page_id not in failed_pages]
        IndexTask.objects.filter(id__in=[t.id for t in done]).update(applied_at=now, last_error="")
        _fail([t for t in tasks if t.page_id in failed_pages], "document could not be built", now)
        report.applied, report.failed = len(done), len(tasks) - len(done)
    return report


def _build_documents(page_ids: list[int], failed_pages: dict[int, str]) -> list:
    builder = DocumentBuilder()
    documents = []
    for page in indexable_pages(page_ids):
        try:
            document = builder.build(page)
        except Exception as error:  # noqa: BLE001 - one broken page must not block the others
            logger.exception("Could not build the search document of page %s", page.pk)
            failed_pages[page.pk] = f"{type(error).__name__}: {error}"
            continue
        if document is not None:
            documents.append(document)
    return documents


def _fail(tasks: list[IndexTask], error: str, now):
    for task in tasks:
        task.attempts += 1
        task.last_error = error[:2000]
        task.available_at = now + backoff(task.attempts)
    IndexTask.objects.bulk_update(tasks, ["attempts", "last_error", "available_at"])


def prune_applied(now=None) -> int:
    """Forget tasks applied more than a week ago (never a pending one)."""
    cutoff = (now or timezone.now()) - timedelta(days=KEEP_APPLIED_DAYS)
    deleted, _ = IndexTask.objects.filter(applied_at__lt=cutoff).delete()
    return deleted


def outbox_status(now=None) -> dict:
    now = now or timezone.now()
    pending = pending_tasks()
    oldest = pending.aggregate(oldest=Min("created_at"))["oldest"]
    return {
        "pending": pending.count(),
        "failed": pending.filter(attempts__gt=0).count(),
        "lag_seconds": (now - oldest).total_seconds() if oldest else 0.0,
    }
