"""Cluster benchmark: search and publish on a three-node OpenSearch cluster while a node dies.

    .venv/bin/python -m bench.cluster_bench [--pages 1000] [--kill-after 10] [--down 20] [--out ...]

The generated catalogue (bench/generate.py; a copy, so the cached database stays as it was) is
indexed with one replica on services/opensearch-cluster.sh (the index stays on the cluster's
disk for the next run: building it is set-up, and slow). Search threads then query through
the hub (`search.query.search`, SEARCH_URL = the three nodes) without pause, and an editor
publishes a changed page every half second, each followed by a round of the outbox worker
(`apply_pending`; in one thread, because SQLite has one writer). After --kill-after seconds the
node holding the index's primary shard gets SIGKILL; --down seconds later it is started again,
and the run goes on until the cluster is green plus --after seconds. Reported in
bench/results/cluster.json: searches, failed searches (after the client's retries), p50/p95
before, during and after the loss, tasks enqueued and applied, and seconds back to green.
A cluster that does not start gives a result that says why, not a crash.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sqlite3
import statistics
import subprocess
import threading
import time
from pathlib import Path

from .catalogue import PRODUCTS
from .catalogue_run import BASE_DIR, RESULTS, generate_database, log, write_report

CLUSTER = BASE_DIR / "services" / "opensearch-cluster.sh"
PREFIX = "bench-cluster"
QUERIES = [word for _, word in PRODUCTS[:12]]
TARGETS = {"failed_searches": 0, "tasks_applied": "all enqueued", "green_after_return_s": 60, "p95_during_ms": 500}


def parse_args(argv=None) -> argparse.Namespace:
    quick = os.environ.get("BENCH_QUICK") == "1"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200 if quick else 1000)
    parser.add_argument("--threads", type=int, default=2, help="search threads")
    parser.add_argument("--warmup", type=float, default=3.0 if quick else 10.0, help="seconds, not measured")
    parser.add_argument("--kill-after", type=float, default=5.0 if quick else 10.0)
    parser.add_argument("--down", type=float, default=10.0 if quick else 20.0, help="seconds the node stays dead")
    parser.add_argument("--after", type=float, default=5.0 if quick else 10.0, help="seconds measured after green")
    parser.add_argument("--out", default=str(RESULTS / "cluster.json"))
    return parser.parse_args(argv)


def cluster(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLUSTER), *args], capture_output=True, text=True, timeout=timeout, check=False)  # noqa: S603


def private_database(pages: int) -> dict:
    """The generated catalogue, copied for this run (pages are published into it)."""
    env, generated = generate_database(pages)
    url = env.get("DATABASE_URL", "")
    if url:
        import psycopg

        source = url.rsplit("/", 1)[1]
        copy = f"{source}_cluster"
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{copy}"')
            conn.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{source}"')
        return {"DATABASE_URL": url.rsplit("/", 1)[0] + "/" + copy}
    source = Path(generated["database"])
    copy = source.with_name(f"cluster-{source.name}")
    for suffix in ("-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, copy)
    with sqlite3.connect(copy) as conn:  # readers and the one writer do not wait for each other
        conn.execute("PRAGMA journal_mode=WAL")
    return {"BENCH_SQLITE": str(copy)}


class Recorder:
    """Latency and outcome of every search, by phase; thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.phase = "before"
        self.samples: dict[str, list[float]] = {"before": [], "during": [], "after": []}
        self.failed: dict[str, list[str]] = {"before": [], "during": [], "after": []}
        self.wrong: dict[str, int] = {"before": 0, "during": 0, "after": 0}

    def add(self, phase, ms=None, error=None, wrong=False):
        with self.lock:
            if error is not None:
                self.failed[phase].append(error)
            else:
                self.samples[phase].append(ms)
                self.wrong[phase] += wrong


class RetryCounter(logging.Handler):
    """Counts the client's "connection failed, trying another node" warnings."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        if "has failed for" in record.getMessage():
            self.count += 1


def searcher(recorder: Recorder, expected: dict[str, int], stop: threading.Event, offset: int):
    from django.db import connection

    from content.visibility import Viewer
    from search.query import search

    i = offset
    while not stop.is_set():
        word = QUERIES[i % len(QUERIES)]
        i += 1
        phase = recorder.phase
        started = time.perf_counter()
        try:
            total = search(word, viewer=Viewer()).total
        except Exception as error:  # noqa: BLE001 - every failure is a result here
            recorder.add(phase, error=f"{type(error).__name__}: {error}"[:300])
            continue
        recorder.add(phase, ms=(time.perf_counter() - started) * 1000, wrong=total != expected[word])
    connection.close()


def editor(stop: threading.Event, published: list[int], rounds: list[dict], errors: list[str]):
    """Publishes a changed page every half second and runs a round of the outbox worker."""
    from django.db import connection

    from content.models import ProductPage
    from search.outbox import apply_pending

    page_ids = list(ProductPage.objects.live().order_by("pk").values_list("pk", flat=True))
    n = 0
    while not stop.is_set():
        try:
            page = ProductPage.objects.get(pk=page_ids[n % len(page_ids)]).get_latest_revision_as_object()
            suffix = f" (bijgewerkt, ronde {n})"
            page.summary = page.summary.split(" (bijgewerkt", 1)[0][: 160 - len(suffix)] + suffix
            page.save_revision().publish()
            published.append(page.pk)
            n += 1
            report = apply_pending()
            rounds.append({"t": time.monotonic(), "applied": report.applied, "failed": report.failed})
        except Exception as error:  # noqa: BLE001 - reported, and the run goes on
            errors.append(f"{type(error).__name__}: {error}"[:300])
        stop.wait(0.5)
    connection.close()


def percentiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1)}


def ensure_index(engine, pages: int, documents) -> tuple[int, str]:
    """The catalogue's index with one replica. Building it is set-up, not measured, and slow
    (about 10 pages/s on two busy cores), so the index of an earlier run with as many pages is
    kept on the cluster's disk and used again; every page a run publishes is indexed anew."""
    try:
        if engine.count() == pages and engine.replicas == 1:
            log(f"using the index of an earlier run ({pages:,} pages)")
            return pages, "reused"
    except Exception:  # noqa: BLE001 - no index yet (or a broken one): build it
        pass
    engine.drop_all()
    started = time.perf_counter()
    indexed = engine.rebuild(documents())
    built_s = time.perf_counter() - started
    log(f"indexed {indexed:,} pages with one replica in {built_s:.1f} s")
    return indexed, f"built in {built_s:.0f} s"


def primary_node(engine) -> int:
    (index,) = engine._indices_of(engine.alias)
    rows = engine.client.cat.shards(index=index, format="json")
    return int(next(r for r in rows if r["prirep"] == "p")["node"].rsplit("-", 1)[1])


def scenario(args, urls: str) -> tuple[dict, dict]:
    import django

    django.setup()
    from content.models import OutboxTask
    from content.visibility import Viewer
    from search.documents import count_indexable_pages, indexable_documents
    from search.engines import get_engine
    from search.outbox import apply_pending, outbox_status
    from search.query import search

    engine = get_engine()
    indexed, index = ensure_index(engine, count_indexable_pages(), indexable_documents)
    OutboxTask.objects.filter(subscriber="search").delete()  # the index covers the import's tasks
    # Warm up (a node started a minute ago is still compiling); the totals every later search must give.
    warm_until = time.monotonic() + args.warmup
    while True:
        expected = {word: search(word, viewer=Viewer()).total for word in QUERIES}
        if time.monotonic() >= warm_until:
            break

    recorder, stop = Recorder(), threading.Event()
    retries = RetryCounter()
    client_log = logging.getLogger("opensearch")
    client_log.addHandler(retries)
    client_log.propagate = False  # counted here; their tracebacks would drown the output
    published: list[int] = []
    rounds: list[dict] = []
    editor_errors: list[str] = []
    threads = [threading.Thread(target=searcher, args=(recorder, expected, stop, i * 5)) for i in range(args.threads)]
    threads.append(threading.Thread(target=editor, args=(stop, published, rounds, editor_errors)))
    run_started = time.monotonic()
    for thread in threads:
        thread.start()
    events: dict = {}
    try:
        time.sleep(args.kill_after)
        victim = primary_node(engine)
        recorder.phase = "during"
        events["killed_node"] = victim
        events["kill"] = cluster("kill", str(victim)).stdout.strip()
        killed_at = time.monotonic()
        log(f"node {victim} killed after {killed_at - run_started:.1f} s")
        time.sleep(args.down)
        returned_at = time.monotonic()
        restart = cluster("start-node", str(victim))
        events["start_node"] = (restart.stdout + restart.stderr).strip()[-500:]
        joined_at = time.monotonic()
        health = engine.client.cluster.health(wait_for_status="green", timeout="60s", request_timeout=70)
        green_at = time.monotonic()
        recorder.phase = "after"
        log(
            f"node {victim} back: joined after {joined_at - returned_at:.1f} s, "
            f"green after {green_at - returned_at:.1f} s"
        )
        events.update(
            down_s=round(returned_at - killed_at, 1),
            joined_after_return_s=round(joined_at - returned_at, 1),
            green_after_return_s=round(green_at - returned_at, 1) if health["status"] == "green" else None,
            status_after=health["status"],
        )
        time.sleep(args.after)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        client_log.removeHandler(retries)
        client_log.propagate = True
    run_s = time.monotonic() - run_started

    deadline = time.monotonic() + 30  # the worker catches up, respecting the tasks' backoff
    while outbox_status()["pending"] and time.monotonic() < deadline:
        apply_pending()
        time.sleep(0.5)
    tasks = OutboxTask.objects.filter(subscriber="search", object_id__in=set(published))
    enqueued, applied = tasks.count(), tasks.filter(applied_at__isnull=False).count()
    retried = tasks.filter(attempts__gt=0).count()
    # The index holds the last change: the page's summary as the editor last published it.
    last = engine.client.get(index=engine.alias, id=str(published[-1]))["_source"] if published else {}
    last_in_index = last.get("summary", "").endswith(f"ronde {len(published) - 1})")

    searches = sum(len(recorder.samples[p]) + len(recorder.failed[p]) for p in recorder.samples)
    failed = sum(len(v) for v in recorder.failed.values())
    summary = {
        "pages": indexed,
        "index": index,
        "nodes": 3,
        "replicas": 1,
        "search_threads": args.threads,
        "run_s": round(run_s, 1),
        "searches": searches,
        "failed_searches": failed,
        "searches_with_other_total": sum(recorder.wrong.values()),
        "client_retries_on_another_node": retries.count,
        **{f"search_{phase}": percentiles(recorder.samples[phase]) for phase in ("before", "during", "after")},
        "publishes": len(published),
        "publish_errors": len(editor_errors),
        "tasks_enqueued": enqueued,
        "tasks_applied": applied,
        "tasks_applied_after_retry": retried,
        "last_publish_in_index": last_in_index,
        "killed_node": events.get("killed_node"),
        "down_s": events.get("down_s"),
        "joined_after_return_s": events.get("joined_after_return_s"),
        "green_after_return_s": events.get("green_after_return_s"),
        "targets": TARGETS,
    }
    detail = {
        "events": events,
        "failures": {p: v[:10] for p, v in recorder.failed.items()},
        "queries": QUERIES,
        "expected_totals": expected,
        "editor_errors": editor_errors[:10],
        "outbox_rounds": len(rounds),
        "outbox_rounds_failed": sum(1 for r in rounds if r["failed"]),
        "search_url": urls,
    }
    return summary, detail


def main(argv=None) -> int:
    args = parse_args(argv)
    os.environ.update(private_database(args.pages))
    was_running = cluster("status").returncode == 0
    started = cluster("start")
    if started.returncode != 0:
        reason = (started.stdout + started.stderr).strip()[-1500:]
        log(f"the cluster did not start; writing a result that says so:\n{reason}")
        write_report(
            "cluster",
            args.out,
            {"error": "the OpenSearch cluster did not start", "targets": TARGETS},
            {"reason": reason},
        )
        return 0
    urls = cluster("url").stdout.strip()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SEARCH_ENGINE="opensearch",
        SEARCH_URL=urls,
        SEARCH_INDEX_PREFIX=f"{PREFIX}-{args.pages}",
        SEARCH_INDEX_REPLICAS="1",
        BENCH_SEARCH_AUTO_UPDATE="0",  # the worker applies the tasks, not the publish
    )
    try:
        summary, detail = scenario(args, urls)
    except Exception as error:  # noqa: BLE001 - the result file says what broke
        log(f"the cluster benchmark broke off: {type(error).__name__}: {error}")
        write_report("cluster", args.out, {"error": f"{type(error).__name__}: {error}", "targets": TARGETS}, {})
        raise
    finally:
        cluster("start" if was_running else "stop")
    write_report("cluster", args.out, summary, detail)
    log(
        f"{summary['searches']:,} searches, {summary['failed_searches']} failed; outbox {summary['tasks_applied']}"
        f"/{summary['tasks_enqueued']} applied; green {summary['green_after_return_s']} s after the node returned"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
