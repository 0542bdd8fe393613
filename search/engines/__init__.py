"""The configured search engine: settings.SEARCH_ENGINE, SEARCH_URL (one URL, or several for a
cluster), SEARCH_INDEX_PREFIX and SEARCH_INDEX_REPLICAS."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import EngineUnavailable, Hit, SearchEngine, SearchRequest, SearchResults

__all__ = ["EngineUnavailable", "Hit", "SearchEngine", "SearchRequest", "SearchResults", "get_engine", "make_engine"]

_engines: dict[tuple, SearchEngine] = {}


def make_engine(name: str, *, url: str = "", index_prefix: str = "hub", replicas: int | None = None) -> SearchEngine:
    """A new engine object of the named kind (no network traffic yet). `replicas` (default
    settings.SEARCH_INDEX_REPLICAS) is for the indices an OpenSearch/Elasticsearch engine creates."""
    if name == "database":
        from .database import make_database_engine

        return make_database_engine(url=url, index_prefix=index_prefix)
    if name == "opensearch":
        from .opensearch import OpenSearchEngine

        return OpenSearchEngine(url=url, index_prefix=index_prefix, replicas=_replicas(replicas))
    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(url=url, index_prefix=index_prefix, replicas=_replicas(replicas))
    raise ImproperlyConfigured(f"SEARCH_ENGINE must be database, opensearch or elasticsearch, not {name!r}.")


def _replicas(replicas: int | None) -> int:
    return settings.SEARCH_INDEX_REPLICAS if replicas is None else replicas


def get_engine() -> SearchEngine:
    """The engine the settings choose; one object (and connection pool) per configuration."""
    key = (settings.SEARCH_ENGINE, settings.SEARCH_URL, settings.SEARCH_INDEX_PREFIX, settings.SEARCH_INDEX_REPLICAS)
    if key not in _engines:
        if key[0] != "database" and not key[1]:
            raise ImproperlyConfigured(f"SEARCH_ENGINE={key[0]} needs SEARCH_URL.")
        _engines[key] = make_engine(key[0], url=key[1], index_prefix=key[2])
    return _engines[key]
