"""Health checks, metrics, the response cache's rules and the shared cache when Redis is away
(docs/operations.md)."""

import json

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.test import override_settings

QUERY = 'query Paspoort { page(site: "deventer", path: "/producten/paspoort-aanvragen/") { title } }'
SEARCH = 'query Zoek { search(query: "paspoort") { totalCount queryId } }'


def _get(client, query=QUERY, **headers):
    headers.setdefault("HTTP_ACCEPT", "application/json")
    return client.get("/graphql/", {"query": query}, **headers)


def _cache_state(response) -> str | None:
    timing = response["Server-Timing"]
    return timing.split('cache;desc="')[1].split('"')[0] if "cache;desc" in timing else None


@pytest.mark.django_db
def test_liveness_asks_nothing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_reports_every_part_without_secrets(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert set(body["checks"]) == {"database", "outbox", "cache", "search"}
    assert body["checks"]["database"]["ok"] is True
    assert body["status"] in {"ok", "degraded"}
    text = json.dumps(body)
    for secret in ("postgres://", "redis://", "password", "127.0.0.1"):
        assert secret not in text


@pytest.mark.django_db
def test_readiness_says_degraded_when_the_outbox_is_behind(client, settings):
    from datetime import timedelta

    from django.utils import timezone

    from content.models import OutboxTask

    settings.HUB_HEALTH_OUTBOX_MAX_LAG = 60
    task = OutboxTask.objects.create(subscriber="search", kind="page", object_id=1, action=OutboxTask.UPDATE)
    OutboxTask.objects.filter(pk=task.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    body = client.get("/health/ready").json()
    assert body["status"] == "degraded"
    assert body["checks"]["outbox"]["behind"] == ["search"]


@pytest.mark.django_db
def test_readiness_is_503_without_a_database(client, monkeypatch):
    from hub import health

    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "_database", broken)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    database = response.json()["checks"]["database"]
    assert database["ok"] is False and database["error"] == "OperationalError"


@pytest.mark.django_db
def test_metrics_count_graphql_operations_and_are_not_for_everybody(client, hub_content):
    _get(client)
    _get(client)
    response = client.get("/metrics")
    assert response.status_code == 200
    text = response.content.decode()
    assert "hub_graphql_requests_total{cache=" in text or "hub_graphql_requests_total{" in text
    assert 'operation="Paspoort"' in text
    assert "hub_graphql_request_duration_seconds_bucket" in text
    assert 'hub_outbox_lag_seconds{subscriber="search"}' in text
    assert "hub_shared_cache_available" in text
    # From another address, without the token: no metrics.
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403


@pytest.mark.django_db
def test_metrics_token_opens_them_from_elsewhere(client, settings):
    settings.HUB_METRICS_TOKEN = "een-lang-geheim-voor-prometheus"  # noqa: S105 - test value
    headers = {"REMOTE_ADDR": "203.0.113.9"}
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer fout", **headers).status_code == 403
    good = f"Bearer {settings.HUB_METRICS_TOKEN}"
    assert client.get("/metrics", HTTP_AUTHORIZATION=good, **headers).status_code == 200


def test_made_up_operation_names_do_not_grow_the_metrics_without_bound(monkeypatch):
    from hub import metrics

    monkeypatch.setattr(metrics, "_known_operations", set())
    labels = {metrics.operation_label(f"Op{i}") for i in range(metrics.MAX_OPERATIONS + 50)}
    assert len(labels) == metrics.MAX_OPERATIONS + 1 and "other" in labels
    assert metrics.operation_label("bad name; drop") == "other"
    assert metrics.operation_label(None) == "anonymous"


@pytest.mark.django_db
@override_settings(HUB_RESPONSE_CACHE={"ENABLED": True, "SECONDS": 60, "MAX_BYTES": 512 * 1024})
def test_public_answers_come_from_the_cache_until_content_changes(client, hub_content, django_assert_num_queries):
    from content.models import ProductPage

    first = _get(client)
    assert _cache_state(first) == "miss"
    with django_assert_num_queries(0):
        second = _get(client)
    assert _cache_state(second) == "hit" and second.content == first.content
    assert second["ETag"] == first["ETag"] and "public" in second["Cache-Control"]
    with django_assert_num_queries(0):
        assert _get(client, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    page = ProductPage.objects.get(ref="product-paspoort")
    page.title = "Paspoort aanvragen (nieuw)"
    page.save_revision().publish()
    fresh = _get(client, HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200 and _cache_state(fresh) == "miss"
    assert fresh.json()["data"]["page"]["title"] == "Paspoort aanvragen (nieuw)"


@pytest.mark.django_db
@override_settings(HUB_RESPONSE_CACHE={"ENABLED": True, "SECONDS": 60, "MAX_BYTES": 512 * 1024})
def test_a_draft_save_keeps_the_cached_answer(client, hub_content):
    from content.models import ProductPage

    _get(client)
    page = ProductPage.objects.get(ref="product-paspoort")
    page.title = "Nog niet gepubliceerd"
    page.save_revision()
    answer = _get(client)
    assert _cache_state(answer) == "hit"
    assert answer.json()["data"]["page"]["title"] == "Paspoort aanvragen"


@pytest.mark.django_db
@override_settings(HUB_RESPONSE_CACHE={"ENABLED": True, "SECONDS": 60, "MAX_BYTES": 512 * 1024})
def test_what_is_not_for_everybody_is_never_kept(client, hub_content, staff_token):
    # A staff token, a session cookie, GraphiQL's page, a POST and a search: never from the cache.
    for _ in range(2):
        assert _cache_state(_get(client, HTTP_AUTHORIZATION=f"Bearer {staff_token}")) is None
        assert _cache_state(_get(client, HTTP_ACCEPT="text/html")) is None
    client.cookies["sessionid"] = "whatever"
    assert _cache_state(_get(client)) is None
    del client.cookies["sessionid"]
    first, second = _get(client, SEARCH), _get(client, SEARCH)
    assert _cache_state(second) == "miss"
    assert first.json()["data"]["search"]["queryId"] != second.json()["data"]["search"]["queryId"]


@pytest.mark.django_db
def test_the_graphql_endpoint_answers_a_coded_503_when_the_database_is_away(client, monkeypatch):
    from api import views

    def down(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(views, "request_user", down)
    response = client.post("/graphql/", {"query": "{ __typename }"}, content_type="application/json")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["errors"][0]["extensions"]["code"] == "DATABASE_UNAVAILABLE"


def test_redis_away_is_served_from_memory_and_reported(settings):
    """A cache pointed at a port where nothing listens: no exception reaches the caller,
    counters still count (in this process), and the cache says it is not shared now."""
    from hub.cache import SharedRedisCache

    cache = SharedRedisCache("redis://127.0.0.1:9/0", {"KEY_PREFIX": "t", "TIMEOUT": 60})
    assert cache.get("x") is None
    assert cache.add("counter", 0) is True
    assert cache.incr("counter") == 1
    assert cache.is_available() is False
    assert cache.probe() == (False, "ConnectionError")


def test_generation_is_not_reused_while_the_shared_cache_is_away(monkeypatch):
    from content import generation

    monkeypatch.setattr(generation, "shared_cache_available", lambda: False)
    assert generation.current()["token"] != generation.current()["token"]


def test_the_test_suite_really_runs_on_the_shared_cache():
    import os

    if os.environ.get("HUB_TEST_REDIS_URL"):
        assert caches["default"].__class__.__name__ == "SharedRedisCache"
        assert caches["default"].probe() == (True, "ok")


@pytest.mark.django_db
@override_settings(HUB_RESPONSE_CACHE={"ENABLED": True, "SECONDS": 60, "MAX_BYTES": 512 * 1024})
def test_nothing_is_served_from_process_memory_while_redis_is_away(client, hub_content, monkeypatch):
    """Redis dies between two requests: the answers after it are built anew every time, never
    from what this process kept meanwhile (a publish on another instance would not reach it)."""
    from django.core import cache as cache_module

    from hub.cache import SharedRedisCache

    monkeypatch.setattr("hub.cache.RETRY_SECONDS", 0)  # every call asks Redis again, and fails again
    away = SharedRedisCache("redis://127.0.0.1:9/0", {"KEY_PREFIX": "t", "TIMEOUT": 60})
    for module in ("content.generation", "api.response_cache"):
        monkeypatch.setattr(f"{module}.cache", away)
    monkeypatch.setattr(cache_module, "cache", away)
    states = [_cache_state(_get(client)) for _ in range(4)]
    assert "hit" not in states
    assert away.failures >= 4
