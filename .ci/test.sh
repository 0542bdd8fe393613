#!/usr/bin/env bash
# The whole test suite, as `make test` runs it:
#   1. lint, Django checks and missing migrations,
#   2. the full suite against a real PostgreSQL, OpenSearch and Redis (all started here),
#   3. a smoke run of the unit and database tests on SQLite.
# Under CI=true a skipped test is a failure: services must really be there.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=hub.settings.test

echo "== Lint (ruff)"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

echo "== Django checks"
$PY manage.py check --fail-level WARNING
$PY manage.py makemigrations --check --dry-run >/dev/null || {
  echo "Model changes without a migration: run 'python manage.py makemigrations'." >&2; exit 1; }

echo "== Services"
services/postgres.sh start
services/redis.sh start
source services/opensearch-session.sh
opensearch_for_this_script

export HUB_TEST_POSTGRES_URL
HUB_TEST_POSTGRES_URL="$(services/postgres.sh url)"
export HUB_TEST_OPENSEARCH_URL
HUB_TEST_OPENSEARCH_URL="$(services/opensearch.sh url)"
# The shared cache (Redis): the full suite runs on it, GraphQL response cache included.
export HUB_TEST_REDIS_URL
HUB_TEST_REDIS_URL="$(services/redis.sh url)"

echo "== Browser and accessibility tooling"
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; else
    echo "Chromium is missing: sudo apt-get install chromium" >&2; fi
fi
npm ci --no-audit --no-fund --silent

# Two workers (pytest-xdist): much of a test's time is spent waiting on PostgreSQL, OpenSearch
# and Chromium. Each worker gets its own test database and index prefix. PYTEST_WORKERS=0 runs
# everything in one process.
WORKERS="${PYTEST_WORKERS:-2}"

echo "== Full suite on PostgreSQL + OpenSearch"
DATABASE_URL="$HUB_TEST_POSTGRES_URL" $PY -m pytest -n "$WORKERS" "$@"

echo "== Smoke run on SQLite"
HUB_TEST_REDIS_URL="" DATABASE_URL="sqlite:///$(pwd)/var/test-smoke.sqlite3" $PY -m pytest -n "$WORKERS" -q -m "not postgres and not opensearch and not browser" \
  -p no:cacheprovider tests/content tests/search tests/readability tests/api tests/editorial "$@"
