"""Samenwerkende Catalogi benchmark: the SC 4.0 feed of 10,000 generated products, built
uncached and served from the cache.

    .venv/bin/python -m bench.sc_bench [--pages 10000] [--rounds 200] [--out bench/results/sc.json]

The products come from bench/generate.py (the database the API benchmark uses, built on first
use and cached). The generated catalogue has no organisation and no UPL URIs, so the benchmark
sets them inside a transaction that it rolls back: the cached database stays as generate.py made
it. Measured in-process (Django's test client on the hub's URLs, no HTTP): the uncached build,
the first request after a change, cached requests and revalidations (304), p50/p95.
Targets (issue 14): built in under 10 s, served cached in under 10 ms.
With BENCH_QUICK=1 (`make bench` --quick): 200 products, 50 rounds.
"""

from __future__ import annotations

import statistics
import sys
import time

from .catalogue_run import Rollback, log, parse_args, use_generated_database, write_report

FEED = "/open/samenwerkende-catalogi.xml"
DEVENTER = "http://standaarden.overheid.nl/owms/terms/Deventer_(gemeente)"
UPL = "http://standaarden.overheid.nl/owms/terms/"
TARGET_BUILD_S, TARGET_CACHED_MS = 10.0, 10.0


def _prepare() -> int:
    """The gemeente's identity and a UPL URI for every product (rolled back afterwards)."""
    from content.models import ProductPage, SiteConfig

    SiteConfig.objects.filter(key__isnull=False).update(organisation_name="Gemeente Deventer", owms_identifier=DEVENTER)
    names = ProductPage.objects.filter(upl_uri="").values_list("upl_name", flat=True).distinct()
    for name in list(names):
        uri = UPL + "".join(word.capitalize() for word in name.split())
        ProductPage.objects.filter(upl_name=name, upl_uri="").update(upl_uri=uri)
    return ProductPage.objects.filter(live=True).count()


def _timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result


def _latency(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
        "n": len(ordered),
    }


def measure(rounds: int, log) -> dict:
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import override_settings

    from content.models import SiteConfig
    from syndication import sc_feed

    result: dict = {}
    try:
        with transaction.atomic(), override_settings(ROOT_URLCONF="hub.urls"):
            products = _prepare()
            config = SiteConfig.objects.select_related("site__root_page").get(key="deventer")
            builds = []
            for _ in range(3):
                ms, feed = _timed(lambda: sc_feed.build_feed(config))
                builds.append(ms / 1000)
                log(f"uncached build: {ms / 1000:.2f} s, {feed.products} products, {len(feed.body) / 1e6:.1f} MB")
            client = Client(HTTP_HOST="localhost")
            sc_feed.invalidate()
            first_ms, response = _timed(lambda: client.get(FEED))
            assert response.status_code == 200, response.content[:500]
            etag = response["ETag"]
            for _ in range(5):
                client.get(FEED)  # warm
            cached = [_timed(lambda: client.get(FEED))[0] for _ in range(rounds)]
            revalidated = [_timed(lambda: client.get(FEED, HTTP_IF_NONE_MATCH=etag))[0] for _ in range(rounds)]
            assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 304
            build_s = statistics.median(builds)
            result = {
                "products_live": products,
                "products_in_feed": feed.products,
                "left_out": len(feed.left_out),
                "feed_mb": round(len(feed.body) / 1e6, 2),
                "build_cold_s": round(builds[0], 2),
                "build_s": round(build_s, 2),
                "first_request_after_change_s": round(first_ms / 1000, 2),
                "cached": _latency(cached),
                "not_modified_304": _latency(revalidated),
                "ratio_cached_p50_over_uncached": round(statistics.median(cached) / (build_s * 1000), 6),
                "speedup_uncached_over_cached_p50": round(build_s * 1000 / statistics.median(cached)),
                "database": connection.vendor,
                "cache": django.conf.settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
            }
            raise Rollback
    except Rollback:
        pass
    return result


def main(argv=None) -> None:
    args = parse_args(__doc__.splitlines()[0], "sc", (50, 200), argv)
    use_generated_database(args.pages)
    measured = measure(args.rounds, log)
    summary = {
        "pages": args.pages,
        **{k: v for k, v in measured.items() if not isinstance(v, dict)},
        "cached_p50_ms": measured["cached"]["p50_ms"],
        "cached_p95_ms": measured["cached"]["p95_ms"],
        "not_modified_p50_ms": measured["not_modified_304"]["p50_ms"],
        "target_build_s": TARGET_BUILD_S,
        "target_cached_ms": TARGET_CACHED_MS,
        "build_within_target": measured["build_cold_s"] < TARGET_BUILD_S,
        "cached_within_target": measured["cached"]["p95_ms"] < TARGET_CACHED_MS,
    }
    write_report("sc", args.out, summary, measured)

    print(f"Samenwerkende Catalogi feed, {measured['products_in_feed']:,} products ({measured['feed_mb']} MB)")
    print(f"{'measure':<34}{'value':>12}{'target':>10}")
    print(f"{'build uncached, first (s)':<34}{measured['build_cold_s']:>12.2f}{TARGET_BUILD_S:>10.0f}")
    print(f"{'build uncached, median of 3 (s)':<34}{measured['build_s']:>12.2f}")
    print(f"{'first request after a change (s)':<34}{measured['first_request_after_change_s']:>12.2f}")
    print(f"{'cached p50 (ms)':<34}{measured['cached']['p50_ms']:>12.2f}")
    print(f"{'cached p95 (ms)':<34}{measured['cached']['p95_ms']:>12.2f}{TARGET_CACHED_MS:>10.0f}")
    print(f"{'304 revalidation p50 (ms)':<34}{measured['not_modified_304']['p50_ms']:>12.2f}")
    print(f"{'cached p50 / uncached build':<34}{measured['ratio_cached_p50_over_uncached']:>12.6f}")
    if not (summary["build_within_target"] and summary["cached_within_target"]):
        print("A target was missed.", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
