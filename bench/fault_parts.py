"""The moving parts of bench/fault_bench.py: the set-up it breaks, an editor in the admin, and
the checks afterwards."""

from __future__ import annotations

import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

from .admin_form import csrf_token
from .catalogue_run import BASE_DIR
from .servers import free_port

VENV_BIN = Path(sys.executable).parent
DEMO_PASSWORD = "deventer-demo"  # noqa: S105 - the documented demo password (docs/roles.md)
PRODUCT_QUERY = 'query Paspoort { page(site: "deventer", path: "/producten/paspoort-aanvragen/") { title } }'
BENCH_REASON = "fault-bench"
_known_pages: list[int] = []


def wait_until(condition, seconds: float, interval: float = 0.25):
    """The first true value of condition() within `seconds`, else None (errors count as false)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
        except Exception:  # noqa: BLE001 - a part may be down while we wait
            value = None
        if value:
            return value
        time.sleep(interval)
    return None


def measure_reads(client: httpx.Client, base_url: str, count: int) -> dict:
    times, server, hits, errors = [], [], 0, 0
    for _ in range(count):
        started = time.perf_counter()
        try:
            response = client.get(f"{base_url}/graphql/", params={"query": PRODUCT_QUERY})
        except httpx.HTTPError:
            errors += 1
            continue
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200 or "errors" in response.json():
            errors += 1
            continue
        timing = response.headers.get("Server-Timing", "")
        hits += 'cache;desc="hit"' in timing
        match = re.search(r"app;dur=([0-9.]+)", timing)
        if match:
            server.append(float(match.group(1)))
    return {
        "requests": count,
        "errors": errors,
        "hits": hits,
        "p50_ms": round(statistics.median(times), 2) if times else None,
        "server_p50_ms": round(statistics.median(server), 2) if server else None,
    }


@contextmanager
def admin_session(base_url: str, username: str):
    with httpx.Client(timeout=30) as client:
        login = client.get(f"{base_url}/admin/login/")
        token = csrf_token(login.text)
        client.post(
            f"{base_url}/admin/login/",
            data={"csrfmiddlewaretoken": token, "username": username, "password": DEMO_PASSWORD},
            headers={"Referer": f"{base_url}/admin/login/"},
        )
        if "sessionid" not in client.cookies:
            raise RuntimeError(f"could not sign in as {username}")
        yield client


def publish_once(editor: httpx.Client, base_url: str) -> tuple[str, int | None]:
    """A draft of a random product page (written here), published through the admin's bulk
    publish: ("published" | "DATABASE_UNAVAILABLE" | other outcome, page id)."""
    from django.db import InterfaceError, OperationalError, close_old_connections

    from content.models import ProductPage

    try:
        close_old_connections()
        if not _known_pages:
            _known_pages.extend(ProductPage.objects.live().values_list("pk", flat=True)[:50])
        page = ProductPage.objects.get(pk=random.choice(_known_pages))  # noqa: S311
        page.title = re.sub(r" \(\d+\)$", "", page.title) + f" ({random.randint(1, 10**6)})"  # noqa: S311
        page.save_revision()
        page_id = page.pk
    except (OperationalError, InterfaceError):
        from django.db import connection

        connection.close()
        # The editor publishes anyway (the latest draft of a page): the hub must answer that too.
        page_id = random.choice(_known_pages)  # noqa: S311
    path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    try:
        form = editor.get(f"{base_url}{path}")
        if form.status_code != 200:
            return _failure(form), page_id
        token = csrf_token(form.text)
        done = editor.post(
            f"{base_url}{path}", data={"csrfmiddlewaretoken": token}, headers={"Referer": f"{base_url}{path}"}
        )
    except httpx.HTTPError as error:
        return f"connection_error:{type(error).__name__}", page_id
    return ("published" if done.status_code == 302 else _failure(done)), page_id


def _failure(response) -> str:
    code = response.headers.get("X-Hub-Error-Code")
    if response.status_code == 503 and code:
        time.sleep(0.2)
        return code
    return f"http_{response.status_code}"


class FaultSet:
    """A hub with its own database, Redis, gunicorn and outbox worker, started and stopped."""

    def __init__(self, postgres_url: str, search_url: str = ""):
        parts = urlsplit(postgres_url)
        self.admin_url = postgres_url
        self.name = f"{parts.path.lstrip('/')}_faults"
        self.database_url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self.redis_port = free_port()
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": self.database_url,
            "HUB_CACHE_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "SEARCH_APPLY_OUTBOX_INLINE": "false",
            "SEARCH_INDEX_PREFIX": "faults",
            "SEARCH_ENGINE": "opensearch" if search_url else "database",
            "SEARCH_URL": search_url,
            "PYTHONUNBUFFERED": "1",
        }
        self.redis = self.gunicorn = self.worker = None
        self.started_at = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def http(self) -> httpx.Client:
        return httpx.Client(timeout=30, headers={"Accept": "application/json"})

    # --- start and stop --------------------------------------------------------------------
    def __enter__(self):
        try:
            return self._start()
        except BaseException:
            self.__exit__(None, None, None)  # nothing started here outlives a failed set-up
            raise

    def _start(self):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.start_redis()
        for command in (["migrate", "--noinput", "-v0"], ["setup_demo"], ["search_index", "rebuild", "--no-progress"]):
            # setup_demo makes the demo accounts, which it only does with DEBUG on.
            env = {**self.env, "DEBUG": "true"}
            subprocess.run([sys.executable, "manage.py", *command], cwd=BASE_DIR, env=env, check=True)  # noqa: S603
        os.environ.update({k: v for k, v in self.env.items() if k != "PYTHONUNBUFFERED"})
        import django

        django.setup()
        self.gunicorn = subprocess.Popen(  # noqa: S603 - our own gunicorn
            [str(VENV_BIN / "gunicorn"), "hub.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{self.port}"]
            + ["--timeout", "60", "--log-level", "warning"],
            cwd=BASE_DIR,
            env=self.env,
        )
        if not wait_until(lambda: httpx.get(f"{self.base_url}/health/live").status_code == 200, 60):
            raise RuntimeError("gunicorn did not start")
        self.start_worker()
        return self

    def __exit__(self, *exc):
        for process in (self.worker, self.gunicorn, self.redis):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()

    def start_redis(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.redis = subprocess.Popen(  # noqa: S603 - Debian's redis-server
            [binary, "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        if not wait_until(lambda: socket.create_connection(("127.0.0.1", self.redis_port), 0.2), 10, 0.05):
            raise RuntimeError("redis-server did not start")

    def start_worker(self, batch: int | None = None) -> None:
        command = [sys.executable, "manage.py", "outbox_worker", "--interval", "0.2"]
        self.worker = subprocess.Popen(  # noqa: S603 - our own command
            command + (["--batch", str(batch)] if batch else []), cwd=BASE_DIR, env=self.env
        )

    def stop_worker(self) -> None:
        if self.worker is not None and self.worker.poll() is None:
            self.worker.terminate()
            self.worker.wait(timeout=30)

    def restart_postgres(self) -> None:
        script = str(BASE_DIR / "services" / "postgres.sh")
        subprocess.run([script, "stop"], check=True, stdout=subprocess.DEVNULL)  # noqa: S603
        time.sleep(2)
        subprocess.run([script, "start"], check=True, stdout=subprocess.DEVNULL)  # noqa: S603

    # --- checks ----------------------------------------------------------------------------
    def database_now(self):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT now()")
            return cursor.fetchone()[0]

    def after_publishing(self, published: list[int], since) -> dict:
        from django.db import close_old_connections

        from content.models import OutboxTask, ProductPage

        close_old_connections()
        wait_until(lambda: ProductPage.objects.exists(), 30)
        half_written = []
        for page in ProductPage.objects.live().select_related("live_revision"):
            if page.live_revision is None or page.live_revision.as_object().title != page.title:
                half_written.append(page.pk)
        tasks = OutboxTask.objects.filter(subscriber="search", reason="published", created_at__gte=since).count()
        drained = wait_until(lambda: self.pending_tasks() == 0, 60)
        return {
            "half_written_pages": half_written,
            "successful_publishes": len(published),
            "published_tasks_in_outbox": tasks,
            "lost_outbox_tasks": max(0, len(published) - tasks),
            "outbox_drained_after": bool(drained),
        }

    def enqueue_everything(self) -> int:
        from django.db import transaction

        from search.outbox import enqueue

        ids = self._live_ids()
        with transaction.atomic():
            enqueue(ids, reason=BENCH_REASON)
        return len(ids)

    def _live_ids(self) -> list[int]:
        from wagtail.models import Page

        return list(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))

    def applied_since_enqueue(self) -> int:
        from content.models import OutboxTask

        return OutboxTask.objects.filter(reason=BENCH_REASON, applied_at__isnull=False).count()

    def pending_tasks(self) -> int:
        from content.models import OutboxTask

        return OutboxTask.objects.filter(subscriber="search", applied_at__isnull=True).count()

    def index_check(self) -> dict:
        from search.documents import count_indexable_pages
        from search.engines import get_engine

        documents = get_engine().count()
        live = count_indexable_pages()
        return {"documents": documents, "live_pages": live, "duplicates": max(0, documents - live)}
