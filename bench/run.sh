#!/usr/bin/env bash
# `make bench`: the API benchmark, then the search, B1, Samenwerkende Catalogi and quality
# benchmarks, and the scale-out scenarios of bench/scale.sh (load test, faults, search cluster).
# Each writes bench/results/<name>.json; a summary of every result file closes the run.
#
#   bash bench/run.sh             # full run: 1,000 and 10,000 pages (first run builds the databases)
#   bash bench/run.sh --quick     # 200 pages, short runs
#   BENCH_100K=1 bash bench/run.sh        # also 100,000 pages: API, and search on the real catalogue
#   BENCH_DB=postgres bash bench/run.sh   # PostgreSQL from services/postgres.sh instead of SQLite
#
# Services that already run elsewhere are used, not started: DATABASE_URL=postgres://... (with
# BENCH_DB_PREFIX to name the catalogue databases) and HUB_TEST_OPENSEARCH_URL or SEARCH_URL.
set -euo pipefail

cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
if [[ ! -x "$PY" ]]; then
  echo "No virtualenv at .venv: run 'make install' first." >&2
  exit 1
fi
mkdir -p bench/results

if [[ "${DATABASE_URL:-}" == postgres* ]]; then
  BENCH_DB=postgres  # a running server given by URL: services/postgres.sh is not started
elif [[ "${BENCH_DB:-sqlite}" == "postgres" ]]; then
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

# 100,000 pages (BENCH_100K=1): the catalogue is the imported 1,000 multiplied in SQL (about two
# minutes the first time, cached), the API is measured at that size too, and search runs on the
# real catalogue. Adds about 10 minutes on 2 idle cores; the rebuilds take most of it.
sizes=()
if [[ "${BENCH_100K:-0}" == 1 && "${BENCH_QUICK:-0}" != 1 ]]; then
  sizes=(--pages 1000 10000 100000)
fi

failed=()
echo "== API: our GraphQL API vs wagtail-grapple vs REST API v2" >&2
"$PY" -m bench.api_bench "${sizes[@]}" "$@" || failed+=(api_bench)

# The search benchmark measures the database engine and OpenSearch in one run: start the local
# OpenSearch (and stop it afterwards if it was not running), unless one is given by URL.
opensearch_given="${HUB_TEST_OPENSEARCH_URL:-${SEARCH_URL:-}}"
if [[ -n "$opensearch_given" ]] && curl -fsS -o /dev/null --max-time 3 "$opensearch_given"; then
  echo "OpenSearch at $opensearch_given" >&2
else
  source services/opensearch-session.sh
  opensearch_for_this_script ||
    echo "OpenSearch did not start: the search benchmark measures the database engine only." >&2
fi

echo "== search_bench (database engine, OpenSearch)" >&2
"$PY" -m bench.search_bench || failed+=(search_bench)
if [[ "${BENCH_DB:-sqlite}" != "postgres" ]] && services/postgres.sh start >&2; then
  # OpenSearch again, as the peer measured in the same run.
  echo "== search_bench (database engine on PostgreSQL, OpenSearch)" >&2
  DATABASE_URL="$(services/postgres.sh url)" "$PY" -m bench.search_bench \
    --out bench/results/search-postgres.json || failed+=(search_bench-postgres)
fi

if ((${#sizes[@]})); then
  echo "== catalogue_search (100,000 pages: full rebuild and queries on the database engine and OpenSearch)" >&2
  "$PY" -m bench.catalogue_search --pages 100000 || failed+=(catalogue_search)
fi

echo "== b1_bench" >&2
"$PY" -m bench.b1_bench || failed+=(b1_bench)

echo "== sc_bench (Samenwerkende Catalogi feed: built uncached, served cached)" >&2
"$PY" -m bench.sc_bench || failed+=(sc_bench)

echo "== quality_bench (content quality: a full check, internal checks, and the page panel)" >&2
"$PY" -m bench.quality_bench || failed+=(quality_bench)

# The scale-out scenarios (also `make scale` alone): load test, faults, a search cluster node lost.
bash bench/scale.sh --no-summary || failed+=(scale)

"$PY" -m bench.summary
if ((${#failed[@]})); then
  echo "Failed: ${failed[*]}" >&2
  exit 1
fi
