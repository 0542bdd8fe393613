"""The in-process part of the API benchmark: SQL queries per request and server time without HTTP.

Runs in a process of its own (`python -m bench.api_bench --inprocess PAGES`), as Django settings
are per process: Django's test client against the bench settings, on the database of one size.
"""

import json
import os
import random
import statistics
import time

from .queries import APIS, listing_request, product_request
from .stats import latency


def sample_numbers(pages: int, size: int) -> list[int]:
    return sorted(random.Random(20260101).sample(range(pages), min(size, pages)))


def inprocess(pages: int, sample_size: int, query_pages: int) -> dict:
    """Sampled pages (path and id) and SQL queries per request for each API, counted warm."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
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
    result["inprocess_product"] = {api: latency(values) for api, values in timings.items()}
    return result
