"""The hard quality set: queries written before any tuning, on content that is not the demo.

The content is a fictional municipality (fixtures/lindeveen.json: products, answers, news, an
internal work instruction and English translations); the queries (fixtures/quality_hard.json,
fixtures/quality_hard_en.json) are questions, everyday words, typos, inflections, hyphens and
compounds, two-word tasks and KCC phrasing. On every engine the right page must be in the top 3
for at least 95% of the queries, per language, and no two engines may differ by more than 3
points. Queries whose top result differs between engines are printed.

Each run compares the database engine it runs on (SQLite or PostgreSQL) with OpenSearch, and
writes its figures to var/search-quality/; a run on the other database compares with the
figures the last run on it left there (for the same content, queries and search code).
"""

import hashlib
import json
from pathlib import Path

import pytest
from django.db import connection

from content.visibility import Viewer
from search.query import search
from tests.search.conftest import ENGINES, SEARCH_FIXTURES, indexed_engine

CONTENT_FILE = SEARCH_FIXTURES / "lindeveen.json"
QUERY_FILES = {"nl": SEARCH_FIXTURES / "quality_hard.json", "en": SEARCH_FIXTURES / "quality_hard_en.json"}
REQUIRED_SHARE = 0.95
MAX_POINTS_APART = 3.0
FIGURES_DIR = Path(__file__).resolve().parents[2] / "var" / "search-quality"


def _queries(language):
    return json.loads(QUERY_FILES[language].read_text(encoding="utf-8"))["queries"]


def _fingerprint() -> str:
    """The content, the queries and the search code: figures of another run are compared only
    when all three are the same."""
    search_code = Path(__file__).resolve().parents[2] / "search"
    digest = hashlib.sha256()
    for path in (
        CONTENT_FILE,
        *QUERY_FILES.values(),
        *sorted(search_code.rglob("*.py")),
        *sorted(search_code.rglob("*.json")),
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def module_search_content(module_import):
    """This module's own content, instead of the shared search content."""
    module_import((json.loads(CONTENT_FILE.read_text(encoding="utf-8")), True))


@pytest.fixture(scope="module")
def hard_results(module_search_content, django_db_blocker):
    """Per engine name and language: {query: top-3 refs}, computed once per module."""
    found: dict[tuple[str, str], dict[str, list[str]]] = {}

    def results(engine_name: str, language: str) -> dict[str, list[str]]:
        if (engine_name, language) not in found:
            with indexed_engine(engine_name, django_db_blocker) as engine, django_db_blocker.unblock():
                for code in QUERY_FILES:
                    found[(engine_name, code)] = _run(_queries(code), engine, code)
        return found[(engine_name, language)]

    return results


def _run(queries, engine, language) -> dict[str, list[str]]:
    public, staff = Viewer(), Viewer(channel="kcc", staff=True)
    top = {}
    for entry in queries:
        viewer = staff if entry.get("staff") else public
        response = search(entry["q"], viewer=viewer, first=3, engine=engine, language=language)
        top[entry["q"]] = [hit.ref for hit in response.hits]
    return top


def _misses(queries, top) -> list[str]:
    return [
        f"[{entry['kind']}] {entry['q']!r}: expected one of {entry['expect']}, got {top[entry['q']]}"
        for entry in queries
        if not set(entry["expect"]) & set(top[entry["q"]])
    ]


def _label(engine_name: str) -> str:
    return connection.vendor if engine_name == "database" else engine_name


def _share(language, top) -> float:
    queries = _queries(language)
    return 1 - len(_misses(queries, top)) / len(queries)


def test_the_hard_sets_are_large_and_name_only_pages_of_their_language():
    items = {item["ref"]: item for item in json.loads(CONTENT_FILE.read_text(encoding="utf-8"))["items"]}
    for language, minimum in (("nl", 150), ("en", 40)):
        queries = _queries(language)
        assert len(queries) >= minimum
        assert len({q["q"] for q in queries}) == len(queries), "a query is listed twice"
        for entry in queries:
            assert entry["expect"], entry
            for ref in entry["expect"]:
                assert items[ref].get("language", "nl") == language, entry
    kinds = {q["kind"] for q in _queries("nl")}
    assert {"question", "colloquial", "typo", "inflection", "hyphen", "task", "kcc"} <= kinds


def test_the_content_is_not_the_demo():
    demo = Path(__file__).resolve().parents[2] / "content" / "demo" / "deventer.json"
    demo_refs = {item["ref"] for item in json.loads(demo.read_text(encoding="utf-8"))["items"]}
    ours = {item["ref"] for item in json.loads(CONTENT_FILE.read_text(encoding="utf-8"))["items"]}
    assert not demo_refs & ours


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("engine_name", ENGINES)
def test_the_right_answer_is_in_the_top_three_for_95_percent_of_the_hard_set(
    engine_name, language, hard_results, search_content
):
    top = hard_results(engine_name, language)
    misses = _misses(_queries(language), top)
    share = _share(language, top)
    print(f"{_label(engine_name)} ({language}): {share:.1%} of {len(top)} queries in the top 3")
    print("\n".join(misses))
    _store(engine_name, language, top)
    assert share >= REQUIRED_SHARE, "\n".join([f"only {share:.1%} in the top 3; misses:", *misses])


@pytest.mark.opensearch
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_engines_find_the_same_within_three_points(language, hard_results, search_content):
    scores = {_label(name): hard_results(name, language) for name in ("database", "opensearch")}
    scores.update(_stored_from_other_runs(language, exclude=set(scores)))
    shares = {label: _share(language, top) * 100 for label, top in scores.items()}
    labels = sorted(scores)
    differing = []
    for entry in _queries(language):
        firsts = {label: (scores[label][entry["q"]] or ["-"])[0] for label in labels}
        if len(set(firsts.values())) > 1:
            differing.append(f"{entry['q']!r}: " + ", ".join(f"{label} {ref}" for label, ref in firsts.items()))
    print(f"({language}) top-3 share per engine: " + ", ".join(f"{k} {v:.1f}%" for k, v in sorted(shares.items())))
    print(f"({language}) {len(differing)} queries with a different top result:")
    print("\n".join(differing))
    apart = max(shares.values()) - min(shares.values())
    assert apart <= MAX_POINTS_APART, f"the engines are {apart:.1f} points apart: {shares}"


def _store(engine_name, language, top):
    FIGURES_DIR.mkdir(parents=True, exist_ok=True)
    path = FIGURES_DIR / f"{_label(engine_name)}-{language}.json"
    path.write_text(json.dumps({"fingerprint": _fingerprint(), "top": top}, ensure_ascii=False), encoding="utf-8")


def _stored_from_other_runs(language, exclude) -> dict[str, dict[str, list[str]]]:
    """What runs on the other database left, if they ran on this content and these queries."""
    stored = {}
    for label in ("sqlite", "postgresql"):
        path = FIGURES_DIR / f"{label}-{language}.json"
        if label in exclude or not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("fingerprint") == _fingerprint():
            stored[label] = data["top"]
    return stored
