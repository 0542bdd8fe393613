"""API benchmark: our GraphQL API against wagtail-grapple and Wagtail's REST API v2.

    python -m bench.api_bench            # 1,000 and 10,000 pages (about 10 minutes on 2 cores)
    python -m bench.api_bench --quick    # 200 pages, short runs: a smoke test

For every catalogue size the same database serves all three APIs from one gunicorn (2 sync
workers, restarted for each API). Latency, throughput and memory are measured over HTTP on
127.0.0.1; SQL queries per request are counted in-process with Django's test client. Prints a
Markdown table and writes bench/results/api.json. See docs/benchmarks.md.
"""

import argparse
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from .queries import APIS, LABELS, listing_request, product_request

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results"
VENV_BIN = Path(sys.executable).parent
WORKERS = 2
# The targets for our API.
TARGET_P50_RATIO = 0.5  # our product-page p50 at most half of grapple's
TARGET_RSS_MB = 250  # resident memory per worker at 10,000 pages


# ---------------------------------------------------------------------------------------------
# In-process part (own process: Django settings are per process)
# ---------------------------------------------------------------------------------------------
def sample_numbers(pages: int, size: int) -> list[int]:
    return sorted(random.Random(20260101).sample(range(pages), min(size, pages)))


def inprocess(pages: int, sample_size: int, query_pages: int) -> dict:
    """Sampled pages (path and id) and SQL queries per request for each API, counted warm."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings.bench"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from content.models import ProductPage

    from . import catalogue

    numbers = sample_numbers(pages, sample_size)
    ids = dict(ProductPage.objects.filter(ref__in=[catalogue.ref(n) for n in numbers]).values_list("ref", "id"))
    sample = [{"n": n, "path": catalogue.path(n), "id": ids[catalogue.ref(n)]} for n in numbers]
    client = Client()

    def send(request):
        method, path, body = request
        if method == "POST":
            response = client.post(path, json.dumps(body), content_type="application/json")
        else:
            response = client.get(path)
        if response.status_code != 200 or b'"errors"' in response.content:
            raise SystemExit(f"{method} {path} failed: {response.status_code} {response.content[:500]!r}")
        return response

    def count(request) -> tuple[int, int]:
        send(request)  # warm: content types and site root paths are cached per process
        with CaptureQueriesContext(connection) as queries:
            response = send(request)
        return len(queries), len(response.content)

    result = {"sample": sample, "queries": {}, "bytes": {}, "database": connection.vendor}
    for api in APIS:
        product = [count(product_request(api, page)) for page in sample[:query_pages]]
        listing = count(listing_request(api))
        result["queries"][api] = {
            "product": max(q for q, _ in product),
            "product_min": min(q for q, _ in product),
            "listing": listing[0],
        }
        result["bytes"][api] = {"product": round(statistics.mean(b for _, b in product)), "listing": listing[1]}
    # Server time without HTTP, the three APIs interleaved request by request: other work on the
    # machine then slows all three alike, so the ratios hold even where HTTP figures are noisy.
    timings = {api: [] for api in APIS}
    for _ in range(3):
        for page in sample:
            for api in APIS:
                started = time.perf_counter()
                send(product_request(api, page))
                timings[api].append((time.perf_counter() - started) * 1000)
    result["inprocess_product"] = {api: _latency(values) for api, values in timings.items()}
    return result


# ---------------------------------------------------------------------------------------------
# HTTP part
# ---------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with WORKERS sync workers on 127.0.0.1, started fresh for each API."""

    def __init__(self, env: dict):
        self.env = env
        self.process = None
        self.port = None
        self.ready_dir = None

    def start(self, timeout: float = 60):
        self.port = free_port()
        self.ready_dir = tempfile.mkdtemp(prefix="bench-ready-")
        env = {**self.env, "BENCH_READY_DIR": self.ready_dir}
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "hub.wsgi",
                "--config",
                str(BASE_DIR / "bench" / "gunicorn_conf.py"),
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=env,
        )
        deadline = time.monotonic() + timeout
        while len(os.listdir(self.ready_dir)) < WORKERS:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit("gunicorn did not start; see its output above")
            time.sleep(0.05)
        return self

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(p) for p in children.read_text().split()] if children.exists() else []

    def memory(self) -> dict:
        """Peak (VmHWM) and current (VmRSS) resident memory of each worker, in MB."""
        workers = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            kb = {k: int(fields[k].split()[0]) for k in ("VmHWM", "VmRSS")}
            workers.append(
                {"pid": pid, "peak_mb": round(kb["VmHWM"] / 1024, 1), "rss_mb": round(kb["VmRSS"] / 1024, 1)}
            )
        return {"workers": workers, "peak_mb": max((w["peak_mb"] for w in workers), default=None)}

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.ready_dir:
            shutil.rmtree(self.ready_dir, ignore_errors=True)


def _send(client, base_url, request) -> float:
    method, path, body = request
    started = time.perf_counter()
    response = client.request(method, base_url + path, json=body)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{method} {path} answered {response.status_code}: {response.text[:300]}")
    return elapsed


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return round(ordered[index], 1)


def _latency(samples: list[float]) -> dict:
    return {"p50_ms": percentile(samples, 50), "p95_ms": percentile(samples, 95), "n": len(samples)}


def throughput(base_url, requests: list, clients: int, seconds: float, max_requests: int) -> dict:
    """`clients` threads send `requests` round robin for `seconds` (and at most `max_requests`)."""
    import httpx

    done, errors, latencies = [0], [0], []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def run(offset):
        with httpx.Client(timeout=60) as client:
            i = offset
            while time.monotonic() < deadline:
                with lock:
                    if done[0] + errors[0] >= max_requests:
                        return
                try:
                    elapsed = _send(client, base_url, requests[i % len(requests)])
                except (SystemExit, httpx.HTTPError):
                    with lock:
                        errors[0] += 1
                    continue
                with lock:
                    done[0] += 1
                    latencies.append(elapsed)
                i += 1

    started = time.monotonic()
    threads = [threading.Thread(target=run, args=(k * 7,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    return {
        "rps": round(done[0] / wall, 1),
        "requests": done[0],
        "errors": errors[0],
        "p50_ms": percentile(latencies, 50) if latencies else None,
        "p95_ms": percentile(latencies, 95) if latencies else None,
    }


def http_bench(env: dict, sample: list[dict], args, log) -> dict:
    import httpx

    results = {}
    for api in APIS:
        log(f"  {LABELS[api]}: starting gunicorn ({WORKERS} workers)")
        server = Server(env).start()
        try:
            base = server.base_url
            products = [product_request(api, page) for page in sample]
            listing = listing_request(api)
            with httpx.Client(timeout=60) as client:
                # Cold: the first request to each page after the workers started (the first of
                # all also pays for importing the URLconf and building the schemas).
                cold = [_send(client, base, request) for request in products]
                cold_listing = _send(client, base, listing)
                warm = [_send(client, base, r) for _ in range(args.rounds) for r in products]
                warm_listing = [_send(client, base, listing) for _ in range(args.rounds * 10)]
            log(f"  {LABELS[api]}: {args.seconds:.0f} s with {args.clients} clients")
            load = throughput(base, products, args.clients, args.seconds, args.max_requests)
            load_listing = throughput(base, [listing], args.clients, args.seconds / 2, args.max_requests)
            memory = server.memory()
        finally:
            server.stop()
        results[api] = {
            "product": {
                "cold_first_ms": round(cold[0], 1),
                "cold": _latency(cold),
                "warm": _latency(warm),
                "load": load,
            },
            "listing": {"cold_first_ms": round(cold_listing, 1), "warm": _latency(warm_listing), "load": load_listing},
            "memory": memory,
        }
    return results


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
def _ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def summarise(sizes: dict) -> dict:
    ratios, checks = {}, {}
    for n, size in sizes.items():
        http, queries = size["http"], size["queries"]
        ratios[n] = {
            f"{kind}_{temp}_p50_ours_over_{other}": _ratio(
                http["ours"][kind][temp]["p50_ms"], http[other][kind][temp]["p50_ms"]
            )
            for kind in ("product", "listing")
            for temp in (("cold", "warm") if kind == "product" else ("warm",))
            for other in ("grapple", "rest")
        }
        for other in ("grapple", "rest"):
            ratios[n][f"product_rps_ours_over_{other}"] = _ratio(
                http["ours"]["product"]["load"]["rps"], http[other]["product"]["load"]["rps"]
            )
        inprocess = size["inprocess_product"]
        for other in ("grapple", "rest"):
            ratios[n][f"product_inprocess_p50_ours_over_{other}"] = _ratio(
                inprocess["ours"]["p50_ms"], inprocess[other]["p50_ms"]
            )
        ratios[n]["queries"] = {api: queries[api] for api in APIS}
    counts = sorted(sizes, key=int)
    small, large = counts[0], counts[-1]
    ours_small, ours_large = sizes[small]["queries"]["ours"], sizes[large]["queries"]["ours"]
    checks["flat_query_count"] = {
        "pages": [int(small), int(large)],
        "product": [ours_small["product"], ours_large["product"]],
        "listing": [ours_small["listing"], ours_large["listing"]],
        "pass": ours_small["product"] == ours_large["product"] and ours_small["listing"] == ours_large["listing"],
    }
    worst = max(ratios[n]["product_warm_p50_ours_over_grapple"] or 0 for n in sizes)
    worst_inprocess = max(ratios[n]["product_inprocess_p50_ours_over_grapple"] or 0 for n in sizes)
    checks["product_p50_at_most_half_of_grapple"] = {
        "worst_ratio": worst,
        "worst_inprocess_ratio": worst_inprocess,
        "pass": worst <= TARGET_P50_RATIO and worst_inprocess <= TARGET_P50_RATIO,
    }
    peak = sizes[large]["http"]["ours"]["memory"]["peak_mb"]
    checks["rss_per_worker_mb"] = {
        "pages": int(large),
        "peak_mb": peak,
        "limit_mb": TARGET_RSS_MB,
        "pass": peak is not None and peak < TARGET_RSS_MB,
    }
    return {"ratios": ratios, "targets": checks}


def markdown(report: dict) -> str:
    lines = [
        "| pages | API | product cold p50 / p95 ms | product warm p50 / p95 ms | product req/s | product SQL "
        "| listing warm p50 / p95 ms | listing req/s | listing SQL | first request ms | peak RSS / worker MB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, size in report["sizes"].items():
        for api in APIS:
            h, q = size["http"][api], size["queries"][api]
            p, li = h["product"], h["listing"]
            lines.append(
                f"| {int(n):,} | {LABELS[api]} | {p['cold']['p50_ms']} / {p['cold']['p95_ms']} "
                f"| {p['warm']['p50_ms']} / {p['warm']['p95_ms']} | {p['load']['rps']} | {q['product']} "
                f"| {li['warm']['p50_ms']} / {li['warm']['p95_ms']} | {li['load']['rps']} | {q['listing']} "
                f"| {p['cold_first_ms']} | {h['memory']['peak_mb']} |"
            )
    lines += [
        "",
        "| pages | product warm p50 ours/grapple | ours/REST | product cold p50 ours/grapple "
        "| listing warm p50 ours/grapple | ours/REST | product req/s ours/grapple "
        "| in-process product p50 ms ours / grapple / REST | in-process ours/grapple |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, r in report["summary"]["ratios"].items():
        lines.append(
            f"| {int(n):,} | {r['product_warm_p50_ours_over_grapple']} | {r['product_warm_p50_ours_over_rest']} "
            f"| {r['product_cold_p50_ours_over_grapple']} | {r['listing_warm_p50_ours_over_grapple']} "
            f"| {r['listing_warm_p50_ours_over_rest']} | {r['product_rps_ours_over_grapple']} "
            f"| {' / '.join(str(report['sizes'][n]['inprocess_product'][a]['p50_ms']) for a in APIS)} "
            f"| {r['product_inprocess_p50_ours_over_grapple']} |"
        )
    t = report["summary"]["targets"]
    flat, half, rss = t["flat_query_count"], t["product_p50_at_most_half_of_grapple"], t["rss_per_worker_mb"]
    mark = {True: "PASS", False: "MISS"}
    lines += [
        "",
        f"- {mark[flat['pass']]} flat SQL count, {flat['pages'][0]:,} → {flat['pages'][1]:,} pages: "
        f"product {flat['product'][0]} → {flat['product'][1]}, listing {flat['listing'][0]} → {flat['listing'][1]}",
        f"- {mark[half['pass']]} product-page p50 at most half of grapple's: worst ratio {half['worst_ratio']} "
        f"over HTTP, {half['worst_inprocess_ratio']} in-process",
        f"- {mark[rss['pass']]} peak RSS per worker at {rss['pages']:,} pages under {rss['limit_mb']} MB: "
        f"{rss['peak_mb']} MB",
        "- load average (1 min) before the HTTP runs: "
        + ", ".join(f"{int(n):,} pages {size.get('load_average_before')}" for n, size in report["sizes"].items()),
    ]
    return "\n".join(lines)


def database_env(pages: int) -> dict:
    """Environment for one catalogue size: its own SQLite file, or its own PostgreSQL database."""
    from urllib.parse import urlsplit, urlunsplit

    from .catalogue import VERSION

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hub.settings.bench"}
    url = os.environ.get("DATABASE_URL")
    if not url:
        return env
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        raise SystemExit("DATABASE_URL must be PostgreSQL (or unset for SQLite)")
    name = f"{parts.path.lstrip('/')}_bench_{pages}_v{VERSION}"
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    return env


def run_sizes(args, log) -> dict:
    sizes = {}
    for pages in args.pages:
        log(f"{pages:,} pages: database")
        started = time.perf_counter()
        env = database_env(pages)
        generated = subprocess.run(
            [sys.executable, "-m", "bench.generate", "--pages", str(pages), "--json"],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        generate = json.loads(generated.stdout.strip().splitlines()[-1])
        generate["wall_s"] = round(time.perf_counter() - started, 1)
        if not env.get("DATABASE_URL"):
            env["BENCH_SQLITE"] = generate["database"]
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
    print(markdown(report))
    print(
        f"\nWritten {args.out.relative_to(BASE_DIR) if args.out.is_relative_to(BASE_DIR) else args.out} "
        f"in {report['duration_s']:.0f} s"
    )


if __name__ == "__main__":
    main()
