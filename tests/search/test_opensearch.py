"""Against the real OpenSearch: the index life cycle and catching up after an outage."""

import pytest
from django.core.management import call_command

from content.models import ProductPage
from search.documents import count_indexable_pages
from search.engines import EngineUnavailable
from search.models import IndexTask
from search.outbox import apply_pending, outbox_status
from search.query import search

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch, pytest.mark.integration]


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


def test_tasks_written_while_opensearch_is_down_are_applied_when_it_is_back(
    search_content, use_engine, settings, public
):
    engine = use_engine("opensearch")
    call_command("search_index", "rebuild", "--no-progress")
    IndexTask.objects.all().delete()
    settings.SEARCH_APPLY_OUTBOX_INLINE = False

    # Down: the engine's address answers nothing (a closed port).
    settings.SEARCH_URL = "http://127.0.0.1:9"
    page = ProductPage.objects.get(ref="product-rijbewijs")
    page.summary = "Rijbewijs kwijt of gestolen? Vraag een vervangend rijbewijs aan."
    page.save_revision().publish()
    report = apply_pending()
    assert report.failed == 1 and outbox_status()["pending"] == 1
    with pytest.raises(EngineUnavailable):
        search("gestolen", viewer=public)

    # Back: the same index prefix on the real node; the worker applies what piled up.
    settings.SEARCH_URL = engine.url
    IndexTask.objects.update(available_at=IndexTask.objects.get().created_at)
    call_command("search_worker", "--once")
    assert outbox_status()["pending"] == 0
    assert [h.ref for h in search("gestolen", viewer=public).hits] == ["product-rijbewijs"]
