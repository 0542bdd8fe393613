"""Summaries of the API benchmark: percentiles, ratios of our API to the others, and the targets."""

from .queries import APIS

# The targets for our API.
TARGET_P50_RATIO = 0.5  # our product-page p50 at most half of grapple's
TARGET_RSS_MB = 250  # resident memory per worker at 10,000 pages
TARGET_LISTING_RATIO = 0.7  # our listing p50 at most 0.7 of grapple's (issue #20)
TARGET_GROWTH = 1.2  # p50 at the largest size at most 1.2 times that at the smallest (issue #20)
TARGET_PRODUCT_MS = 5.0  # our product page, uncached (POST), p50 at 10,000 pages (issue #20)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return round(ordered[index], 1)


def latency(samples: list[float]) -> dict:
    return {"p50_ms": percentile(samples, 50), "p95_ms": percentile(samples, 95), "n": len(samples)}


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
    worst_listing = max(ratios[n]["listing_warm_p50_ours_over_grapple"] or 0 for n in sizes)
    checks["listing_p50_at_most_0_7_of_grapple"] = {
        "worst_ratio": worst_listing,
        "limit": TARGET_LISTING_RATIO,
        "pass": worst_listing <= TARGET_LISTING_RATIO,
    }
    warm = {
        kind: [sizes[n]["http"]["ours"][kind]["warm"]["p50_ms"] for n in (small, large)]
        for kind in ("product", "listing")
    }
    checks["p50_growth_smallest_to_largest"] = {
        "pages": [int(small), int(large)],
        **{kind: {"p50_ms": values, "ratio": _ratio(values[1], values[0])} for kind, values in warm.items()},
        "limit": TARGET_GROWTH,
        "pass": all((_ratio(v[1], v[0]) or 99) <= TARGET_GROWTH for v in warm.values()),
    }
    if "10000" in sizes:
        product = sizes["10000"]["http"]["ours"]["product"]["warm"]["p50_ms"]
        checks["uncached_product_p50_at_10000_under_5_ms"] = {
            "p50_ms": product,
            "inprocess_p50_ms": sizes["10000"]["inprocess_product"]["ours"]["p50_ms"],
            "limit_ms": TARGET_PRODUCT_MS,
            "pass": product < TARGET_PRODUCT_MS,
        }
    peak = sizes[large]["http"]["ours"]["memory"]["peak_mb"]
    checks["rss_per_worker_mb"] = {
        "pages": int(large),
        "peak_mb": peak,
        "limit_mb": TARGET_RSS_MB,
        "pass": peak is not None and peak < TARGET_RSS_MB,
    }
    return {"ratios": ratios, "targets": checks}
