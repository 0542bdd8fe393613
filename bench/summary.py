"""Print a short summary of every bench/results/*.json (the last step of `make bench`)."""

import json
from pathlib import Path

from .markdown_report import api_markdown

RESULTS = Path(__file__).resolve().parent / "results"
MARK = {True: "PASS", False: "MISS"}


def _api(report: dict) -> list[str]:
    return [api_markdown(report)]


def _load(report: dict) -> list[str]:
    from .load_report import load_markdown

    return load_markdown(report)


def _mb(value) -> str:
    return "-" if value is None else f"{value / 1_000_000:.1f}"


def _search(report: dict) -> list[str]:
    """bench/search_bench.py: one row per engine over the synthetic documents."""
    lines = [
        "| engine | documents | indexing docs/s | rebuild s | p50 / p95 ms | queries/s | index MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in report.get("results", []):
        lines.append(
            f"| {r['engine']} | {r.get('documents', '-'):,} | {r.get('index_docs_per_second', '-')} "
            f"| {r.get('rebuild_seconds', '-')} | {r.get('latency_ms_p50', '-')} / {r.get('latency_ms_p95', '-')} "
            f"| {r.get('queries_per_second', '-')} | {_mb(r.get('size_on_disk_bytes'))} |"
        )
    slowest = [
        f"{r['engine']}: {label} {q['p50_ms']} ms"
        for r in report.get("results", [])
        for label, q in sorted(r.get("per_query", {}).items(), key=lambda item: -item[1]["p50_ms"])[:1]
    ]
    if slowest:
        lines.append("- slowest query (p50): " + "; ".join(slowest))
    return lines + _targets((report.get("summary") or {}).get("targets", {}))


def _search_catalogue(report: dict) -> list[str]:
    """bench/catalogue_search.py: the real catalogue, rebuilt and searched per engine."""
    summary = report["summary"]
    lines = [
        f"{summary['pages']:,} pages on {summary['database']} (load average {summary.get('load_average')})",
        "",
        "| engine | documents | full rebuild s | p50 / p95 ms | index MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in report.get("detail", {}).get("engines", []):
        lines.append(
            f"| {r['engine']} | {r['documents']:,} | {r['rebuild_s']} | {r['p50_ms']} / {r['p95_ms']} "
            f"| {_mb(r.get('size_on_disk_bytes'))} |"
        )
    lines.append("")
    lines += _targets(summary.get("targets", {}))
    return lines


def _targets(targets: dict) -> list[str]:
    lines = []
    for name, check in targets.items():
        if not isinstance(check, dict):  # a plain target next to its figure elsewhere in the summary
            lines.append(f"- target {name}: {check}")
            continue
        figures = ", ".join(f"{k} {v}" for k, v in check.items() if k != "pass")
        lines.append(f"- {MARK[bool(check.get('pass'))]} {name}: {figures}")
    return lines


def _flat(summary: dict) -> list[str]:
    """A summary of plain figures as `key value` pairs, a few to a line; targets as PASS/MISS."""
    pairs, lines = [], []
    for key, value in summary.items():
        if key == "targets" and isinstance(value, dict):
            continue
        if isinstance(value, dict):
            lines.append(f"- {key}: " + ", ".join(f"{k} {v}" for k, v in value.items() if not isinstance(v, dict)))
        elif isinstance(value, bool):
            pairs.append(f"{key} {MARK[value] if key.endswith('within_target') else value}")
        elif not isinstance(value, list):
            pairs.append(f"{key} {value}")
    rows = [", ".join(pairs[i : i + 6]) for i in range(0, len(pairs), 6)]
    return rows + lines + _targets(summary.get("targets", {}))


def _generic(report: dict) -> list[str]:
    summary = report.get("summary") or {k: v for k, v in report.items() if not isinstance(v, dict | list)}
    return _flat(summary)


def _faults(report: dict) -> list[str]:
    """bench/fault_bench.py: each scenario met or not, with its main figures."""
    lines = []
    for name, result in report.get("detail", {}).items():
        mark = MARK[bool(result.get("met"))]
        if "error" in result:
            lines.append(f"- {mark} {name}: {result['error']}")
        elif name == "redis_gone":
            figures = ", ".join(
                f"{part} p50 {result[part]['p50_ms']} ms (server {result[part]['server_p50_ms']} ms, "
                f"{result[part]['hits']} hits, {result[part]['errors']} errors)"
                for part in ("with_redis", "redis_killed", "redis_back")
            )
            lines.append(f"- {mark} {name}: {figures}; health while away: {result['health_while_away']['status']}")
        elif name == "postgres_restart":
            lines.append(
                f"- {mark} {name}: restart {result['restart']}, outcomes {result['outcomes']}, half-written "
                f"{len(result['half_written_pages'])}, lost outbox tasks {result['lost_outbox_tasks']}"
            )
        else:
            figures = ", ".join(f"{k} {v}" for k, v in result.items() if k not in ("met", "target"))
            lines.append(f"- {mark} {name}: {figures}")
    return lines


RENDERERS = {"api": _api, "search": _search, "search-catalogue": _search_catalogue, "load": _load, "faults": _faults}


def render(report: dict) -> list[str]:
    kind = report.get("benchmark")
    if kind is None and "p50_ms" in report and "words" in report:
        return _flat(report)  # bench/b1_bench.py --json: a flat result without a name
    return RENDERERS.get(kind, _generic)(report)


def main():
    files = sorted(RESULTS.glob("*.json"))
    print("\n== Summary of bench/results/")
    if not files:
        print("(no results)")
    for path in files:
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"\n### {path.name}: unreadable ({exc})")
            continue
        print(f"\n### {path.name} ({report.get('created', 'no date')})\n")
        try:
            print("\n".join(render(report)))
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            # An older result file without the fields of today: its summary as it is.
            print(f"(older format: {exc!r})")
            print("\n".join(_flat(report.get("summary") or {})))


if __name__ == "__main__":
    main()
