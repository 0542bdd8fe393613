"""Print a short summary of every bench/results/*.json (the last step of `make bench`)."""

import json
from pathlib import Path

from .markdown_report import api_markdown

RESULTS = Path(__file__).resolve().parent / "results"


def _api(report: dict) -> list[str]:
    return [api_markdown(report)]


def _load(report: dict) -> list[str]:
    from .load_report import load_markdown

    return load_markdown(report)


def _generic(report: dict) -> list[str]:
    summary = report.get("summary") or {k: v for k, v in report.items() if not isinstance(v, dict | list)}
    return [json.dumps(summary, indent=2, ensure_ascii=False)[:4000]]


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
        lines = _api(report) if report.get("benchmark") == "api" else _generic(report)
        if report.get("benchmark") == "load":
            lines = _load(report)
        print("\n".join(lines))


if __name__ == "__main__":
    main()
