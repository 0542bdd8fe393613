"""Sending pages to KISS: the outbox handler (`outbox_worker --subscriber kiss`) and `kiss_sync`.

How a push stays exactly-once in effect:
- **One address per object, chosen by the hub.** The uuid of a page's VAC or kennisartikel is
  derived from the page (`config.object_uuid`) and sent with the first POST, so the object's URL
  is known before it exists. It is kept in `SyncState.remote_url` from the first attempt on.
- **Look before creating.** Until an object is confirmed (`last_sent_at`), the sender first GETs
  its URL: a POST that succeeded but whose answer was lost (a timeout, a dropped connection, a
  worker killed before its commit) is found there and updated (or left alone when it already
  holds this data) instead of created twice. A POST racing another sender fails on the taken
  uuid and is retried, which then finds the object.
- **Same data, nothing sent.** `SyncState.payload_hash` is the hash of the object type, version
  and data last accepted; a task or a `kiss_sync` run that finds the same data sends nothing.
- **Updates go to the same object** (PUT: a new record, the old ones stay as history); when the
  API no longer has it (404), it is made again under the same uuid.
- **Nothing lost.** A failed object leaves its outbox task pending (retried with backoff by the
  worker) and its SyncState `mislukt` with the Dutch error; `kiss_sync` enqueues what it could not
  send. When the API does not answer at all, the rest of the batch is not tried.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from content.outbox import BatchOutcome, enqueue

from ..audit import FAILED as AUDIT_FAILED
from ..audit import SENT as AUDIT_SENT
from ..audit import WITHDRAWN as AUDIT_WITHDRAWN
from ..audit import record_delivery
from ..models import SyncState
from .client import ObjectsApi, ObjectsApiError, ObjectsApiUnreachable
from .config import TARGET, VAC, KissConfig, uuid_of_url
from .fields import Mapping
from .kennisartikel import retire as retire_kennisartikel
from .plan import KissItem, items_for_page, page_ids_to_check, states_of
from .vac import retire as retire_vac

logger = logging.getLogger(__name__)

SENT, UNCHANGED, REMOVED, FAILED, SKIPPED, DUE = (
    "verzonden",
    "ongewijzigd",
    "verwijderd gemeld",
    "mislukt",
    "niet verzonden",
    "te verzenden",
)


@dataclass
class Outcome:
    label: str
    result: str
    error: str = ""
    unreachable: bool = False  # no answer at all: do not try the rest of the batch


def payload_hash(type_url: str, type_version: int, data: dict) -> str:
    canonical = json.dumps([type_url, type_version, data], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def current_url(item: KissItem, state: SyncState, config: KissConfig) -> str:
    """Where the object is: the stored address, unless it belongs to an Objects API used before."""
    return state.remote_url if config.is_ours(state.remote_url) else item.url


def is_due(item: KissItem, state: SyncState, config: KissConfig) -> bool:
    """Does KISS lack this version of the item? (Without asking KISS.)"""
    if item.problems:
        return False
    if item.data is None:
        return True  # a deleted page: what KISS has is read back first
    type_url, version = config.type_of(item.kind)
    return not (
        state.payload_hash == payload_hash(type_url, version, item.data)
        and state.status in (SyncState.SENT, SyncState.REMOVED)
        and state.remote_url == current_url(item, state, config)
    )


def deliver(item: KissItem, state: SyncState, api: ObjectsApi, now) -> Outcome:
    """Bring one object in KISS up to date with `item`; record the result in `state` (saved)."""
    config = api.config
    if item.problems:
        state.last_error = "; ".join(item.problems)
        state.save()
        return Outcome(item.label, SKIPPED, state.last_error)
    if not is_due(item, state, config):
        return Outcome(item.label, UNCHANGED)
    url = current_url(item, state, config)
    type_url, version = config.type_of(item.kind)
    confirmed = state.last_sent_at is not None and state.remote_url == url
    remote, data = None, item.data
    try:
        if data is None:
            remote = api.read(url)
            if remote is None:
                return _succeeded(item, state, url, "", now)  # KISS never had it: nothing to remove
            type_url = remote.get("type") or type_url
            retire = retire_vac if item.kind == VAC else retire_kennisartikel
            data = retire(remote.get("record", {}).get("data") or {})
        digest = payload_hash(type_url, version, data)
        _note_change(state, item.changed_at, now)
        stored = None
        if confirmed and remote is None:
            stored = api.replace(url, type_url, version, data)
        else:
            remote = remote if remote is not None else api.read(url)
            if remote is not None and _holds(remote, type_url, version, data):
                stored = remote  # an earlier attempt got there; its answer was lost
            elif remote is not None:
                stored = api.replace(url, type_url, version, data)
        if stored is None:
            stored = api.create(uuid_of_url(url), type_url, version, data)
    except ObjectsApiError as error:
        state.status, state.last_error, state.remote_url = SyncState.FAILED, str(error)[:2000], url
        state.save()
        record_delivery(state, AUDIT_FAILED, str(error))
        unreachable = isinstance(error, ObjectsApiUnreachable)
        return Outcome(item.label, FAILED, str(error), unreachable=unreachable)
    outcome = _succeeded(item, state, stored.get("url") or url, digest, now)
    record_delivery(state, AUDIT_WITHDRAWN if item.retired or item.data is None else AUDIT_SENT)
    return outcome


def _holds(remote: dict, type_url: str, version: int, data: dict) -> bool:
    record = remote.get("record") or {}
    return remote.get("type") == type_url and record.get("typeVersion") == version and record.get("data") == data


def _succeeded(item: KissItem, state: SyncState, url: str, digest: str, now) -> Outcome:
    state.status = SyncState.REMOVED if item.retired else SyncState.SENT
    state.remote_url, state.payload_hash, state.last_sent_at, state.last_error = url, digest, now, ""
    state.save()
    return Outcome(item.label, REMOVED if item.retired else SENT)


def _note_change(state: SyncState, changed_at, now) -> None:
    """`last_changed_at`: when the page last changed in a way KISS has not heard of yet."""
    pending = state.last_changed_at is not None and (
        state.last_sent_at is None or state.last_changed_at > state.last_sent_at
    )
    candidate = changed_at or (None if pending else now)
    if candidate is not None and (state.last_changed_at is None or candidate > state.last_changed_at):
        state.last_changed_at = candidate


def sync_page(page_id: int, mapping: Mapping, api: ObjectsApi, now, *, dry_run: bool = False) -> list[Outcome]:
    """Send what KISS lacks of one page (with `dry_run`: only say what that would be)."""
    states = states_of(page_id)
    outcomes = []
    for item in items_for_page(page_id, mapping, states):
        state = states.get(item.variant) or SyncState(target=TARGET, page_id=page_id, variant=item.variant)
        if dry_run:
            due = is_due(item, state, mapping.config)
            outcomes.append(Outcome(item.label, DUE if due else (SKIPPED if item.problems else UNCHANGED)))
            continue
        outcomes.append(deliver(item, state, api, now))
        if outcomes[-1].unreachable:
            break
    return outcomes


def _sync_safely(page_id: int, mapping: Mapping, api: ObjectsApi, now, *, dry_run: bool = False) -> list[Outcome]:
    try:
        # A savepoint per page: a broken page rolls back only its own state.
        with transaction.atomic():
            return sync_page(page_id, mapping, api, now, dry_run=dry_run)
    except Exception as error:  # noqa: BLE001 - one broken page must not hold up the others
        logger.exception("KISS: page %s could not be prepared", page_id)
        return [Outcome(f"pagina {page_id}", FAILED, f"{type(error).__name__}: {error}")]


def _config() -> KissConfig:
    config = KissConfig.from_settings()
    if not config.complete:
        raise ImproperlyConfigured("; ".join(config.missing))
    return config


def push_batch(tasks) -> BatchOutcome:
    """The outbox handler: bring the pages of `tasks` up to date in KISS.

    Several tasks for one page are one send. A task fails when any object of its page failed;
    when the API does not answer, the remaining pages are not tried (they fail with that error).
    """
    mapping, now = Mapping(_config()), timezone.now()
    by_page: dict[int, list] = defaultdict(list)
    for task in tasks:
        by_page[task.object_id].append(task)
    failed: dict[int, str] = {}
    down = ""
    with ObjectsApi(mapping.config) as api:
        for page_id, page_tasks in by_page.items():
            if down:
                error = f"niet geprobeerd: {down}"
            else:
                outcomes = _sync_safely(page_id, mapping, api, now)
                error = "; ".join(o.error for o in outcomes if o.result == FAILED)
                down = next((o.error for o in outcomes if o.unreachable), "")
            if error:
                failed.update(dict.fromkeys((task.pk for task in page_tasks), error))
    return BatchOutcome(failed=failed)


def sync_all(*, dry_run: bool = False, report: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """`kiss_sync`: send every object whose current version KISS lacks, including what was
    published before the settings were made. What fails is left to the worker (an outbox task);
    when the API does not answer, the pages not yet tried are too."""
    mapping, now = Mapping(_config()), timezone.now()
    outcomes: list[Outcome] = []
    page_ids = page_ids_to_check()
    with ObjectsApi(mapping.config) as api:
        for index, page_id in enumerate(page_ids):
            page_outcomes = _sync_safely(page_id, mapping, api, now, dry_run=dry_run)
            for outcome in page_outcomes:
                if report is not None:
                    report(outcome)
            outcomes += page_outcomes
            if not dry_run and any(o.result == FAILED for o in page_outcomes):
                enqueue(TARGET, [page_id], reason="kiss_sync: mislukt")
            if any(o.unreachable for o in page_outcomes):
                enqueue(TARGET, page_ids[index + 1 :], reason="kiss_sync: API onbereikbaar")
                break
    return outcomes
