"""Against a real three-node OpenSearch cluster: losing a node costs no search and no publish.

The cluster is services/opensearch-cluster.sh (HTTP 9211-9213, apart from the single test node
on 9200). One test, so under pytest-xdist only one worker ever starts it; a file lock keeps a
second test run on this machine from starting or stopping it at the same time. A cluster that
was already running is left running.
"""

import fcntl
import os
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from content.models import ProductPage
from content.visibility import Viewer
from search.documents import count_indexable_pages
from search.engines import get_engine
from search.models import IndexTask
from search.outbox import apply_pending, outbox_status
from search.query import search

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch, pytest.mark.integration]

REPO = Path(__file__).resolve().parents[2]
CLUSTER = REPO / "services" / "opensearch-cluster.sh"
LOCK = REPO / ".services" / "opensearch-cluster.test.lock"
# A search word per page, each answered first by its own page.
PAGES = {
    "product-rijbewijs": "rijbewijs",
    "product-rijksmonument": "rijksmonument",
    "product-uittreksel-brp": "uittreksel",
    "product-grofvuil": "grofvuil",
    "product-huwelijk": "huwelijk",
}


def _control(*args, timeout=240):
    return subprocess.run([str(CLUSTER), *args], capture_output=True, text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def cluster():
    """The three-node cluster, green; started here (and stopped afterwards) unless it already ran."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        was_running = _control("status").returncode == 0
        started = _control("start")
        if started.returncode != 0:
            pytest.skip(
                "NEEDS AN OPENSEARCH CLUSTER: services/opensearch-cluster.sh start failed:\n"
                + (started.stdout + started.stderr)[-2000:]
            )
        try:
            yield SimpleNamespace(
                url=_control("url").stdout.strip(),
                kill=lambda n: _checked("kill", str(n)),
                start_node=lambda n: _checked("start-node", str(n)),
            )
        finally:
            # Leave the cluster as it was found (with every node, should the test have failed
            # while one was down).
            _control("start" if was_running else "stop")


def _checked(*args):
    done = _control(*args)
    assert done.returncode == 0, done.stdout + done.stderr


def _primary_node(engine) -> int:
    """The number of the node that holds the primary shard of the engine's index."""
    (index,) = engine._indices_of(engine.alias)
    rows = engine.client.cat.shards(index=index, format="json")
    (primary,) = [row for row in rows if row["prirep"] == "p"]
    return int(primary["node"].rsplit("-", 1)[1])


def _wait_for_green(engine, seconds=60):
    health = engine.client.cluster.health(
        wait_for_status="green", wait_for_nodes="3", timeout=f"{seconds}s", request_timeout=seconds + 10
    )
    assert health["status"] == "green" and health["number_of_nodes"] == 3, health


def _publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def _first_refs(query):
    return [hit.ref for hit in search(query, viewer=Viewer()).hits][:1]


def test_when_a_node_dies_searches_and_publishes_go_on_and_the_node_comes_back(
    search_content, use_engine, settings, cluster
):
    started = time.monotonic()
    settings.SEARCH_INDEX_REPLICAS = 1
    engine = use_engine("opensearch", url=cluster.url)
    assert engine.replicas == 1
    assert len(engine.client.transport.connection_pool.connections) == 3

    # Published pages reach the index through the outbox, as in production.
    IndexTask.objects.all().delete()
    pages = {ref: ProductPage.objects.get(ref=ref) for ref in PAGES}
    for page in pages.values():
        _publish(page)
    report = apply_pending()
    assert (report.applied, report.failed) == (len(PAGES), 0)
    _wait_for_green(engine)
    assert engine.count() == len(PAGES)

    victim = _primary_node(engine)
    cluster.kill(victim)

    for _ in range(3):
        for ref, word in PAGES.items():
            assert _first_refs(word) == [ref], f"{word!r} after node {victim} died"

    # Published after the node died: the outbox applies it and search finds it.
    _publish(
        pages["product-grofvuil"], summary="Grote spullen halen we op; bruikbare spullen gaan naar de kringloopwinkel."
    )
    report = apply_pending()
    assert (report.applied, report.failed) == (1, 0) and outbox_status()["pending"] == 0
    assert _first_refs("kringloopwinkel") == ["product-grofvuil"]

    # A rebuild on the two nodes left: a new index with its replica, then the alias switch.
    old = engine._indices_of(engine.alias)
    call_command("search_index", "rebuild", "--no-progress")
    assert engine._indices_of(engine.alias) != old
    assert engine.count() == count_indexable_pages()
    assert _first_refs("kringloopwinkel") == ["product-grofvuil"]

    cluster.start_node(victim)
    _wait_for_green(engine)
    assert _first_refs("rijksmonument") == ["product-rijksmonument"]
    print(f"cluster node-loss test: node {victim} killed and back, {time.monotonic() - started:.1f} s")


@pytest.mark.parametrize("bad_node", ["refuses connections", "answers 503"])
def test_a_bad_node_in_the_url_list_costs_a_retry_not_a_failed_search(search_content, use_engine, bad_node):
    """SEARCH_URL lists a node that is down (or overloaded) before the shared test node."""
    with _bad_node(bad_node) as bad_url:
        use_engine("opensearch", url=f"{bad_url},{os.environ['HUB_TEST_OPENSEARCH_URL']}")
        call_command("search_index", "rebuild", "--no-progress")
        for _ in range(4):
            assert _first_refs("rijbewijs") == ["product-rijbewijs"]
        pool = get_engine().client.transport.connection_pool
        assert [c.host for c in pool.dead_count] == [bad_url], "the bad node was tried and put aside"


@contextmanager
def _bad_node(kind):
    if kind == "refuses connections":
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        yield f"http://127.0.0.1:{port}"
        return
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Overloaded)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Overloaded(BaseHTTPRequestHandler):
    def _answer(self):
        self.send_response(503)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"error": "overloaded"}')

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _answer

    def log_message(self, *args):
        pass
