"""The search index as a subscriber of the outbox (`content.outbox`).

Signal handlers `enqueue` the pages a change touches, in the transaction of the change; the
outbox hands due tasks to `index_batch`, which brings each page in the index in line with the
page as it is now (live -> index, otherwise -> remove). Retries, backoff, locking and the
inline-or-worker decision belong to the outbox; what is here is search's own part. The
functions below `index_batch` are the search-shaped entry points other code and tests use.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from content import generation, outbox
from content.models import OutboxTask

from .documents import DocumentBuilder, indexable_pages
from .engines import SearchEngine, get_engine
from .models import OUTBOX_SUBSCRIBER as SUBSCRIBER

logger = logging.getLogger(__name__)

ApplyReport = outbox.ApplyReport


def index_batch(tasks: list[OutboxTask], engine: SearchEngine | None = None) -> outbox.BatchOutcome:
    """Index the live pages among the tasks' pages and remove the others. An engine error
    raises (the whole batch is retried); a page whose document cannot be built fails alone."""
    engine = engine or get_engine()
    ids = sorted({t.object_id for t in tasks})
    failed_pages: dict[int, str] = {}
    documents = _build_documents(ids, failed_pages)
    indexed = {d.page_id for d in documents}
    engine.index_documents(documents)
    engine.delete_documents([p for p in ids if p not in indexed and p not in failed_pages])
    generation.changed()  # search answers and completions changed: cached responses are old now
    return outbox.BatchOutcome(failed={t.pk: failed_pages[t.object_id] for t in tasks if t.object_id in failed_pages})


def _build_documents(page_ids: list[int], failed_pages: dict[int, str]) -> list:
    builder = DocumentBuilder()
    documents = []
    for page in indexable_pages(page_ids):
        try:
            document = builder.build(page)
        except Exception as error:  # noqa: BLE001 - one broken page must not block the others
            logger.exception("Could not build the search document of page %s", page.pk)
            failed_pages[page.pk] = f"document could not be built: {type(error).__name__}: {error}"
            continue
        if document is not None:
            documents.append(document)
    return documents


def enqueue(page_ids: Iterable[int], *, action: str = OutboxTask.UPDATE, reason: str = "") -> None:
    """Record that these pages must be brought up to date in the index (in the current transaction)."""
    outbox.enqueue(SUBSCRIBER, page_ids, kind="page", action=action, reason=reason)


def apply_pending(
    *, limit: int = 200, engine: SearchEngine | None = None, page_ids: list[int] | None = None, now=None
) -> ApplyReport:
    """Apply up to `limit` due index tasks (optionally only for `page_ids`, or to another engine)."""
    handler = partial(index_batch, engine=engine) if engine is not None else None
    return outbox.apply_pending(SUBSCRIBER, limit=limit, keys=page_ids, kind="page", now=now, handler=handler)


def outbox_status(now=None) -> dict:
    """Pending and failed index tasks, the lag of the oldest one in seconds, the last applied."""
    status = outbox.outbox_status(now=now)[SUBSCRIBER]
    return {key: status[key] for key in ("pending", "failed", "lag_seconds", "last_applied")}
