"""Against the real OpenSearch: the index life cycle and catching up after an outage."""

import os
import socket
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from content.models import ProductPage
from content.visibility import Viewer
from search.documents import count_indexable_pages
from search.engines import EngineUnavailable
from search.models import IndexTask
from search.outbox import apply_pending, outbox_status
from search.query import search

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch, pytest.mark.integration]

SERVICE = Path(__file__).resolve().parents[2] / "services" / "opensearch.sh"


def test_a_rebuild_swaps_the_alias_to_a_new_index_and_deletes_the_old(search_content, use_engine, capsys):
    engine = use_engine("opensearch")
    call_command("search_index", "rebuild", "--no-progress")
    first = engine._indices_of(engine.alias)
    call_command("search_index", "rebuild", "--no-progress")
    second = engine._indices_of(engine.alias)
    assert len(first) == len(second) == 1 and first != second
    assert not engine.client.indices.exists(index=first[0])
    assert engine.count() == count_indexable_pages()
    call_command("search_index", "status")
    assert f"documents: {count_indexable_pages()}" in capsys.readouterr().out


def test_the_index_uses_the_dutch_analyzers(search_content, use_engine):
    engine = use_engine("opensearch")
    engine.create_index()
    tokens = engine.client.indices.analyze(
        index=engine.alias, body={"analyzer": "dutch_text", "text": "Uittreksels van de Gemeente"}
    )["tokens"]
    assert [t["token"] for t in tokens] == ["uittreksel", "gemeent"]


def test_the_index_uses_the_english_analyzers(search_content, use_engine):
    engine = use_engine("opensearch")
    engine.create_index()
    tokens = engine.client.indices.analyze(
        index=engine.alias, body={"analyzer": "english_text", "text": "Applying for passports and parking permits"}
    )["tokens"]
    assert [t["token"] for t in tokens] == ["appli", "passport", "park", "permit"]


@pytest.fixture(scope="module")
def own_node(tmp_path_factory):
    """A second, real OpenSearch node that this module may stop and start (the shared one stays up)."""
    state = tmp_path_factory.mktemp("opensearch-node")
    http_port, transport_port = _free_port(), _free_port()
    env = {
        **os.environ,
        "OPENSEARCH_STATE_DIR": str(state),
        "OPENSEARCH_PORT": str(http_port),
        "OPENSEARCH_TRANSPORT_PORT": str(transport_port),
        "OPENSEARCH_HEAP": "512m",
    }

    def control(action):
        done = subprocess.run([str(SERVICE), action], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr

    control("start")
    yield SimpleNamespace(
        url=f"http://127.0.0.1:{http_port}", start=lambda: control("start"), stop=lambda: control("stop")
    )
    control("stop")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_when_opensearch_stops_pages_still_serve_search_says_so_and_nothing_is_lost(
    search_content, use_engine, settings, client, own_node
):
    """Stop a real node: the API keeps serving pages, `search` answers SEARCH_UNAVAILABLE, editors
    keep publishing into the outbox, and the worker applies everything once the node is back."""
    engine = use_engine("opensearch", url=own_node.url)
    call_command("search_index", "rebuild", "--no-progress")
    IndexTask.objects.all().delete()
    settings.SEARCH_APPLY_OUTBOX_INLINE = False

    own_node.stop()
    page = ProductPage.objects.get(ref="product-rijbewijs")
    page.summary = "Rijbewijs kwijt of gestolen? Vraag een vervangend rijbewijs aan."
    page.save_revision().publish()
    report = apply_pending()
    assert report.failed == 1 and outbox_status()["pending"] == 1
    with pytest.raises(EngineUnavailable):
        search("gestolen", viewer=Viewer())

    down = _graphql(client, '{ search(query: "gestolen") { totalCount } }')
    assert [e["extensions"]["code"] for e in down["errors"]] == ["SEARCH_UNAVAILABLE"]
    served = _graphql(client, '{ pageByRef(ref: "product-rijbewijs") { title summary } }')
    assert "errors" not in served and "gestolen" in served["data"]["pageByRef"]["summary"]

    own_node.start()  # same data folder: the index from before the outage is still there
    assert engine.count() == count_indexable_pages()
    IndexTask.objects.update(available_at=IndexTask.objects.get().created_at)
    call_command("search_worker", "--once")
    assert outbox_status()["pending"] == 0
    # The change made during the outage is applied: the page comes first (the thesaurus may add
    # pages about lost documents after it).
    assert [h.ref for h in search("gestolen", viewer=Viewer()).hits][:1] == ["product-rijbewijs"]


def _graphql(client, query):
    return client.post("/graphql/", {"query": query}, content_type="application/json").json()
