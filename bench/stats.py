"""Summaries of the API benchmark: percentiles, ratios of our API to the others, and the targets."""

from .queries import APIS

# The targets for our API.
TARGET_P50_RATIO = 0.5  # our product-page p50 at most half of grapple's
TARGET_RSS_MB = 250  # resident memory per worker at 10,000 pages


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
    peak = sizes[large]["http"]["ours"]["memory"]["peak_mb"]
    checks["rss_per_worker_mb"] = {
        "pages": int(large),
        "peak_mb": peak,
        "limit_mb": TARGET_RSS_MB,
        "pass": peak is not None and peak < TARGET_RSS_MB,
    }
    return {"ratios": ratios, "targets": checks}
