# Content hub — every command a developer needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
PG_URL = $(shell services/postgres.sh url)
OS_URL = $(shell services/opensearch.sh url)

.PHONY: help install run demo test screenshots test-unit test-integration test-sqlite lint format bench scale postgres opensearch redis services-stop schema clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c requirements/constraints.txt -e ".[dev,bench]"
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned dependencies

demo: install ## Migrate the SQLite database and load the demo content
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py setup_demo
	$(PY) manage.py search_index rebuild --no-progress

run: demo ## Set everything up and serve the hub with demo content (SQLite, database search)
	$(PY) manage.py collectstatic --noinput -v0
	$(VENV)/bin/honcho -f Procfile start

postgres: ## Start the local PostgreSQL used by the tests (installs it when missing)
	services/postgres.sh start

opensearch: ## Fetch OpenSearch from Maven Central and run it on localhost:9200
	services/opensearch.sh start

redis: ## Start the local Redis (shared cache) on localhost:6390 (installs it when missing)
	services/redis.sh start

services-stop: ## Stop the local PostgreSQL, Redis and OpenSearch (and the OpenSearch cluster, if it runs)
	-services/opensearch-cluster.sh stop
	-services/opensearch.sh stop
	-services/redis.sh stop
	-services/postgres.sh stop

test: install ## Set up and run every test: lint, checks, PostgreSQL + OpenSearch + Redis suite, SQLite smoke run
	bash .ci/test.sh

lint: install ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Apply ruff formatting and safe fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

schema: install ## Write api/schema.graphql from the code
	$(PY) manage.py graphql_schema --schema api.schema.schema --out api/schema.graphql

screenshots: install ## Screenshots of every page type into docs/screenshots/ (needs chromium)
	npm ci --no-audit --no-fund --silent
	$(PY) scripts/screenshots.py

bench: install ## Run the benchmarks (API vs grapple vs REST v2, search, B1, SC, quality, scale-out) and write bench/results/
	bash bench/run.sh

scale: install ## Only the scale-out scenarios: load test, faults, a search cluster node lost (bench/results/)
	bash bench/scale.sh

clean: ## Remove generated files (venv, databases, services' data)
	-services/opensearch-cluster.sh stop
	-services/opensearch.sh stop
	-services/redis.sh stop
	-services/postgres.sh stop
	rm -rf $(VENV) var .services
