"""The load test's figures: the summary with the targets next to them, and its Markdown
(printed by bench/load_bench.py and by bench/summary.py)."""

from __future__ import annotations

from .stats import percentile

TARGET_SEARCHABLE_S = 5.0  # publish→searchable, the slowest of the run
TARGET_ERRORS = 0
TARGET_RSS_MB = 250  # per gunicorn worker, as in the API benchmark (docs/benchmarks.md)
KIND_LABELS = {
    "resident": "residents",
    "app": "app sync",
    "editor": "editors",
    "check": "searchable checks",
}


def summarise(recorded: dict, memory: dict, settings: dict) -> dict:
    """The summary of bench/results/load.json."""
    kinds = recorded["kinds"]
    total = sum(k["requests"] for k in kinds.values())
    errors = sum(k["failures"] for k in kinds.values())
    delays = [s["seconds"] for s in recorded["searchable"] if s["seconds"] is not None]
    sent = [s["sent_s"] for s in recorded["searchable"] if s.get("sent_s") is not None]
    not_found = sum(1 for s in recorded["searchable"] if s["seconds"] is None)
    unchecked = len(recorded["publishes"]) - len(recorded["searchable"])
    searchable_max = max(delays) if delays else None
    end_rss = [w["rss_mb"] for w in memory["end"]["workers"]]
    return {
        "settings": settings,
        "requests": total,
        "rps": round(total / recorded["wall_s"], 1) if recorded["wall_s"] else None,
        "kinds": {
            kind: {k: kinds[kind][k] for k in ("requests", "failures", "rps", "p50_ms", "p95_ms", "p99_ms")}
            for kind in KIND_LABELS
            if kind in kinds
        },
        "errors": {
            "count": errors,
            "target": TARGET_ERRORS,
            "pass": errors <= TARGET_ERRORS,
            "first": recorded["errors"][:5],
        },
        "publish_to_searchable": {
            "publishes": len(recorded["publishes"]),
            "found": len(delays),
            "not_found_in_time": not_found,
            "unchecked_at_end": unchecked,
            "max_s": searchable_max,
            "p50_s": percentile(delays, 50) if delays else None,
            # When the search that found the page was sent: the delay without that request's own time.
            "sent_max_s": max(sent) if sent else None,
            "sent_p50_s": percentile(sent, 50) if sent else None,
            "target_max_s": TARGET_SEARCHABLE_S,
            "pass": bool(delays) and not not_found and searchable_max < TARGET_SEARCHABLE_S,
        },
        "memory": {
            "workers_booted_rss_mb": [w["rss_mb"] for w in memory["booted"]["workers"]],
            "workers_start_rss_mb": [w["rss_mb"] for w in memory["start"]["workers"]],
            "workers_end_rss_mb": end_rss,
            "workers_peak_mb": [w["peak_mb"] for w in memory["end"]["workers"]],
            "workers_end_pss_mb": [w.get("pss_mb") for w in memory["end"]["workers"]],
            "outbox_worker_rss_mb": [memory["start"].get("outbox_worker_mb"), memory["end"].get("outbox_worker_mb")],
            "target_mb": TARGET_RSS_MB,
            "pass": bool(end_rss) and max(end_rss) < TARGET_RSS_MB,
        },
    }


def load_markdown(report: dict) -> list[str]:
    """A table per kind of user and the targets, from a load.json report."""
    summary = report["summary"]
    settings = summary["settings"]
    lines = [
        f"{settings['seconds']} s, {settings['users']} users ({settings['editors']} editors, {settings['apps']} app), "
        f"{settings['workers']} gunicorn {settings['worker_class']} workers, {settings['pages']:,} pages; "
        f"{summary['requests']:,} requests, {summary['rps']} req/s; load average {summary.get('load_average')}",
        "",
        "| kind | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, figures in summary["kinds"].items():
        lines.append(
            f"| {KIND_LABELS.get(kind, kind)} | {figures['requests']:,} | {figures['rps']} | {figures['p50_ms']} | "
            f"{figures['p95_ms']} | {figures['p99_ms']} | {figures['failures']} |"
        )
    searchable, errors, memory = summary["publish_to_searchable"], summary["errors"], summary["memory"]
    lines += [
        "",
        f"- {_verdict(errors['pass'])} errors: {errors['count']} (target {errors['target']})",
        f"- {_verdict(searchable['pass'])} publish→searchable: max {searchable['max_s']} s, "
        f"p50 {searchable['p50_s']} s over {searchable['found']} of {searchable['publishes']} publishes "
        f"(target max < {searchable['target_max_s']:g} s; not found in time {searchable['not_found_in_time']}); "
        f"the finding search sent after max {searchable.get('sent_max_s')} s, p50 {searchable.get('sent_p50_s')} s",
        f"- {_verdict(memory['pass'])} RSS per worker, start → end: "
        + ", ".join(
            f"{a} → {b} MB" for a, b in zip(memory["workers_start_rss_mb"], memory["workers_end_rss_mb"], strict=False)
        )
        + f" (target < {memory['target_mb']} MB; PSS at the end {memory.get('workers_end_pss_mb')} MB)",
    ]
    for error in errors["first"]:
        lines.append(f"  - at {error['at_s']} s, {error['request']}: {error['error']}")
    return lines


def _verdict(passed: bool) -> str:
    return "PASS" if passed else "MISS"
