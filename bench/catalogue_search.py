"""Search on the generated catalogue: a full rebuild of the real pages, then a query mix.

    python -m bench.catalogue_search --pages 100000

Unlike bench/search_bench.py (synthetic documents, the visibility re-check passed through),
this indexes the catalogue's published pages with the hub's own rebuild
(`search.documents.indexable_documents`, as `manage.py search_index rebuild`) and searches
as a resident and as staff would, the visibility re-check included. Engines: the database
engine of the catalogue's database, and OpenSearch when it answers (index prefix
BENCH_SEARCH_PREFIX, default `bench`; the index is dropped afterwards). One client, idle
otherwise: the figures are p50 and p95 of single requests. Writes
bench/results/search-catalogue-<N>.json.
"""

from __future__ import annotations

import os
import statistics
import time

from .catalogue_run import RESULTS, log, use_generated_database, write_report
from .stats import percentile

# Targets of issue #20 at 100,000 pages.
TARGET_P95_MS = {"opensearch": 50, "database": 150}
TARGET_REBUILD_S = 300
WARMUP_ROUNDS = 3
# (label, query, staff, site): words the catalogue's product pages use.
QUERY_MIX = [
    ("single word", "paspoort", False, None),
    ("two words", "paspoort aanvragen", False, None),
    ("plural", "vergunningen", False, None),
    ("typo", "rijbewjis", False, None),
    ("keyword synonym", "reisdocument", False, None),
    ("question", "hoe vraag ik bijzondere bijstand aan", False, None),
    ("rare word", "naturalisatie", False, None),
    ("common words", "afspraak maken", False, None),
    ("no results", "qwzxv", False, None),
    ("staff, internal text", "burgerservicenummer", True, None),
    ("subsite scope", "parkeervergunning", False, "verkeer"),
]


def run_engine(engine, rounds: int) -> dict:
    from content.visibility import Viewer
    from search.documents import count_indexable_pages, indexable_documents
    from search.query import search

    result = {"engine": engine.name, "pages": count_indexable_pages()}
    building = [0.0]

    def timed(documents):
        # The share of the rebuild spent making the documents (the rest is the engine's).
        while True:
            started = time.perf_counter()
            document = next(documents, None)
            building[0] += time.perf_counter() - started
            if document is None:
                return
            yield document

    started = time.perf_counter()
    result["documents"] = engine.rebuild(timed(indexable_documents()))
    result["rebuild_s"] = round(time.perf_counter() - started, 1)
    result["rebuild_documents_s"] = round(building[0], 1)
    result["size_on_disk_bytes"] = engine.size_on_disk()
    log(
        f"  {engine.name}: {result['documents']:,} documents rebuilt in {result['rebuild_s']} s "
        f"({result['rebuild_documents_s']} s of it making the documents)"
    )
    public, staff = Viewer(), Viewer(channel="kcc", staff=True)

    def ask(text, as_staff, site):
        return search(text, viewer=staff if as_staff else public, site=site, engine=engine)

    for _ in range(WARMUP_ROUNDS):
        for _label, text, as_staff, site in QUERY_MIX:
            ask(text, as_staff, site)
    latencies, per_query = [], {}
    for _ in range(rounds):
        for label, text, as_staff, site in QUERY_MIX:
            started = time.perf_counter()
            response = ask(text, as_staff, site)
            took = (time.perf_counter() - started) * 1000
            latencies.append(took)
            per_query.setdefault(label, {"query": text, "total": response.total, "ms": []})["ms"].append(took)
    result["queries"] = len(latencies)
    result["p50_ms"] = percentile(latencies, 50)
    result["p95_ms"] = percentile(latencies, 95)
    result["per_query"] = {
        label: {"query": q["query"], "total": q["total"], "p50_ms": round(statistics.median(q["ms"]), 1)}
        for label, q in per_query.items()
    }
    return result


def _targets(results: list[dict], vendor: str) -> dict:
    checks = {}
    for result in results:
        kind = "opensearch" if result["engine"] == "opensearch" else "database"
        name = f"{kind} ({vendor})" if kind == "database" else kind
        checks[f"{name} search p95 under {TARGET_P95_MS[kind]} ms"] = {
            "value_ms": result["p95_ms"],
            "pass": result["p95_ms"] < TARGET_P95_MS[kind],
        }
        checks[f"{name} full rebuild under {TARGET_REBUILD_S} s"] = {
            "value_s": result["rebuild_s"],
            "pass": result["rebuild_s"] < TARGET_REBUILD_S,
        }
    return checks


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--out", default=None)
    args = parser.parse_args(argv)
    use_generated_database(args.pages)
    import django

    django.setup()
    import logging

    for name in ("opensearch", "elastic_transport", "urllib3"):
        logging.getLogger(name).setLevel(logging.ERROR)
    from django.db import connection

    from search.engines import make_engine

    from .search_bench import opensearch_url

    vendor = connection.vendor
    log(f"{args.pages:,} pages: database engine on {vendor}")
    results = [run_engine(make_engine("database"), args.rounds)]
    results[0]["engine"] = f"database ({vendor})"
    url = opensearch_url(None)
    if url:
        prefix = f"{os.environ.get('BENCH_SEARCH_PREFIX', 'bench')}-catalogue-{args.pages}"
        log(f"{args.pages:,} pages: OpenSearch at {url} (index prefix {prefix})")
        engine = make_engine("opensearch", url=url, index_prefix=prefix)
        try:
            results.append(run_engine(engine, args.rounds))
        finally:
            engine.drop_all()
    else:
        log("OpenSearch not reachable: skipped")
    summary = {
        "pages": args.pages,
        "database": vendor,
        **{
            r["engine"]: {
                k: r[k]
                for k in ("documents", "rebuild_s", "rebuild_documents_s", "p50_ms", "p95_ms", "size_on_disk_bytes")
            }
            for r in results
        },
        "targets": _targets(results, vendor),
    }
    out = args.out or str(RESULTS / f"search-catalogue-{args.pages}.json")
    write_report("search-catalogue", out, summary, {"engines": results})
    for name, check in summary["targets"].items():
        log(f"  {'PASS' if check['pass'] else 'MISS'} {name}: {check.get('value_ms', check.get('value_s'))}")
    log(f"written: {out}")


if __name__ == "__main__":
    main()
