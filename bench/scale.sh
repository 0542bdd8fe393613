#!/usr/bin/env bash
# `make scale` (and the last part of `make bench`): the scale-out scenarios of issue #20, each a
# measurement with its targets in bench/results/<name>.json:
#   load_bench     residents, the app and editors at once (locust against gunicorn, PostgreSQL,
#                  OpenSearch and Redis); requests/s, latencies, errors, publish -> searchable
#   fault_bench    Redis killed, PostgreSQL restarted while publishing, outbox worker killed
#   cluster_bench  a node of a three-node OpenSearch cluster killed while searching and publishing
# About 10 minutes on 2 cores (BENCH_QUICK=1: about 5). Services are started here when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
[[ -x "$PY" ]] || { echo "No virtualenv at .venv: run 'make install' first." >&2; exit 1; }
mkdir -p bench/results
summary=1
for arg in "$@"; do
  [[ "$arg" == "--quick" ]] && export BENCH_QUICK=1
  [[ "$arg" == "--no-summary" ]] && summary=0
done

failed=()
services/postgres.sh start >&2
services/redis.sh start >&2
source services/opensearch-session.sh
opensearch_for_this_script || echo "OpenSearch did not start: the load and fault scenarios use the database engine." >&2
PG_URL="$(services/postgres.sh url)"
OS_URL=""
services/opensearch.sh status >/dev/null 2>&1 && OS_URL="$(services/opensearch.sh url)"

echo "== load_bench (residents, the app and editors at once: locust against gunicorn)" >&2
DATABASE_URL="${DATABASE_URL:-$PG_URL}" SEARCH_URL="$OS_URL" \
  HUB_CACHE_URL="${HUB_CACHE_URL:-$(services/redis.sh url)}" "$PY" -m bench.load_bench || failed+=(load_bench)

echo "== fault_bench (Redis killed, PostgreSQL restarted while publishing, outbox worker killed)" >&2
DATABASE_URL="$PG_URL" SEARCH_URL="$OS_URL" "$PY" -m bench.fault_bench || failed+=(fault_bench)

echo "== cluster_bench (three OpenSearch nodes, one killed while searching and publishing)" >&2
# Starts services/opensearch-cluster.sh (and stops it afterwards if it was not running); a cluster
# that does not start gives bench/results/cluster.json with the reason, not a failed run.
"$PY" -m bench.cluster_bench || failed+=(cluster_bench)

((summary)) && "$PY" -m bench.summary
if ((${#failed[@]})); then
  echo "Failed: ${failed[*]}" >&2
  exit 1
fi
