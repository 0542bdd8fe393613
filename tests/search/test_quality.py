"""Search quality on the demo content: queries typed the way residents and KCC staff type them
(typos, plurals, inflections, synonyms, colloquial words, questions). The right answer must be in
the top 3 for at least 9 in 10 queries, on every engine. The queries are in fixtures/quality.json;
the English queries (fixtures/quality_en.json) search the English translations of the demo pages
(fixtures/english_demo.json) with `language="en"`, next to the Dutch pages."""

import json
from pathlib import Path

import pytest

from content.visibility import Viewer
from search.query import search
from tests.search.conftest import ENGINES, SEARCH_FIXTURES

pytestmark = pytest.mark.django_db

DEMO_FILE = Path(__file__).resolve().parents[2] / "content" / "demo" / "deventer.json"
ENGLISH_DEMO_FILE = SEARCH_FIXTURES / "english_demo.json"
QUERIES = json.loads((SEARCH_FIXTURES / "quality.json").read_text(encoding="utf-8"))["queries"]
ENGLISH_QUERIES = json.loads((SEARCH_FIXTURES / "quality_en.json").read_text(encoding="utf-8"))["queries"]
REQUIRED_SHARE = 0.9


def _refs(path: Path) -> set[str]:
    return {item["ref"] for item in json.loads(path.read_text(encoding="utf-8"))["items"]}


def _import(*paths: Path):
    from content.importing import import_data

    for path in paths:
        import_data(json.loads(path.read_text(encoding="utf-8")), publish=True, base_dir=path.parent)


def _misses(queries, engine, language=None) -> list[str]:
    public, staff = Viewer(), Viewer(channel="kcc", staff=True)
    misses = []
    for entry in queries:
        viewer = staff if entry.get("staff") else public
        response = search(entry["q"], viewer=viewer, site=entry.get("site"), first=3, engine=engine, language=language)
        top = [hit.ref for hit in response.hits]
        if not set(entry["expect"]) & set(top):
            misses.append(f"{entry['q']!r}: expected one of {entry['expect']}, got {top}")
    return misses


def test_the_query_set_is_large_and_names_only_existing_demo_pages():
    demo_refs = _refs(DEMO_FILE)
    assert len(QUERIES) >= 50
    for entry in QUERIES:
        assert set(entry["expect"]) <= demo_refs, entry


def test_the_english_query_set_is_large_and_names_only_english_demo_pages():
    english_refs = _refs(ENGLISH_DEMO_FILE)
    assert len(ENGLISH_QUERIES) >= 50
    for entry in ENGLISH_QUERIES:
        assert set(entry["expect"]) <= english_refs, entry


@pytest.mark.parametrize("engine_name", ENGINES)
def test_the_right_answer_is_in_the_top_three_for_nine_in_ten_queries(engine_name, use_engine):
    from search.documents import indexable_documents

    _import(DEMO_FILE)
    engine = use_engine(engine_name)
    engine.rebuild(indexable_documents())

    misses = _misses(QUERIES, engine)
    share = 1 - len(misses) / len(QUERIES)
    print(f"{engine_name}: {share:.0%} of {len(QUERIES)} queries have the right answer in the top 3")
    print("\n".join(misses))
    assert share >= REQUIRED_SHARE, "\n".join([f"only {share:.0%} in the top 3; misses:", *misses])


@pytest.mark.parametrize("engine_name", ENGINES)
def test_in_english_the_right_answer_is_in_the_top_three_for_nine_in_ten_queries(engine_name, use_engine):
    from search.documents import indexable_documents

    _import(DEMO_FILE, ENGLISH_DEMO_FILE)
    engine = use_engine(engine_name)
    engine.rebuild(indexable_documents())

    misses = _misses(ENGLISH_QUERIES, engine, language="en")
    share = 1 - len(misses) / len(ENGLISH_QUERIES)
    print(f"{engine_name} (en): {share:.0%} of {len(ENGLISH_QUERIES)} queries have the right answer in the top 3")
    print("\n".join(misses))
    assert share >= REQUIRED_SHARE, "\n".join([f"only {share:.0%} in the top 3; misses:", *misses])
