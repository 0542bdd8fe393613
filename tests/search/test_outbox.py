"""The outbox: tasks written with each change, applied inline or by the worker, never lost."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from content.models import Fragment, Keyword, ProductPage, SectionPage
from search.documents import count_indexable_pages
from search.models import IndexTask
from search.outbox import apply_pending, outbox_status
from search.query import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_engine(search_content, use_engine):
    """The database engine with the test content indexed and no tasks pending."""
    from search.documents import indexable_documents

    engine = use_engine("database")
    engine.rebuild(indexable_documents())
    IndexTask.objects.update(applied_at=timezone.now())
    return engine


def refs(query, viewer):
    return [h.ref for h in search(query, viewer=viewer).hits]


def publish_change(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_publishing_writes_a_task_in_the_same_transaction(db_engine):
    page = ProductPage.objects.get(ref="product-rijbewijs")
    publish_change(page, title="Rijbewijs verlengen of vervangen")
    assert IndexTask.objects.filter(page_id=page.pk, applied_at__isnull=True, reason="published").exists()


def test_a_published_change_is_searchable_after_the_commit(db_engine, public, django_capture_on_commit_callbacks):
    page = ProductPage.objects.get(ref="product-rijbewijs")
    with django_capture_on_commit_callbacks(execute=True):
        publish_change(page, summary="Vraag een vervangend rijbewijs aan bij verlies of diefstal.")
    assert refs("diefstal", public)[0] == "product-rijbewijs"
    assert outbox_status()["pending"] == 0


def test_unpublishing_removes_the_page(db_engine, public, django_capture_on_commit_callbacks):
    page = ProductPage.objects.get(ref="product-huwelijk")
    before = db_engine.count()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert IndexTask.objects.filter(page_id=page.pk, reason="unpublished").exists()
    assert db_engine.count() == before - 1
    assert "product-huwelijk" not in refs("huwelijk", public)


def test_deleting_removes_the_page(db_engine, public, django_capture_on_commit_callbacks):
    page = ProductPage.objects.get(ref="product-grofvuil")
    page_id = page.pk
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert IndexTask.objects.filter(page_id=page_id, reason="deleted").exists()
    assert "product-grofvuil" not in refs("grofvuil", public)


def test_moving_a_section_reindexes_the_pages_below_it(db_engine, public, django_capture_on_commit_callbacks):
    products = SectionPage.objects.get(slug="producten")
    news = SectionPage.objects.get(slug="nieuws")
    with django_capture_on_commit_callbacks(execute=True):
        products.move(news, pos="last-child")
    rijbewijs = ProductPage.objects.get(ref="product-rijbewijs")
    assert IndexTask.objects.filter(page_id=rijbewijs.pk, reason="moved").exists()
    hit = search("rijbewijs", viewer=public).hits[0]
    assert hit.url_path == "/nieuws/producten/rijbewijs-verlengen/"


def test_a_keyword_change_reindexes_the_pages_with_that_keyword(db_engine):
    keyword = Keyword.objects.get(term="paspoort")
    keyword.variants += "\npaspoord"
    keyword.save()
    queued = set(IndexTask.objects.filter(reason="keyword changed").values_list("page_id", flat=True))
    expected = {p.pk for p in ProductPage.objects.filter(ref="product-paspoort")}
    assert expected <= queued


def test_a_fragment_change_reindexes_the_pages_embedding_it(db_engine, staff_kcc, django_capture_on_commit_callbacks):
    fragment = Fragment.objects.get(ref="contact-gemeente")
    body = fragment.body.raw_data
    body[0]["value"]["text"] = "<p>Bel ons op 14 0570 of kom langs in het Stadskantoor.</p>"
    fragment.body = body
    with django_capture_on_commit_callbacks(execute=True):
        fragment.save()
    paspoort = ProductPage.objects.get(ref="product-paspoort")
    assert IndexTask.objects.filter(page_id=paspoort.pk, reason="fragment changed").exists()
    assert refs("stadskantoor", staff_kcc) == ["product-paspoort"]


def test_a_failed_task_is_kept_and_retried_with_backoff(db_engine, public, settings):
    page = ProductPage.objects.get(ref="product-rijbewijs")
    settings.SEARCH_APPLY_OUTBOX_INLINE = False
    publish_change(page, summary="Bij diefstal vraagt u een nieuw rijbewijs aan.")
    down = _down_engine()

    report = apply_pending(engine=down)
    assert report.failed == 1 and report.applied == 0
    task = IndexTask.objects.get(page_id=page.pk, applied_at__isnull=True)
    assert task.attempts == 1 and "ConnectionError" in task.last_error
    assert task.available_at > timezone.now()
    assert apply_pending(engine=down).failed == 0  # not due yet: backoff
    assert outbox_status()["failed"] == 1

    later = timezone.now() + timedelta(minutes=5)
    assert apply_pending(now=later).applied == 1
    assert IndexTask.objects.get(pk=task.pk).applied_at is not None
    assert refs("diefstal", public)[0] == "product-rijbewijs"


def test_tasks_pile_up_while_the_engine_is_down_and_the_worker_applies_them(db_engine, public, settings, capsys):
    settings.SEARCH_APPLY_OUTBOX_INLINE = False
    for ref in ("product-rijbewijs", "product-huwelijk"):
        publish_change(ProductPage.objects.get(ref=ref), summary=f"{ref} nieuwe tekst over zonnepanelen.")
    assert outbox_status()["pending"] == 2
    assert outbox_status()["lag_seconds"] >= 0
    call_command("search_worker", "--once")
    assert "applied 2" in capsys.readouterr().out
    assert sorted(refs("zonnepanelen", public)[:2]) == ["product-huwelijk", "product-rijbewijs"]


def test_search_index_status_shows_engine_count_and_outbox(db_engine, capsys):
    call_command("search_index", "status")
    out = capsys.readouterr().out
    assert "database" in out and f"documents: {count_indexable_pages()}" in out and "pending tasks: 0" in out


def test_search_index_rebuild_switches_to_a_new_generation(db_engine, public, capsys):
    from search.models import IndexGeneration

    before = IndexGeneration.objects.get(name=db_engine.index_prefix).active
    call_command("search_index", "rebuild", "--no-progress")
    assert f"{count_indexable_pages()} documents indexed" in capsys.readouterr().out
    assert IndexGeneration.objects.get(name=db_engine.index_prefix).active == before + 1
    assert db_engine.count() == count_indexable_pages()
    assert refs("kliko", public)[0] == "product-afvalcontainer"


def _down_engine():
    from search.engines import make_engine

    return make_engine("opensearch", url="http://127.0.0.1:9", index_prefix="down")
