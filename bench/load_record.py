"""What the load test's locust process records beyond locust's own CSV files: every request's
time by kind of user (so percentiles per kind are exact, not merged from per-name ones), each
publish→searchable delay, and the first errors. Written as JSON when the run stops."""

from __future__ import annotations

import json
import time
from collections import defaultdict

from .stats import percentile

KINDS = ("resident", "app", "editor", "check")
MAX_ERRORS = 20


class Recorder:
    def __init__(self):
        self.times: dict[str, list[float]] = defaultdict(list)  # by "kind: name" and by kind
        self.failures: dict[str, int] = defaultdict(int)
        self.errors: list[dict] = []
        self.searchable: list[dict] = []
        self.publishes: list[dict] = []
        self.started = self.stopped = None

    def start(self):
        self.started = time.time()

    def stop(self):
        self.stopped = time.time()

    def request(self, name: str, response_time: float, exception) -> None:
        kind = name.split(":", 1)[0]
        for key in (name, kind):
            self.times[key].append(response_time)
            if exception is not None:
                self.failures[key] += 1
        if exception is not None and len(self.errors) < MAX_ERRORS:
            self.errors.append({"at_s": self.elapsed(), "request": name, "error": str(exception)[:300]})

    def elapsed(self) -> float:
        return round(time.time() - (self.started or time.time()), 1)

    def published(self, page: dict, word: str, seconds: float, b1_reason: bool) -> None:
        self.publishes.append(
            {
                "at_s": self.elapsed(),
                "ref": page["ref"],
                "word": word,
                "post_s": round(seconds, 2),
                "b1_reason": b1_reason,
            }
        )

    def checked(self, page: dict, word: str, delay: float | None, polls: int, sent: float | None = None) -> None:
        """`delay`: seconds from the publish's answer to the answer of the first search that
        found the page (None: not found within the checker's time limit); `sent`: when that
        search was sent, so the time the search request itself took can be told apart."""
        self.searchable.append(
            {
                "ref": page["ref"],
                "word": word,
                "seconds": None if delay is None else round(delay, 2),
                "sent_s": None if sent is None else round(sent, 2),
                "polls": polls,
            }
        )

    def report(self) -> dict:
        wall = (self.stopped or time.time()) - (self.started or time.time())
        groups = {}
        for key, values in sorted(self.times.items()):
            groups[key] = {
                "requests": len(values),
                "failures": self.failures.get(key, 0),
                "rps": round(len(values) / wall, 2) if wall else None,
                "p50_ms": percentile(values, 50),
                "p95_ms": percentile(values, 95),
                "p99_ms": percentile(values, 99),
                "max_ms": round(max(values), 1),
            }
        return {
            "wall_s": round(wall, 1),
            "requests": {key: value for key, value in groups.items() if ":" in key},
            "kinds": {key: value for key, value in groups.items() if ":" not in key},
            "errors": self.errors,
            "publishes": self.publishes,
            "searchable": self.searchable,
        }

    def write(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as file:
            json.dump(self.report(), file, indent=2)
