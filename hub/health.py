"""Health checks for a load balancer or Kubernetes (docs/operations.md, "Health checks").

- `/health/live`: the process answers (no dependency is asked). Restart the instance when not.
- `/health/ready`: may this instance get traffic? 503 only when the database does not answer:
  without it nothing can be served. Search, the shared cache and the outbox are shared by every
  instance, so taking one instance out would not help; when one of them falls short the answer
  stays 200 with `"status": "degraded"` and says which (the hub keeps serving: slower without
  the cache, without search results while the engine is away).
- `/health/` (older): the database check alone.
No check shows an error message, a host name or a setting; only states, times and counts.
"""

from __future__ import annotations

from time import perf_counter

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _timed(check) -> dict:
    started = perf_counter()
    try:
        result = check()
    except Exception as error:  # noqa: BLE001 - any failure is "not ok", reported by class only
        result = {"ok": False, "error": type(error).__name__}
    result["ms"] = round((perf_counter() - started) * 1000, 1)
    return result


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True}


def _cache() -> dict:
    probe = getattr(cache, "probe", None)
    if probe is None:
        return {"ok": True, "shared": False}  # this process's memory: nothing to lose
    ok, detail = probe()
    return {"ok": ok, "shared": True} if ok else {"ok": False, "shared": True, "error": detail}


def _search() -> dict:
    from search.engines import get_engine

    health = get_engine().health()
    status = health.get("cluster_status") or health.get("status")
    return {"ok": bool(health.get("ok")), "engine": health.get("engine"), "status": status}


def _outbox() -> dict:
    from content.outbox import outbox_status

    limit = settings.HUB_HEALTH_OUTBOX_MAX_LAG
    subscribers = {
        name: {"pending": row["pending"], "lag_seconds": round(row["lag_seconds"], 1)}
        for name, row in outbox_status().items()
    }
    behind = sorted(name for name, row in subscribers.items() if row["lag_seconds"] > limit)
    return {"ok": not behind, "behind": behind, "subscribers": subscribers, "max_lag_seconds": limit}


def database_only(request):
    """`/health/` (older, kept for existing load balancers): the database check alone."""
    try:
        _database()
        return JsonResponse({"status": "ok"})
    except Exception as exc:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "detail": exc.__class__.__name__}, status=503)


@never_cache
def live(request):
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request):
    checks = {"database": _timed(_database)}
    if checks["database"]["ok"]:
        checks["outbox"] = _timed(_outbox)
    checks["cache"] = _timed(_cache)
    checks["search"] = _timed(_search)
    if not checks["database"]["ok"]:
        status, code = "unavailable", 503
    elif all(check["ok"] for check in checks.values()):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)
