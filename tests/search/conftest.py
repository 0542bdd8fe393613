"""Fixtures for the search tests: content, engines (database and the real OpenSearch), viewers."""

import json
import os
import uuid
from pathlib import Path

import pytest

from content.visibility import Viewer
from tests.conftest import load_fixture

SEARCH_FIXTURES = Path(__file__).parent / "fixtures"
RUN_PREFIX = f"hubtest-{uuid.uuid4().hex[:8]}"

ENGINES = [
    pytest.param("database", id="database"),
    pytest.param("opensearch", id="opensearch", marks=pytest.mark.opensearch),
]


def load_search_fixture(name="search.json") -> dict:
    return json.loads((SEARCH_FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def search_content(import_json):
    """The shared test content (two sites, internal and draft pages) plus search-specific pages."""
    import_json(load_fixture("sites.json"), publish=True)
    import_json(load_fixture("draft.json"), publish=False)
    import_json(load_fixture("content.json"), publish=True)
    import_json(load_search_fixture(), publish=True)


def make_test_engine(name, suffix="", url=None):
    from search.engines import make_engine

    if name == "database":
        return make_engine("database", index_prefix="hub")
    url = url or os.environ["HUB_TEST_OPENSEARCH_URL"]
    return make_engine(name, url=url, index_prefix=f"{RUN_PREFIX}{suffix}")


@pytest.fixture
def use_engine(settings):
    """Point the settings at an engine; returns a function taking the engine name (and a URL
    other than the shared test node's)."""
    created = []

    def use(name, suffix="", url=None):
        engine = make_test_engine(name, suffix=suffix or f"-{uuid.uuid4().hex[:6]}", url=url)
        settings.SEARCH_ENGINE = name
        settings.SEARCH_URL = engine.url
        settings.SEARCH_INDEX_PREFIX = engine.index_prefix
        created.append(engine)
        return engine

    yield use
    for engine in created:
        if engine.name != "database":
            engine.drop_all()


@pytest.fixture(params=ENGINES)
def engine(request, search_content, use_engine):
    """Each conformance test runs once per engine, on an index rebuilt from the test content."""
    from search.documents import indexable_documents

    engine = use_engine(request.param)
    engine.rebuild(indexable_documents())
    return engine


@pytest.fixture
def public():
    return Viewer()


@pytest.fixture
def staff_kcc():
    return Viewer(channel="kcc", staff=True)
