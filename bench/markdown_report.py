"""Markdown output of the API benchmark: the tables printed by `api_bench` and by `summary`."""

from .queries import APIS, LABELS


def api_markdown(report: dict) -> str:
    """The figures per size and API, the ratios of ours to the others, and PASS/MISS per target."""
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
        *_issue_20_lines(t, mark),
        "- load average (1 min) before the HTTP runs: "
        + ", ".join(f"{int(n):,} pages {size.get('load_average_before')}" for n, size in report["sizes"].items()),
    ]
    return "\n".join(lines)


def _issue_20_lines(targets: dict, mark: dict) -> list[str]:
    """The targets of issue #20 (listing against grapple, growth with the catalogue, product page)."""
    lines = []
    listing = targets.get("listing_p50_at_most_0_7_of_grapple")
    if listing:
        lines.append(
            f"- {mark[listing['pass']]} listing p50 at most {listing['limit']} of grapple's: "
            f"worst ratio {listing['worst_ratio']}"
        )
    growth = targets.get("p50_growth_smallest_to_largest")
    if growth:
        small, large = growth["pages"]
        lines.append(
            f"- {mark[growth['pass']]} p50 at {large:,} pages at most {growth['limit']}x that at {small:,}: "
            + ", ".join(
                f"{kind} {growth[kind]['p50_ms'][0]} → {growth[kind]['p50_ms'][1]} ms ({growth[kind]['ratio']}x)"
                for kind in ("product", "listing")
            )
        )
    product = targets.get("uncached_product_p50_at_10000_under_5_ms")
    if product:
        lines.append(
            f"- {mark[product['pass']]} uncached product page (POST) p50 at 10,000 pages under "
            f"{product['limit_ms']} ms: {product['p50_ms']} ms over HTTP, {product['inprocess_p50_ms']} ms in-process"
        )
    return lines
