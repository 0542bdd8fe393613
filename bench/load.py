"""Load generation for the API benchmark: requests over HTTP, timed cold, warm and under load."""

import threading
import time

from .queries import APIS, LABELS, listing_request, product_request
from .servers import WORKERS, Server
from .stats import latency, percentile


def send(client, base_url, request) -> float:
    """Send one (method, path, body) request; the time to the full answer in ms."""
    method, path, body = request
    started = time.perf_counter()
    response = client.request(method, base_url + path, json=body)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{method} {path} answered {response.status_code}: {response.text[:300]}")
    return elapsed


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
                    elapsed = send(client, base_url, requests[i % len(requests)])
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
    """Each API in turn on a fresh gunicorn: cold and warm latency, req/s, then worker memory."""
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
                cold = [send(client, base, request) for request in products]
                cold_listing = send(client, base, listing)
                warm = [send(client, base, r) for _ in range(args.rounds) for r in products]
                warm_listing = [send(client, base, listing) for _ in range(args.rounds * 10)]
            log(f"  {LABELS[api]}: {args.seconds:.0f} s with {args.clients} clients")
            load = throughput(base, products, args.clients, args.seconds, args.max_requests)
            load_listing = throughput(base, [listing], args.clients, args.seconds / 2, args.max_requests)
            memory = server.memory()
        finally:
            server.stop()
        results[api] = {
            "product": {
                "cold_first_ms": round(cold[0], 1),
                "cold": latency(cold),
                "warm": latency(warm),
                "load": load,
            },
            "listing": {"cold_first_ms": round(cold_listing, 1), "warm": latency(warm_listing), "load": load_listing},
            "memory": memory,
        }
    return results
