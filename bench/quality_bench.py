"""Content quality benchmark: a full check of 10,000 generated pages (internal checks only) and
the quality panel of one product page.

    .venv/bin/python -m bench.quality_bench [--pages 10000] [--rounds 30] [--out bench/results/quality.json]

The pages come from bench/generate.py (the database the API benchmark uses). The run is made
inside a transaction that is rolled back, so the cached database stays as generate.py made it.
Targets (issue 18): the whole site in under 60 s on this 2-core machine, the page panel under
100 ms. With BENCH_QUICK=1 (`make bench` --quick): 200 pages, 10 rounds.
"""

from __future__ import annotations

import statistics
import sys
import time

from .catalogue_run import Rollback, log, parse_args, use_generated_database, write_report

TARGET_RUN_S, TARGET_PANEL_MS = 60.0, 100.0


def measure(rounds: int, log) -> dict:
    import django

    django.setup()
    from django.db import connection, transaction

    from content.models import ProductPage, SiteConfig
    from quality.content_checks.runner import check_page, check_site

    result: dict = {}
    try:
        with transaction.atomic():
            config = SiteConfig.objects.select_related("site__root_page").get(key="deventer")
            started = time.perf_counter()
            run = check_site(config)
            run_s = time.perf_counter() - started
            log(f"full check: {run.pages:,} pages in {run_s:.1f} s, {run.summary['problems']:,} problems")
            page = ProductPage.objects.live().order_by("pk").first().get_latest_revision_as_object()
            check_page(page)  # warm
            panel = []
            for _ in range(rounds):
                started = time.perf_counter()
                check_page(page)
                panel.append((time.perf_counter() - started) * 1000)
            ordered = sorted(panel)
            result = {
                "pages": run.pages,
                "problems": run.summary["problems"],
                "by_code": run.summary["by_code"],
                "run_s": round(run_s, 1),
                "pages_per_s": round(run.pages / run_s),
                "panel_p50_ms": round(statistics.median(ordered), 1),
                "panel_p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
                "database": connection.vendor,
            }
            raise Rollback
    except Rollback:
        pass
    return result


def main(argv=None) -> None:
    args = parse_args(__doc__.splitlines()[0], "quality", (10, 30), argv)
    use_generated_database(args.pages)
    measured = measure(args.rounds, log)
    summary = {
        **{k: v for k, v in measured.items() if not isinstance(v, dict)},
        "target_run_s": TARGET_RUN_S,
        "target_panel_ms": TARGET_PANEL_MS,
        "run_within_target": measured["run_s"] < TARGET_RUN_S,
        "panel_within_target": measured["panel_p95_ms"] < TARGET_PANEL_MS,
    }
    write_report("quality", args.out, summary, measured)
    print(f"Content quality, {measured['pages']:,} pages")
    print(f"{'measure':<30}{'value':>10}{'target':>10}")
    print(f"{'full check, internal (s)':<30}{measured['run_s']:>10.1f}{TARGET_RUN_S:>10.0f}")
    print(f"{'pages per second':<30}{measured['pages_per_s']:>10}")
    print(f"{'page panel p50 (ms)':<30}{measured['panel_p50_ms']:>10.1f}")
    print(f"{'page panel p95 (ms)':<30}{measured['panel_p95_ms']:>10.1f}{TARGET_PANEL_MS:>10.0f}")
    if not (summary["run_within_target"] and summary["panel_within_target"]):
        print("A target was missed.", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
