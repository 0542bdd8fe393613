"""What the benchmarks on the generated catalogue share: the command line, the database from
bench/generate.py, a transaction that is rolled back, and the result file."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results"


class Rollback(Exception):
    """Leaves the benchmark's transaction without committing what it set up."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args(description: str, name: str, rounds: tuple[int, int], argv=None) -> argparse.Namespace:
    """--pages (200 with BENCH_QUICK=1, else 10,000), --rounds (quick, full) and --out."""
    quick = os.environ.get("BENCH_QUICK") == "1"
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--pages", type=int, default=200 if quick else 10_000)
    parser.add_argument("--rounds", type=int, default=rounds[0] if quick else rounds[1])
    parser.add_argument("--out", default=str(RESULTS / f"{name}.json"))
    return parser.parse_args(argv)


def generate_database(pages: int) -> tuple[dict, dict]:
    """Make (or reuse) the generated database of `pages` pages: the environment that points at
    it and what bench/generate.py reported (with `wall_s`)."""
    from .api_bench import database_env

    env = database_env(pages)
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "bench.generate", "--pages", str(pages), "--json"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    generated = json.loads(done.stdout.strip().splitlines()[-1])
    generated["wall_s"] = round(time.perf_counter() - started, 1)
    if not env.get("DATABASE_URL"):
        env["BENCH_SQLITE"] = generated["database"]
    return env, generated


def use_generated_database(pages: int) -> None:
    """Make (or reuse) the generated database and point this process at it."""
    env, generated = generate_database(pages)
    log(f"database ready in {generated['wall_s']:.0f} s: {generated['database']}")
    os.environ.update({k: v for k, v in env.items() if k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "BENCH_SQLITE")})
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def write_report(name: str, out: str, summary: dict, detail: dict) -> None:
    """bench/results/<name>.json: the summary (with the machine's load) and the detail."""
    summary = {**summary, "load_average": round(os.getloadavg()[0], 2)}
    report = {"benchmark": name, "created": datetime.now(UTC).isoformat(timespec="seconds"), "summary": summary}
    report["detail"] = detail
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
