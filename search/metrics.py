"""Search's own Prometheus metric (docs/operations.md, "Metrics"): how long a search takes,
from the query as typed to the visible hits, per engine and outcome."""

from __future__ import annotations

from contextlib import contextmanager
from time import perf_counter

from prometheus_client import Histogram

SEARCH_SECONDS = Histogram(
    "hub_search_duration_seconds",
    "Time of one search (query understanding, engine round trips, visibility check).",
    ["engine", "outcome"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)


@contextmanager
def timed_search(engine_name: str):
    started = perf_counter()
    outcome = "error"
    try:
        yield
        outcome = "ok"
    finally:
        SEARCH_SECONDS.labels(engine_name, outcome).observe(perf_counter() - started)
