"""Set-up of the load test: a fresh copy of the generated catalogue on PostgreSQL, editor
accounts, a fresh search index, and the environment every process of the hub runs with.

    python -m bench.load_setup --prepare PLAN.json   # inside that environment (load_bench runs it)

The catalogue of bench/generate.py is copied (`CREATE DATABASE … TEMPLATE`) for every run, so
the editors' publishing never changes the database the other benchmarks reuse.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

from .catalogue_run import BASE_DIR, generate_database, log

EDITOR_GROUP = "Eindredacteuren"  # content.roles.FINAL_EDITORS: may publish, is no superuser
EDITOR_PASSWORD = "load-test-" + "editor"  # noqa: S105 - a throw-away account in a throw-away copy
DEFAULT_SEARCH_URL = "http://127.0.0.1:9200"
DEFAULT_CACHE_URL = "redis://127.0.0.1:6390/0"  # services/redis.sh url


def load_database(pages: int) -> str:
    """The URL of a fresh copy of the generated catalogue of `pages` pages."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("The load test needs PostgreSQL: set DATABASE_URL (services/postgres.sh url).")
    env, generated = generate_database(pages)
    log(f"catalogue of {pages:,} pages ready in {generated['wall_s']:.0f} s")
    import psycopg

    parts = urlsplit(env["DATABASE_URL"])
    template = parts.path.lstrip("/")
    copy = f"{template}_load"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{template}"')
    return urlunsplit(parts._replace(path=f"/{copy}"))


def hub_env(database_url: str, *, search_url: str, index_prefix: str, cache_url: str) -> dict:
    """The environment of gunicorn, the outbox worker and the set-up: production settings over HTTP."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SEARCH_ENGINE": "opensearch",
        "SEARCH_URL": search_url,
        "SEARCH_INDEX_PREFIX": index_prefix,
        # Publishing only writes the outbox task; the separate outbox worker indexes the page.
        "SEARCH_APPLY_OUTBOX_INLINE": "false",
        # The shared cache of a set-up with several instances (ignored by a hub without one).
        "HUB_CACHE_URL": cache_url,
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
    }


def check_services(search_url: str, cache_url: str) -> dict:
    """OpenSearch must answer; the cache is emptied when Redis answers (no stale pages from an
    earlier run), and whether it answered is reported."""
    import httpx

    try:
        httpx.get(search_url, timeout=5).raise_for_status()
    except httpx.HTTPError as error:
        raise SystemExit(f"OpenSearch does not answer at {search_url} ({error}); start it first.") from None
    try:
        import redis

        redis.Redis.from_url(cache_url, socket_timeout=2).flushdb()
        cache = "emptied"
    except Exception as error:  # noqa: BLE001 - the cache is optional for a hub that does not use it yet
        cache = f"unreachable: {error}"
    return {"search_url": search_url, "cache_url": cache_url, "cache": cache}


def prepare(env: dict, plan_path: str, editors: int) -> dict:
    """Run the in-database set-up in the hub's environment; returns the plan it wrote."""
    subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "bench.load_setup", "--prepare", plan_path, "--editors", str(editors)],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    with open(plan_path, encoding="utf-8") as file:
        return json.load(file)


def _prepare_in_django(plan_path: str, editors: int) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.utils import timezone

    from content.models import OutboxTask, ProductPage
    from content.outbox import enqueue
    from content.signals import ensure_roles

    from . import catalogue

    call_command("migrate", interactive=False, verbosity=0)
    ensure_roles()
    group = Group.objects.get(name=EDITOR_GROUP)
    names = [f"load-eindredacteur-{k}" for k in range(1, editors + 1)]
    for name in names:
        user, _ = get_user_model().objects.get_or_create(username=name, defaults={"first_name": "Eindredacteur"})
        user.set_password(EDITOR_PASSWORD)
        user.is_superuser = user.is_staff = False
        user.save()
        user.groups.set([group])

    started = timezone.now()
    call_command("search_index", "rebuild", "--no-progress")
    # The catalogue was imported with the outbox switched off; the rebuild did that work, and the
    # copy pushes nothing anywhere, so what was pending before it is set aside.
    set_aside = OutboxTask.objects.filter(applied_at__isnull=True, created_at__lt=started).update(
        applied_at=timezone.now(), last_error="set aside by the load test's set-up"
    )
    # One task for the outbox worker to apply as soon as it starts, before the load: its first
    # apply (imports, the engine's connection) is a start-up cost, not a publish→searchable delay.
    enqueue("search", [ProductPage.objects.order_by("pk").values_list("pk", flat=True).first()], reason="warm-up")
    refs = ProductPage.objects.filter(ref__startswith="bench-product-", live=True).values_list("id", "ref")
    pages = []
    for page_id, ref in sorted(refs, key=lambda row: row[1]):
        n = int(ref.removeprefix("bench-product-"))
        pages.append({"n": n, "id": page_id, "ref": ref, "path": catalogue.path(n)})
    plan = {
        "editors": [{"username": name, "password": EDITOR_PASSWORD} for name in names],
        "pages": pages,
        "searches": sorted({name for name, _ in catalogue.PRODUCTS} | {term for term, *_ in catalogue.KEYWORDS}),
        "outbox_set_aside": set_aside,
    }
    with open(plan_path, "w", encoding="utf-8") as file:
        json.dump(plan, file)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", metavar="PLAN", required=True, help="write the plan of the run here")
    parser.add_argument("--editors", type=int, default=2)
    args = parser.parse_args(argv)
    _prepare_in_django(args.prepare, args.editors)


if __name__ == "__main__":
    main()
