"""`external_link`: links to other websites that do not work, or that use plain http:// where
https:// works (docs/quality.md, "External links").

The network part runs once per run, before the checks: `attach_external_answers(pages)` collects
every external address of the pages, asks each at most once per `MAX_AGE_DAYS` (older answers
and "niet gecontroleerd" are asked again) and hangs the answers on the pages; the check itself
only reads them. `unchecked_addresses(answers)` lists what could not be checked, for the report.

Threads, not asyncio: the run is a management command and the ORM is synchronous, so a small
thread pool around one shared httpx client keeps every database write in the calling thread
without an event loop; the number of requests in flight is small (8 by default) and bounded by
the pool, so threads cost nothing that asyncio would save."""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ..quality_models import ExternalLinkCheck
from .base import ERROR, WARNING, PageUnderCheck, Problem, check
from .link_requests import BROKEN, INSECURE, OK, UNCHECKED, UNREACHABLE, Answer, HostPacer, LinkRequester, host_of

logger = logging.getLogger(__name__)

URL_MAX_LENGTH = ExternalLinkCheck._meta.get_field("url").max_length
Progress = Callable[[int, int], None]


def link_check_settings() -> dict:
    """`HUB_LINK_CHECK` (hub/settings/base.py; docs/operations.md)."""
    return settings.HUB_LINK_CHECK


def is_external(url: str) -> bool:
    """An address on another website: it starts with http:// or https://."""
    return (url or "").strip().lower().startswith(("http://", "https://"))


def check_urls(
    urls: Iterable[str],
    *,
    concurrency: int | None = None,
    per_host_interval: float | None = None,
    timeout: float | None = None,
    max_age: timedelta | None = None,
    progress: Progress | None = None,
) -> dict[str, ExternalLinkCheck]:
    """The answer for every external address in `urls`, keyed as given; other addresses are
    left out. A stored answer younger than `max_age` is reused; the rest are asked, at most
    `concurrency` at once and one request per host per `per_host_interval` seconds, and stored.
    `progress(done, total)` is called, in this thread, after each address that was asked.
    Never raises for a bad address or an unreachable server."""
    config = link_check_settings()
    concurrency = max(1, concurrency or config["CONCURRENCY"])
    interval = config["PER_HOST_INTERVAL"] if per_host_interval is None else per_host_interval
    timeout = timeout or config["TIMEOUT"]
    max_age = max_age if max_age is not None else timedelta(days=config["MAX_AGE_DAYS"])

    given: dict[str, list[str]] = {}  # stripped address -> the spellings it was given in
    for url in urls:
        if is_external(url):
            given.setdefault(url.strip(), []).append(url)
    rows = cached_answers(given, max_age=max_age)
    to_ask = [url for url in given if url not in rows]
    if to_ask:
        requester = LinkRequester(
            user_agent=config["USER_AGENT"],
            timeout=timeout,
            pacer=HostPacer(interval),
            max_redirects=config["MAX_REDIRECTS"],
            pool_size=concurrency,
            https_port=config["HTTPS_PORT"],
            ca_file=config["CA_FILE"],
        )
        try:
            answers = _ask_all(requester, to_ask, concurrency, progress)
        finally:
            requester.close()
        network = requester.network_answered.is_set()
        rows.update({url: _store(url, _settle(answer, network)) for url, answer in answers.items()})
    return {spelling: rows[url] for url, spellings in given.items() for spelling in spellings}


def cached_answers(urls: Iterable[str], *, max_age: timedelta | None = None) -> dict[str, ExternalLinkCheck]:
    """Stored answers younger than `max_age` (default: the setting), by address, without asking
    anyone; "niet gecontroleerd" is never reused, so the next run asks again."""
    if max_age is None:
        max_age = timedelta(days=link_check_settings()["MAX_AGE_DAYS"])
    urls = [url.strip() for url in urls]
    fresh = ExternalLinkCheck.objects.filter(url__in=urls, checked_at__gte=timezone.now() - max_age)
    return {row.url: row for row in fresh.exclude(outcome=UNCHECKED)}


def _ask_all(requester: LinkRequester, urls: list[str], concurrency: int, progress: Progress | None):
    """Ask every address; one task per host, so a host with many links takes one thread and its
    pace holds no other host up. The biggest hosts start first: they take longest."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(host_of(url), []).append(url)
    finished: queue.Queue[tuple[str, Answer]] = queue.Queue()

    def ask_host(host_urls: list[str]) -> None:
        for url in host_urls:
            finished.put((url, _ask_one(requester, url)))

    answers: dict[str, Answer] = {}
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="linkcontrole") as pool:
        for host_urls in sorted(by_host.values(), key=len, reverse=True):
            pool.submit(ask_host, host_urls)
        while len(answers) < len(urls):
            url, answer = finished.get()
            answers[url] = answer
            if progress:
                progress(len(answers), len(urls))
    return answers


def _ask_one(requester: LinkRequester, url: str) -> Answer:
    if len(url) > URL_MAX_LENGTH:
        return Answer(BROKEN, reason=f"Het adres is langer dan {URL_MAX_LENGTH} tekens.")
    try:
        return requester.check(url)
    except Exception:  # a fault of ours must not stop the run nor lose the answer slot
        logger.exception("External link check failed unexpectedly for %s", url)
        return Answer(UNCHECKED, reason="De controle liep vast door een fout in de hub.")


def _settle(answer: Answer, network: bool) -> Answer:
    """No connection means a site is down only when other sites did answer in this run; when
    nothing answered, this machine has no network and nothing was checked."""
    if answer.outcome != UNREACHABLE:
        return answer
    return Answer(BROKEN if network else UNCHECKED, answer.status_code, answer.reason, answer.final_url)


def _store(url: str, answer: Answer) -> ExternalLinkCheck:
    values = {
        "outcome": answer.outcome,
        "status_code": answer.status_code,
        "reason": answer.reason[:300],
        "final_url": answer.final_url if len(answer.final_url) <= URL_MAX_LENGTH else "",
        "checked_at": timezone.now(),
    }
    if len(url) > URL_MAX_LENGTH:  # cannot be stored; reported all the same
        return ExternalLinkCheck(url=url, **values)
    row, _created = ExternalLinkCheck.objects.update_or_create(url=url, defaults=values)
    return row


# The runner's side ------------------------------------------------------------------------------


def external_urls(pages: Iterable[PageUnderCheck]) -> set[str]:
    """Every external address the pages link to."""
    return {link.url for page in pages for _location, _where, link, _block in page.links() if is_external(link.url)}


def attach_external_answers(
    pages: list[PageUnderCheck], *, ask: bool = True, progress: Progress | None = None
) -> dict[str, ExternalLinkCheck]:
    """Fill `page.external` for every page: asked now (`ask`, a run with --external) or only
    what is stored and still fresh. Returns all answers, for `unchecked_addresses`."""
    urls = external_urls(pages)
    if ask:
        answers = check_urls(urls, progress=progress)
    else:
        stored = cached_answers(urls)
        answers = {url: stored[url.strip()] for url in urls if url.strip() in stored}
    for page in pages:
        page.external = {
            link.url: answers[link.url] for _location, _where, link, _block in page.links() if link.url in answers
        }
    return answers


def unchecked_addresses(answers: dict[str, ExternalLinkCheck]) -> list[ExternalLinkCheck]:
    """The addresses that could not be checked ("niet gecontroleerd"), once each, by address."""
    rows = {row.url: row for row in answers.values() if row.outcome == UNCHECKED}
    return [rows[url] for url in sorted(rows)]


# The check ---------------------------------------------------------------------------------------


@check("external_link", "Link naar buiten werkt niet", external=True)
def external_link(page: PageUnderCheck):
    for location, where, link, _block in page.links():
        answer = page.external.get(link.url) if is_external(link.url) else None
        if answer is None:
            continue
        if answer.outcome == BROKEN:
            yield Problem(
                code="external_link",
                severity=ERROR,
                message=f"Deze link naar een andere website werkt niet. {answer.reason}".strip(),
                fix="Zoek het goede adres op en pas de link aan. Bestaat de pagina niet meer? Haal de link dan weg.",
                location=location,
                where=where,
                detail=link.url,
            )
        elif answer.outcome == INSECURE:
            yield Problem(
                code="external_link",
                severity=WARNING,
                message="Deze link gebruikt een onbeveiligde verbinding (http://). De website werkt ook beveiligd.",
                fix=f"Verander het adres van de link in {answer.final_url}",
                location=location,
                where=where,
                detail=link.url,
            )


__all__ = [
    "BROKEN",
    "INSECURE",
    "OK",
    "UNCHECKED",
    "attach_external_answers",
    "cached_answers",
    "check_urls",
    "external_link",
    "external_urls",
    "is_external",
    "unchecked_addresses",
]
