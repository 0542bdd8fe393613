"""Load test: residents, the app and editors at once against one hub, with locust.

    DATABASE_URL=<postgres> python -m bench.load_bench [--seconds 75] [--users 24]
    BENCH_QUICK=1 python -m bench.load_bench     # 20 s

Set-up (bench/load_setup.py): a fresh copy of the generated catalogue (1,000 pages) on
PostgreSQL, final-editor accounts, a fresh OpenSearch index; then gunicorn serving the hub with
production settings over HTTP (bench/load_settings.py), publishing only writing the outbox, and
a separate `manage.py outbox_worker` indexing. Locust runs headless and bounded in time with the
users of bench/locustfile.py. Writes bench/results/load.json (see docs/benchmarks.md, "Load test").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .catalogue_run import BASE_DIR, RESULTS, log, write_report
from .load_report import load_markdown, summarise
from .load_setup import DEFAULT_CACHE_URL, DEFAULT_SEARCH_URL, check_services, hub_env, load_database, prepare
from .servers import VENV_BIN, Server


def parse_args(argv=None) -> argparse.Namespace:
    quick = os.environ.get("BENCH_QUICK") == "1"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="catalogue size (default 1000)")
    parser.add_argument("--seconds", type=int, default=20 if quick else 75, help="load duration (default 75)")
    parser.add_argument("--users", type=int, default=12 if quick else 24, help="all users, editors and app included")
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--apps", type=int, default=1)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker; more than 1 means gthread")
    parser.add_argument("--search-url", default=os.environ.get("SEARCH_URL") or DEFAULT_SEARCH_URL)
    parser.add_argument("--index-prefix", default=os.environ.get("BENCH_INDEX_PREFIX", "bench-load"))
    parser.add_argument("--cache-url", default=os.environ.get("HUB_CACHE_URL") or DEFAULT_CACHE_URL)
    parser.add_argument("--out", default=str(RESULTS / "load.json"))
    args = parser.parse_args(argv)
    if args.users < args.editors + args.apps + 1:
        parser.error("--users must leave room for at least one resident")
    return args


def memory(server: Server, outbox_worker: subprocess.Popen) -> dict:
    """Resident memory of each gunicorn worker (RSS, its peak so far, and PSS: shared pages
    divided among the processes that share them) and the outbox worker's RSS, in MB."""
    import psutil

    workers = []
    for pid in server.worker_pids():
        info = psutil.Process(pid).memory_full_info()
        peak_kb = int(Path(f"/proc/{pid}/status").read_text().split("VmHWM:")[1].split()[0])
        workers.append(
            {
                "pid": pid,
                "rss_mb": round(info.rss / 2**20, 1),
                "peak_mb": round(peak_kb / 1024, 1),
                "pss_mb": round(info.pss / 2**20, 1),
            }
        )
    outbox = psutil.Process(outbox_worker.pid).memory_info().rss if outbox_worker.poll() is None else None
    return {"workers": workers, "outbox_worker_mb": round(outbox / 2**20, 1) if outbox else None}


def warm_up(base_url: str, plan: dict, workers: int) -> float:
    """Each kind of public request a few times per worker, one at a time, before the load: the
    load measures a running hub, not its first requests. Returns the seconds it took."""
    import httpx

    from . import load_queries as q

    started = time.perf_counter()
    requests = [
        (q.PAGE, q.page_variables(plan["pages"][0])),
        (q.PAGES, q.listing_variables()),
        (q.SEARCH, q.search_variables(plan["searches"][0].lower())),
        (q.SUGGEST, {"prefix": plan["searches"][0][:4].lower(), "site": q.SITE}),
        (q.SYNC, q.sync_variables(None)),
    ]
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for _ in range(workers * 2):
            for document, variables in requests:
                client.get("/graphql/", params=q.get_params(document, variables)).raise_for_status()
    return round(time.perf_counter() - started, 1)


def run_locust(args, base_url: str, env: dict, work: Path) -> dict:
    """Locust, headless, for `args.seconds`; returns what bench/locustfile.py recorded."""
    results = work / "recorded.json"
    command = [
        str(VENV_BIN / "locust"),
        "--locustfile",
        str(BASE_DIR / "bench" / "locustfile.py"),
        "--headless",
        "--host",
        base_url,
        "--users",
        str(args.users),
        "--spawn-rate",
        str(max(1, args.users // 2)),
        "--run-time",
        f"{args.seconds}s",
        "--stop-timeout",
        "15",
        "--csv",
        str(work / "locust"),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
    ]
    locust_env = {
        **env,
        "PYTHONPATH": str(BASE_DIR),
        "LOAD_PLAN": str(work / "plan.json"),
        "LOAD_RESULTS": str(results),
        "LOAD_EDITORS": str(args.editors),
        "LOAD_APPS": str(args.apps),
    }
    log(f"locust: {args.users} users for {args.seconds} s")
    subprocess.run(command, cwd=BASE_DIR, env=locust_env, check=True, timeout=args.seconds + 120)  # noqa: S603
    return json.loads(results.read_text(encoding="utf-8"))


def main(argv=None):
    args = parse_args(argv)
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    services = check_services(args.search_url, args.cache_url)
    database_url = load_database(args.pages)
    env = hub_env(database_url, search_url=args.search_url, index_prefix=args.index_prefix, cache_url=args.cache_url)
    worker_args = ("--worker-class", "gthread", "--threads", str(args.threads)) if args.threads > 1 else ()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        work = Path(tmp)
        log("set-up: editors, search index rebuild")
        plan = prepare(env, str(work / "plan.json"), args.editors)
        log(f"gunicorn: {args.workers} workers; outbox worker")
        server = Server(env, workers=args.workers, worker_args=worker_args).start()
        outbox_log = (work / "outbox_worker.log").open("w")
        outbox_worker = subprocess.Popen(  # noqa: S603 - our own command
            [sys.executable, "manage.py", "outbox_worker"], cwd=BASE_DIR, env=env, stdout=outbox_log, stderr=outbox_log
        )
        try:
            memory_booted = memory(server, outbox_worker)
            warm_up_s = warm_up(server.base_url, plan, args.workers)
            memory_start = memory(server, outbox_worker)
            recorded = run_locust(args, server.base_url, env, work)
            memory_end = memory(server, outbox_worker)
        finally:
            outbox_worker.terminate()
            outbox_worker.wait(timeout=20)
            outbox_log.close()
            server.stop()
        outbox_lines = (work / "outbox_worker.log").read_text(encoding="utf-8").splitlines()
        csv = {path.name: path.read_text(encoding="utf-8") for path in sorted(work.glob("locust_*.csv"))}
    settings = {
        "pages": args.pages,
        "seconds": args.seconds,
        "users": args.users,
        "editors": args.editors,
        "apps": args.apps,
        "residents": args.users - args.editors - args.apps,
        "workers": args.workers,
        "worker_class": "gthread" if args.threads > 1 else "sync",
        "threads": args.threads,
        "cpus": os.cpu_count(),
        "load_average_before": round(load_before, 2),
    }
    summary = summarise(recorded, {"booted": memory_booted, "start": memory_start, "end": memory_end}, settings)
    detail = {
        "services": services,
        "outbox_set_aside_at_setup": plan["outbox_set_aside"],
        "recorded": recorded,
        "warm_up_s": warm_up_s,
        "memory": {"booted": memory_booted, "start": memory_start, "end": memory_end},
        "locust_stats_csv": csv.get("locust_stats.csv"),
        "locust_failures_csv": csv.get("locust_failures.csv"),
        "outbox_worker_applied": sum(1 for line in outbox_lines if line.startswith("search: applied")),
        "outbox_worker_log_tail": outbox_lines[-10:],
        "duration_s": round(time.perf_counter() - started, 1),
    }
    write_report("load", args.out, summary, detail)
    report = json.loads(Path(args.out).read_text(encoding="utf-8"))
    print("\n".join(load_markdown(report)))
    print(f"\nWritten {args.out} in {detail['duration_s']:.0f} s")


if __name__ == "__main__":
    main()
