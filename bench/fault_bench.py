"""Faults (issue #20, docs/operations.md "Faults"): what the hub does when a part fails.

    python -m bench.fault_bench            # needs services/postgres.sh (DATABASE_URL) and redis-server

Set-up: a fresh PostgreSQL database with the demo content, gunicorn (2 workers) on a Redis of
its own (so it can be killed), the outbox worker, and the search engine of SEARCH_URL (OpenSearch)
or the database engine. Three scenarios, each with its checks:

1. Redis killed while residents read: no failed request, slower answers, /health/ready says
   "degraded"; when Redis is back the cache is used again.
2. PostgreSQL restarted while a final editor publishes through the admin: every publish either
   succeeds or is answered 503 with the code DATABASE_UNAVAILABLE; afterwards no page is
   half-written (its live fields match its live revision) and no outbox task is lost.
3. The search worker killed in the middle of a batch: after a restart every task is applied and
   the index holds each page exactly once.
Writes bench/results/faults.json.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

from .catalogue_run import BASE_DIR, log, write_report
from .fault_parts import FaultSet, admin_session, measure_reads, publish_once, wait_until

NAME = "faults"


def scenario_redis(s: FaultSet) -> dict:
    with s.http() as client:
        warm = measure_reads(client, s.base_url, 200)
        s.redis.send_signal(signal.SIGKILL)
        s.redis.wait()
        away = measure_reads(client, s.base_url, 200)
        health_away = client.get(f"{s.base_url}/health/ready").json()
        s.start_redis()
        back_ok = wait_until(lambda: client.get(f"{s.base_url}/health/ready").json()["checks"]["cache"]["ok"], 30)
        measure_reads(client, s.base_url, 20)  # the first answers fill the cache again
        back = measure_reads(client, s.base_url, 200)
    return {
        "with_redis": warm,
        "redis_killed": away,
        "health_while_away": {"status": health_away["status"], "cache": health_away["checks"]["cache"]},
        "redis_back_in_health_check": back_ok,
        "redis_back": back,
        "failed_requests": warm["errors"] + away["errors"] + back["errors"],
        "cached_get_server_p50_ms": back["server_p50_ms"],
        "cached_get_target_ms": 1.0,
        "target": "0 failed requests; no answer from process memory while Redis is away (0 hits); "
        "status 'degraded' meanwhile; cache hits again after",
        "met": warm["errors"] + away["errors"] + back["errors"] == 0
        and away["hits"] == 0
        and health_away["status"] == "degraded"
        and back["hits"] > 0,
    }


def scenario_postgres(s: FaultSet, seconds: float = 24.0) -> dict:
    """A final editor publishes in a loop; PostgreSQL restarts (in another thread) meanwhile."""
    outcomes: dict[str, int] = {}
    published: list[int] = []
    restart: dict = {}
    started = time.monotonic()
    since = s.database_now()

    def restart_later():
        time.sleep(6)
        t0 = time.monotonic()
        s.restart_postgres()
        restart.update(at_s=round(t0 - started, 1), took_s=round(time.monotonic() - t0, 1))

    restarter = threading.Thread(target=restart_later)
    with admin_session(s.base_url, "eindredacteur") as editor:
        restarter.start()
        while time.monotonic() - started < seconds or restarter.is_alive():
            outcome, page_id = publish_once(editor, s.base_url)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if outcome == "published":
                published.append(page_id)
    restarter.join()
    checks = s.after_publishing(published, since)
    unexpected = {k: v for k, v in outcomes.items() if k not in {"published", "DATABASE_UNAVAILABLE"}}
    return {
        "seconds": seconds,
        "restart": restart,
        "outcomes": outcomes,
        **checks,
        "target": "each publish succeeds or gets DATABASE_UNAVAILABLE; no half-written page; no lost task",
        "met": not unexpected
        and outcomes.get("published", 0) > 0
        and checks["half_written_pages"] == []
        and checks["lost_outbox_tasks"] == 0,
    }


def scenario_worker(s: FaultSet) -> dict:
    s.stop_worker()
    total = s.enqueue_everything()
    s.start_worker(batch=10)
    killed_at = wait_until(lambda: 0 < s.applied_since_enqueue() < total, 60, interval=0.02)
    applied_when_killed = s.applied_since_enqueue()
    s.worker.send_signal(signal.SIGKILL)
    s.worker.wait()
    s.start_worker(batch=10)
    done = wait_until(lambda: s.pending_tasks() == 0, 120)
    index = s.index_check()
    return {
        "tasks": total,
        "killed_in_the_middle": bool(killed_at) and applied_when_killed < total,
        "applied_when_killed": applied_when_killed,
        "all_applied_after_restart": done,
        **index,
        "target": "every task applied; the index holds every live page once",
        "met": bool(done) and index["documents"] == index["live_pages"] and index["duplicates"] == 0,
    }


def main(argv=None) -> int:
    quick = os.environ.get("BENCH_QUICK") == "1"
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        log("fault_bench: needs DATABASE_URL of services/postgres.sh (PostgreSQL); skipped")
        write_report(NAME, str(BASE_DIR / "bench/results/faults.json"), {"skipped": "no PostgreSQL"}, {})
        return 0
    results, summary = {}, {}
    scenarios = {
        "redis_gone": scenario_redis,
        "postgres_restart": lambda fs: scenario_postgres(fs, 12.0 if quick else 24.0),
        "worker_killed": scenario_worker,
    }
    chosen = os.environ.get("FAULT_SCENARIOS", ",".join(scenarios)).split(",")
    with FaultSet(base_url, search_url=os.environ.get("SEARCH_URL", "")) as s:
        for name, run in ((n, scenarios[n]) for n in chosen):
            log(f"== fault scenario: {name}")
            try:
                results[name] = run(s)
            except Exception as error:  # noqa: BLE001 - one broken scenario must not hide the others
                results[name] = {"error": f"{type(error).__name__}: {error}", "met": False}
            summary[name] = "met" if results[name].get("met") else "NOT MET"
            log(f"   {summary[name]}")
    summary["search_engine"] = "opensearch" if os.environ.get("SEARCH_URL") else "database"
    write_report(NAME, str(BASE_DIR / "bench/results/faults.json"), summary, results)
    return 0 if all(v == "met" for k, v in summary.items() if k != "search_engine") else 1


if __name__ == "__main__":
    sys.path.insert(0, str(BASE_DIR))
    sys.exit(main())
