"""Delivering products to the SDG product API: the HTTP client, one product's sync, and the
outbox handler of subscriber `sdg`.

Every change is a new version (POST /producten; the API keys a product by UPL URI +
organisation + doelgroep and answers with the product's URL). A sync compares what the page
should be now with what was last delivered (`SyncState`, one row per doelgroep):
- a payload equal to the last one delivered (publication date aside) is not sent again;
- a doelgroep the page no longer has, and a page that is unpublished, deleted, internal or
  without UPL, gets a version with `productAanwezig: false` (read back from the product's URL,
  so it is the product that was delivered that is withdrawn);
- when a new version lands on another product than before (the UPL or the organisation
  changed), the old product is kept as a replaced variant and withdrawn in the same way.

A failure is stored on the SyncState (status `mislukt`, for the editor) and raised, so the
outbox keeps the task and retries it with backoff. Nothing is sent while SDG_API_URL or
SDG_API_TOKEN is empty: tasks are then dropped, and `manage.py sdg_sync` sends what is due once
the settings are there.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from dataclasses import dataclass

import httpx
from django.conf import settings
from django.utils import timezone

from content.models import SiteDirectory
from content.outbox import BatchOutcome
from syndication.audit import FAILED, SENT, WITHDRAWN, record_delivery
from syndication.models import SyncState

from .mapping import TARGET, Product, ProductKey, changed_at, payloads, product_for, withdrawal, withdrawal_day

logger = logging.getLogger(__name__)

SEND, WITHDRAW = "send", "withdraw"


class SdgApiError(Exception):
    """The SDG API did not take a request (an error answer, or none at all)."""


class SdgUnreachable(SdgApiError):
    """No answer: the API is down, unreachable or too slow. Every other product would fail too."""


def configuration_problems() -> list[str]:
    """Why nothing can be sent (Dutch, for the editor and the operator); empty when configured."""
    problems = []
    if not settings.SDG_API_URL:
        problems.append("SDG_API_URL is niet ingesteld")
    if not settings.SDG_API_TOKEN:
        problems.append("SDG_API_TOKEN is niet ingesteld")
    return problems


class SdgClient:
    """The few calls of the SDG product API we make, with `Authorization: Token ...`."""

    def __init__(self, base_url: str | None = None, token: str | None = None, timeout: float | None = None):
        self.base_url = (base_url or settings.SDG_API_URL).rstrip("/")
        self.http = httpx.Client(
            headers={"Authorization": f"Token {token or settings.SDG_API_TOKEN}", "Accept": "application/json"},
            timeout=timeout or settings.HUB_SYNDICATION_TIMEOUT,
        )

    def __enter__(self) -> SdgClient:
        return self

    def __exit__(self, *exc) -> None:
        self.http.close()

    def create_version(self, payload: dict) -> dict:
        """POST a new version of a product; the product as the API stored it."""
        response = self._call("POST", f"{self.base_url}/producten", json=payload)
        if response.status_code not in (200, 201):
            raise SdgApiError(f"SDG API weigerde de versie (HTTP {response.status_code}): {response.text[:500]}")
        return response.json()

    def product(self, url: str) -> dict | None:
        """The product at `url` (its active version), or None when the API does not know it."""
        response = self._call("GET", url)
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise SdgApiError(f"SDG API gaf het product niet (HTTP {response.status_code}): {response.text[:500]}")
        return response.json()

    def _call(self, method: str, url: str, **kwargs) -> httpx.Response:
        try:
            return self.http.request(method, url, **kwargs)
        except httpx.TimeoutException as error:
            raise SdgUnreachable(f"SDG API gaf geen antwoord binnen {self.http.timeout.read} s ({url})") from error
        except httpx.TransportError as error:
            raise SdgUnreachable(f"SDG API onbereikbaar: {type(error).__name__}: {error}") from error


def payload_hash(payload: dict) -> str:
    """The content of a payload: the same content published again on another day is no news."""
    content = {key: value for key, value in payload.items() if key != "publicatieDatum"}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass
class Step:
    """One request a sync makes for one SDG product of a page."""

    action: str  # SEND or WITHDRAW
    state: SyncState
    payload: dict | None = None  # SEND: the new version

    def describe(self) -> str:
        if self.action == SEND:
            languages = ", ".join(t["taal"] for t in self.payload["vertalingen"])
            return f"new version (publicatieDatum {self.payload['publicatieDatum']}, languages {languages})"
        return f"withdraw (productAanwezig false) {self.state.remote_url or '(never delivered: nothing to send)'}"


@dataclass
class SyncResult:
    product: Product
    steps: list[Step]
    unchanged: list[str]  # variants whose content was delivered already
    wanted: set[ProductKey]  # the SDG products the page should be now


def plan(page_id: int, directory: SiteDirectory | None = None) -> SyncResult:
    """What a sync of one product would send now. Reads only."""
    product = product_for(page_id, directory)
    wanted = payloads(product, directory)
    states = {s.variant: s for s in SyncState.objects.filter(target=TARGET, page_id=page_id)}
    steps, unchanged = [], []
    for variant, payload in wanted.items():
        state = states.get(variant) or SyncState(target=TARGET, page_id=page_id, variant=variant)
        if state.status == SyncState.SENT and state.payload_hash == payload_hash(payload):
            unchanged.append(variant)
        else:
            steps.append(Step(SEND, state, payload))
    for variant, state in states.items():
        if variant not in wanted and state.status != SyncState.REMOVED:
            steps.append(Step(WITHDRAW, state))
    return SyncResult(product, steps, unchanged, {ProductKey.of(payload) for payload in wanted.values()})


def sync_product(page_id: int, client: SdgClient, directory: SiteDirectory | None = None) -> SyncResult:
    """Bring the SDG up to date with one product (its Dutch page id). Raises SdgApiError when a
    request failed (the SyncState says so); what succeeded before it is kept."""
    result = plan(page_id, directory)
    changed = changed_at(result.product)
    now = timezone.now()
    SyncState.objects.filter(target=TARGET, page_id=page_id, variant__in=result.unchanged).update(
        last_changed_at=changed
    )
    for step in result.steps:  # a replaced product is appended while we go, and withdrawn after
        try:
            if step.action == SEND:
                replaced = _send(step, client, now, changed)
                if replaced is not None:
                    result.steps.append(Step(WITHDRAW, replaced))
            else:
                _withdraw(step, client, now, changed, result.wanted)
        except SdgApiError as error:
            step.state.status, step.state.last_error = SyncState.FAILED, str(error)[:2000]
            step.state.last_changed_at = changed
            step.state.save()
            record_delivery(step.state, FAILED, str(error))
            raise
    return result


def _send(step: Step, client: SdgClient, now, changed) -> SyncState | None:
    """POST the new version. When it landed on another product than the last one, the old product
    is returned as a replaced variant, to be withdrawn."""
    state = step.state
    product = client.create_version(step.payload)
    url = product.get("url") or state.remote_url
    replaced = None
    if state.remote_url and url != state.remote_url and state.status != SyncState.REMOVED:
        suffix = hashlib.sha256(state.remote_url.encode()).hexdigest()[:8]
        replaced, _ = SyncState.objects.update_or_create(
            target=TARGET,
            page_id=state.page_id,
            variant=f"{state.variant}:{suffix}",
            defaults={"status": SyncState.SENT, "remote_url": state.remote_url, "last_sent_at": state.last_sent_at},
        )
    state.status, state.remote_url, state.payload_hash = SyncState.SENT, url, payload_hash(step.payload)
    state.last_sent_at, state.last_changed_at, state.last_error = now, changed, ""
    state.save()
    record_delivery(state, SENT)
    return replaced


def _withdraw(step: Step, client: SdgClient, now, changed, keep: set[ProductKey]) -> None:
    """Say that the delivered product is no longer offered (read back from its URL), once."""
    state = step.state
    current = client.product(state.remote_url) if state.remote_url else None
    if current is not None and current.get("productAanwezig") is not False and ProductKey.of(current) not in keep:
        payload = withdrawal(ProductKey.of(current), withdrawal_day(state.page_id))
        client.create_version(payload)
        state.payload_hash, state.last_sent_at = payload_hash(payload), now
        sent = True
    else:
        sent = False  # never delivered, or withdrawn already: no request, nothing to record
    state.status, state.last_changed_at, state.last_error = SyncState.REMOVED, changed, ""
    state.save()
    if sent:
        record_delivery(state, WITHDRAWN)


def push_products(tasks) -> BatchOutcome | None:
    """Outbox handler of subscriber `sdg`: sync the product of each task (tasks name Dutch page ids)."""
    problems = configuration_problems()
    if problems:
        logger.info(
            "SDG: %d task(s) not sent (%s); run sdg_sync once it is configured", len(tasks), "; ".join(problems)
        )
        return None
    by_page: dict[int, list] = defaultdict(list)
    for task in tasks:
        by_page[task.object_id].append(task)
    outcome = BatchOutcome()
    unreachable = ""
    directory = SiteDirectory()
    with SdgClient() as client:
        for page_id, page_tasks in by_page.items():
            error = unreachable
            if not error:
                try:
                    sync_product(page_id, client, directory)
                except SdgUnreachable as failure:
                    # Without an answer every other product would wait for its own timeout too.
                    error = unreachable = str(failure)
                except SdgApiError as failure:
                    error = str(failure)
            if error:
                outcome.failed.update(dict.fromkeys((task.pk for task in page_tasks), error))
    return outcome
