"""API benchmark: our GraphQL API against wagtail-grapple and Wagtail's REST API v2.

    python -m bench.api_bench            # 1,000 and 10,000 pages (about 10 minutes on 2 cores)
    python -m bench.api_bench --quick    # 200 pages, short runs: a smoke test

For every catalogue size the same database serves all three APIs from one gunicorn (2 sync
workers, restarted for each API). Latency, throughput and memory are measured over HTTP on
127.0.0.1; SQL queries per request are counted in-process with Django's test client. Prints a
Markdown table and writes bench/results/api.json. See docs/benchmarks.md.

This module runs the sizes one after the other; the parts live beside it: servers.py (gunicorn),
load.py (HTTP requests and timing), inprocess.py (SQL counts), stats.py (ratios and targets),
markdown_report.py (the tables).
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from .inprocess import inprocess
from .load import http_bench
from .markdown_report import api_markdown
from .servers import BASE_DIR, WORKERS
from .stats import summarise

RESULTS = BASE_DIR / "bench" / "results"


def database_env(pages: int) -> dict:
    """Environment for one catalogue size: its own SQLite file, or its own PostgreSQL database.

    The PostgreSQL database is named `<prefix>_<N>_<catalogue tag>`, the prefix being
    BENCH_DB_PREFIX or else `<database of DATABASE_URL>_bench`: checkouts that share one server
    give each their own prefix."""
    from urllib.parse import urlsplit, urlunsplit

    from .generate import catalogue_tag

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    # The server's URL as given; DATABASE_URL of a sized environment names one catalogue.
    url = os.environ.get("BENCH_SERVER_URL") or os.environ.get("DATABASE_URL")
    if not url:
        return env
    env["BENCH_SERVER_URL"] = url
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        raise SystemExit("DATABASE_URL must be PostgreSQL (or unset for SQLite)")
    # BENCH_DB_PREFIX keeps the databases of two checkouts on one server apart.
    prefix = os.environ.get("BENCH_DB_PREFIX") or f"{parts.path.lstrip('/')}_bench"
    name = f"{prefix}_{pages}_{catalogue_tag(pages)}"
    # bench/generate.py creates it (under another name, renamed when complete).
    env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    return env


def run_sizes(args, log) -> dict:
    from .catalogue_run import generate_database

    sizes = {}
    for pages in args.pages:
        log(f"{pages:,} pages: database")
        env, generate = generate_database(pages)
        log(f"{pages:,} pages: SQL queries per request (in-process)")
        counted = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.api_bench",
                "--inprocess",
                str(pages),
                "--sample",
                str(args.sample),
                "--query-pages",
                str(args.query_pages),
            ],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        measured = json.loads(counted.stdout.strip().splitlines()[-1])
        log(f"{pages:,} pages: HTTP")
        load_before = os.getloadavg()[0]
        http = http_bench(env, measured["sample"], args, log)
        sizes[str(pages)] = {
            "generate": generate,
            "database": measured["database"],
            "queries": measured["queries"],
            "inprocess_product": measured["inprocess_product"],
            "response_bytes": measured["bytes"],
            "sample_pages": len(measured["sample"]),
            "http": http,
            # Other work on the machine skews every figure; the 1-minute load average tells.
            "load_average_before": round(load_before, 2),
        }
    return sizes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 pages and short runs (smoke test)")
    parser.add_argument("--pages", type=int, nargs="+", help="catalogue sizes (default 1000 10000)")
    parser.add_argument("--sample", type=int, help="pages requested per API (default 30)")
    parser.add_argument("--rounds", type=int, help="warm requests per sampled page (default 3)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients for req/s (default 8)")
    parser.add_argument("--seconds", type=float, help="duration of the req/s run (default 10)")
    parser.add_argument("--max-requests", type=int, default=20_000, help="cap per req/s run")
    parser.add_argument("--query-pages", type=int, default=5, help="pages whose SQL queries are counted")
    parser.add_argument("--out", type=Path, default=RESULTS / "api.json")
    parser.add_argument("--inprocess", type=int, metavar="PAGES", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.inprocess:
        print(json.dumps(inprocess(args.inprocess, args.sample, args.query_pages)))
        return
    quick = args.quick
    args.pages = args.pages or ([200] if quick else [1000, 10000])
    args.sample = args.sample or (10 if quick else 30)
    args.rounds = args.rounds or (2 if quick else 3)
    args.seconds = args.seconds or (3 if quick else 10)

    def log(message):
        print(message, file=sys.stderr, flush=True)

    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1) / 2:
        log(f"Warning: load average {load:.1f} on {os.cpu_count()} CPUs: other work will skew the figures.")
    started = time.perf_counter()
    sizes = run_sizes(args, log)
    report = {
        "benchmark": "api",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "settings": {
            "workers": WORKERS,
            "clients": args.clients,
            "seconds": args.seconds,
            "sample": args.sample,
            "rounds": args.rounds,
            "quick": quick,
        },
        "sizes": sizes,
    }
    report["summary"] = summarise(sizes)
    report["duration_s"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(api_markdown(report))
    print(
        f"\nWritten {args.out.relative_to(BASE_DIR) if args.out.is_relative_to(BASE_DIR) else args.out} "
        f"in {report['duration_s']:.0f} s"
    )


if __name__ == "__main__":
    main()
