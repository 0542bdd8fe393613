"""Fixtures for the search tests: content, engines (database and the real OpenSearch), viewers."""

import json
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from content.visibility import Viewer
from tests.conftest import HUB_CONTENT

SEARCH_FIXTURES = Path(__file__).parent / "fixtures"
RUN_PREFIX = f"hubtest-{uuid.uuid4().hex[:8]}"

ENGINES = [
    pytest.param("database", id="database"),
    pytest.param("opensearch", id="opensearch", marks=pytest.mark.opensearch),
]


def load_search_fixture(name="search.json") -> dict:
    return json.loads((SEARCH_FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def module_search_content(module_import):
    module_import(*HUB_CONTENT, (load_search_fixture(), True))


@pytest.fixture(scope="module")
def module_search_content_with_english(module_import):
    """The search content plus English translations of some of its pages (fixtures/english.json).
    A module that searches in English overrides `module_search_content` with this one."""
    module_import(*HUB_CONTENT, (load_search_fixture(), True), (load_search_fixture("english.json"), True))


@pytest.fixture
def search_content(module_search_content, db):
    """The shared test content (two sites, internal and draft pages) plus search-specific pages,
    imported once per module."""


def make_test_engine(name, suffix="", url=None):
    from search.engines import make_engine

    if name == "database":
        return make_engine("database", index_prefix="hub")
    url = url or os.environ["HUB_TEST_OPENSEARCH_URL"]
    return make_engine(name, url=url, index_prefix=f"{RUN_PREFIX}{suffix}")


def point_settings_at(settings, engine):
    settings.SEARCH_ENGINE = engine.name
    settings.SEARCH_URL = engine.url
    settings.SEARCH_INDEX_PREFIX = engine.index_prefix


@pytest.fixture
def use_engine(settings):
    """Point the settings at an engine; returns a function taking the engine name (and a URL
    other than the shared test node's)."""
    created = []

    def use(name, suffix="", url=None):
        engine = make_test_engine(name, suffix=suffix or f"-{uuid.uuid4().hex[:6]}", url=url)
        point_settings_at(settings, engine)
        created.append(engine)
        return engine

    yield use
    for engine in created:
        if engine.name != "database":
            engine.drop_all()


@contextmanager
def indexed_engine(name, django_db_blocker):
    """An engine with the module's test content indexed; dropped afterwards."""
    from search.documents import indexable_documents

    engine = make_test_engine(name, suffix=f"-{uuid.uuid4().hex[:6]}")
    with django_db_blocker.unblock():
        engine.rebuild(indexable_documents())
    try:
        yield engine
    finally:
        if engine.name != "database":
            engine.drop_all()


@pytest.fixture(scope="module", params=ENGINES)
def module_engine(request, module_search_content, django_db_blocker):
    """The test content indexed once per module and engine (tests must not write to it)."""
    with indexed_engine(request.param, django_db_blocker) as engine:
        yield engine


@pytest.fixture(scope="module")
def module_database_engine(module_search_content, django_db_blocker):
    with indexed_engine("database", django_db_blocker) as engine:
        yield engine


@pytest.fixture
def engine(module_engine, search_content, settings):
    """Each conformance test runs once per engine, on an index built from the test content."""
    point_settings_at(settings, module_engine)
    return module_engine


@pytest.fixture
def database_engine(module_database_engine, search_content, settings):
    """The database engine on the module's indexed test content (tests must not write to it)."""
    point_settings_at(settings, module_database_engine)
    return module_database_engine


@pytest.fixture
def public():
    return Viewer()


@pytest.fixture
def staff_kcc():
    return Viewer(channel="kcc", staff=True)
