"""Prometheus metrics and the Server-Timing header (docs/operations.md, "Metrics").

`RequestMetricsMiddleware` comes first in MIDDLEWARE: it times every request, counts it per
view, method and status, and per GraphQL operation and response-cache outcome, and tells the
caller the server's own time in `Server-Timing` (`app;dur=<ms>`, and `cache;desc=hit|miss`).
`/metrics` shows them in Prometheus' text format, with the outbox's lag and backlog and the
shared cache's state read when scraped. With several gunicorn workers, set
PROMETHEUS_MULTIPROC_DIR to an empty folder for the workers to share (bench/gunicorn_conf.py and
docs/operations.md show how). Labels stay bounded: an operation name a client made up counts
as "other" once MAX_OPERATIONS names are known.
"""

from __future__ import annotations

import ipaddress
import os
import re
from time import perf_counter

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

MAX_OPERATIONS = 200
_OPERATION_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_known_operations: set[str] = set()

REQUESTS = Counter("hub_http_requests_total", "HTTP requests answered.", ["view", "method", "status"])
REQUEST_SECONDS = Histogram(
    "hub_http_request_duration_seconds",
    "Server time of an HTTP request.",
    ["view"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
GRAPHQL_REQUESTS = Counter(
    "hub_graphql_requests_total", "GraphQL requests per operation.", ["operation", "cache", "status"]
)
GRAPHQL_SECONDS = Histogram(
    "hub_graphql_request_duration_seconds",
    "Server time of a GraphQL request per operation.",
    ["operation"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)


def operation_label(name: str | None) -> str:
    if not name:
        return "anonymous"
    if not _OPERATION_NAME.match(name):
        return "other"
    if name not in _known_operations:
        if len(_known_operations) >= MAX_OPERATIONS:
            return "other"
        _known_operations.add(name)
    return name


class RequestMetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = perf_counter()
        response = self.get_response(request)
        seconds = perf_counter() - started
        match = getattr(request, "resolver_match", None)
        view = (match.url_name or match.view_name or "other") if match else "unmatched"
        REQUESTS.labels(view, request.method if request.method in _METHODS else "other", response.status_code).inc()
        REQUEST_SECONDS.labels(view).observe(seconds)
        timing = f"app;dur={seconds * 1000:.2f}"
        cache = getattr(request, "_hub_cache", None)
        if view == "graphql":
            operation = operation_label(getattr(request, "_hub_operation", None))
            GRAPHQL_REQUESTS.labels(operation, cache or "none", response.status_code).inc()
            GRAPHQL_SECONDS.labels(operation).observe(seconds)
        if cache:
            timing += f', cache;desc="{cache}"'
        response["Server-Timing"] = timing
        return response


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class StateCollector:
    """Outbox backlog and lag, and the shared cache's state, read at scrape time."""

    def collect(self):
        from content.generation import shared_cache_available
        from content.outbox import outbox_status

        lag = GaugeMetricFamily("hub_outbox_lag_seconds", "Age of the oldest due outbox task.", labels=["subscriber"])
        pending = GaugeMetricFamily("hub_outbox_pending_tasks", "Outbox tasks not applied yet.", labels=["subscriber"])
        failed = GaugeMetricFamily(
            "hub_outbox_failing_tasks", "Outbox tasks that failed at least once.", labels=["subscriber"]
        )
        for name, row in outbox_status().items():
            lag.add_metric([name], row["lag_seconds"])
            pending.add_metric([name], row["pending"])
            failed.add_metric([name], row["failed"])
        yield from (lag, pending, failed)
        cache = GaugeMetricFamily("hub_shared_cache_available", "1 when the shared cache answers.")
        cache.add_metric([], 1.0 if shared_cache_available() else 0.0)
        yield cache


def _allowed(request) -> bool:
    token = settings.HUB_METRICS_TOKEN
    if token and request.META.get("HTTP_AUTHORIZATION", "") == f"Bearer {token}":
        return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    for allowed in settings.HUB_METRICS_ALLOWED:
        try:
            if address in ipaddress.ip_network(allowed, strict=False):
                return True
        except ValueError:
            continue
    return False


def metrics(request):
    """Prometheus' text format; only for the addresses in HUB_METRICS_ALLOWED or the token."""
    if not _allowed(request):
        return HttpResponseForbidden("Forbidden\n", content_type="text/plain")
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY

        registry = REGISTRY
    body = generate_latest(registry) + generate_latest(_state_registry())
    response = HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response


def _state_registry() -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(StateCollector())
    return registry
