#!/usr/bin/env bash
# `make bench`: the API benchmark, then the search and B1 benchmarks when they exist.
# Each writes bench/results/<name>.json; a summary of every result file closes the run.
#
#   bash bench/run.sh             # full run: 1,000 and 10,000 pages (first run builds the databases)
#   bash bench/run.sh --quick     # 200 pages, short runs
#   BENCH_DB=postgres bash bench/run.sh   # PostgreSQL from services/postgres.sh instead of SQLite
set -euo pipefail

cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
if [[ ! -x "$PY" ]]; then
  echo "No virtualenv at .venv: run 'make install' first." >&2
  exit 1
fi
mkdir -p bench/results

if [[ "${BENCH_DB:-sqlite}" == "postgres" ]]; then
  if [[ ! -x services/postgres.sh ]]; then
    echo "BENCH_DB=postgres needs services/postgres.sh, which this checkout does not have." >&2
    exit 1
  fi
  services/postgres.sh start >&2
  # api_bench makes (and keeps) one database per catalogue size next to this one.
  DATABASE_URL="$(services/postgres.sh url)"
  export DATABASE_URL
fi
# The other benchmarks read the quick mode from the environment, not from our arguments.
for arg in "$@"; do
  [[ "$arg" == "--quick" ]] && export BENCH_QUICK=1
done

failed=()
echo "== API: our GraphQL API vs wagtail-grapple vs REST API v2" >&2
"$PY" -m bench.api_bench "$@" || failed+=(api_bench)

for name in search_bench b1_bench; do
  if [[ -f "bench/$name.py" ]]; then
    echo "== $name" >&2
    "$PY" -m "bench.$name" || failed+=("$name")
  fi
done

"$PY" -m bench.summary
if ((${#failed[@]})); then
  echo "Failed: ${failed[*]}" >&2
  exit 1
fi
