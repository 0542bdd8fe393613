"""KISS sync against a stand-in Objects API that checks every request against the official
OpenAPI document: what is sent when, to which object, and what happens when the API fails, hangs
or is gone. Every record sent is checked against its object type's JSON schema."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from content.models import AnswerPage, OutboxTask, ProductPage
from content.outbox import apply_pending
from syndication.models import SyncState

from .test_kiss_mapping import KISS_CONTENT, KISS_SETTINGS, load_schemas, schema_errors

pytestmark = pytest.mark.django_db

VAC_TYPE = KISS_SETTINGS["KISS_VAC_OBJECTTYPE_URL"]
KENNISARTIKEL_TYPE = KISS_SETTINGS["KISS_KENNISARTIKEL_OBJECTTYPE_URL"]
LATER = timedelta(hours=1)  # past any backoff


@pytest.fixture(scope="module")
def schemas(standards):
    return load_schemas(standards)


@pytest.fixture(scope="module")
def kiss_content(module_hub_content, module_import):
    module_import((KISS_CONTENT, True))


@pytest.fixture
def kiss(kiss_content, objects_api, settings):
    """KISS configured to use the stand-in, after the content was published."""
    configure(settings, objects_api)
    return objects_api


def configure(settings, objects_api):
    for name, value in {**KISS_SETTINGS, "KISS_OBJECTS_API_URL": objects_api.url}.items():
        setattr(settings, name, value)


def writes(api, method=None):
    return [r for r in api.accepted if r.method in ({method} if method else {"POST", "PUT", "PATCH"})]


def assert_all_valid(api, schemas):
    """Nothing refused by the OpenAPI check, and every record valid against its object type."""
    assert api.refused == [], [r.errors for r in api.refused]
    for request in writes(api):
        kind = {VAC_TYPE: "vac", KENNISARTIKEL_TYPE: "kennisartikel"}[request.body["type"]]
        assert schema_errors(schemas[kind], request.body["record"]["data"]) == [], request.body


def run_worker(later=False):
    return apply_pending("kiss", now=timezone.now() + LATER if later else None)


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def state_of(page, variant=""):
    return SyncState.objects.get(target="kiss", page_id=page.pk, variant=variant)


def test_an_editors_publish_queues_the_answer_and_only_the_worker_sends_it(kiss, schemas, admin_client, admin_user):
    from django.urls import reverse
    from wagtail.models import Workflow

    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    page.short_answer = "Doe aangifte bij de politie. Vraag dan een nieuw paspoort aan."
    page.save_revision()
    workflow = Workflow.objects.get(name="Eindredactie")
    task_state = workflow.start(page, admin_user).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = admin_client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.short_answer.endswith("Vraag dan een nieuw paspoort aan.")  # published by the approval
    assert kiss.received == []  # the editor's request sent nothing
    assert OutboxTask.objects.filter(subscriber="kiss", object_id=page.pk, applied_at__isnull=True).exists()

    report = run_worker()
    assert (report.applied, report.failed) == (1, 0)
    [post] = writes(kiss, "POST")
    assert (
        post.body["type"] == VAC_TYPE and "Vraag dan een nieuw paspoort aan." in post.body["record"]["data"]["antwoord"]
    )
    assert state_of(page).status == "verzonden" and state_of(page).remote_url in kiss.objects
    assert_all_valid(kiss, schemas)


def test_a_commit_runs_no_push_even_where_search_applies_inline(kiss, django_capture_on_commit_callbacks):
    page = ProductPage.objects.get(ref="product-parkeervergunning")
    with django_capture_on_commit_callbacks(execute=True):
        publish(page, summary="Woont u in de binnenstad? Vraag dan een parkeervergunning aan.")
    assert kiss.received == []
    assert OutboxTask.objects.filter(subscriber="kiss", object_id=page.pk, applied_at__isnull=True).exists()


def test_an_update_goes_to_the_same_object_and_the_same_data_is_not_sent_again(kiss, schemas):
    page = AnswerPage.objects.get(ref="answer-intern-noodpaspoort")
    publish(page)
    run_worker()
    url = state_of(page).remote_url
    publish(page, title="Werkinstructie noodpaspoort op Schiphol")
    run_worker()
    [put] = writes(kiss, "PUT")
    assert kiss.url.rsplit("/api/v2", 1)[0] + put.path == url
    assert put.body["record"]["data"]["vraag"] == "Werkinstructie noodpaspoort op Schiphol"
    assert "GEHEIM-INTERN" in put.body["record"]["data"]["antwoord"]  # internal answers go to KISS: staff only
    assert len(kiss.objects) == 1 and state_of(page).remote_url == url

    before = len(kiss.received)
    publish(page)  # nothing changed
    assert run_worker().applied == 1
    assert len(kiss.received) == before  # not even a GET
    assert_all_valid(kiss, schemas)


def test_unpublishing_in_the_admin_marks_the_vac_for_removal(kiss, schemas, admin_client):
    from django.urls import reverse

    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    publish(page)
    run_worker()
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    assert len(writes(kiss)) == 1  # the request itself sent nothing
    run_worker()
    [put] = writes(kiss, "PUT")
    assert put.body["record"]["data"]["status"] == "te-verwijderen"
    assert state_of(page).status == "verwijderd" and len(kiss.objects) == 1
    assert_all_valid(kiss, schemas)


def test_deleting_a_product_marks_its_kennisartikelen_as_no_longer_offered(kiss, schemas):
    page = ProductPage.objects.get(ref="product-kiss-terras")
    publish(page)
    run_worker()
    assert len(writes(kiss, "POST")) == 2  # one per doelgroep
    page_id = page.pk
    page.delete()
    run_worker()
    puts = writes(kiss, "PUT")
    assert len(puts) == 2 and all(p.body["record"]["data"]["productAanwezig"] is False for p in puts)
    assert {p.body["record"]["data"]["doelgroep"] for p in puts} == {"eu-burger", "eu-bedrijf"}
    assert set(SyncState.objects.filter(page_id=page_id).values_list("status", flat=True)) == {"verwijderd"}
    assert_all_valid(kiss, schemas)


def test_a_doelgroep_a_product_no_longer_has_is_withdrawn(kiss, schemas):
    page = ProductPage.objects.get(ref="product-kiss-terras")
    publish(page)
    run_worker()
    publish(page, doelgroep="burger")
    run_worker()
    [put_burger, put_bedrijf] = sorted(
        writes(kiss, "PUT"), key=lambda r: r.body["record"]["data"]["doelgroep"] != "eu-burger"
    )
    assert put_bedrijf.body["record"]["data"]["productAanwezig"] is False
    assert state_of(page, "eu-bedrijf").status == "verwijderd" and state_of(page, "eu-burger").status == "verzonden"
    assert_all_valid(kiss, schemas)


def test_a_500_is_retried_later_without_a_second_object(kiss, schemas):
    page = ProductPage.objects.get(ref="product-paspoort")
    kiss.fail_next(500, method="POST")
    publish(page)
    report = run_worker()
    assert report.failed == 1 and "500" in report.errors[0]
    assert state_of(page, "eu-burger").status == "mislukt" and "500" in state_of(page, "eu-burger").last_error
    assert kiss.objects == {}
    assert run_worker().applied == 0  # backing off

    assert run_worker(later=True).applied == 1
    assert len(kiss.objects) == 1 and state_of(page, "eu-burger").status == "verzonden"
    assert_all_valid(kiss, schemas)


def test_a_post_whose_answer_is_lost_creates_no_second_object(kiss, schemas, settings):
    settings.HUB_SYNDICATION_TIMEOUT = 0.5
    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    kiss.hang_next(2, method="POST")  # carried out, but answered after the sender gave up
    publish(page)
    report = run_worker()
    assert report.failed == 1 and "Geen antwoord" in report.errors[0]
    deadline = time.monotonic() + 5
    while not kiss.objects and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(kiss.objects) == 1  # KISS has it; the hub does not know yet

    assert run_worker(later=True).applied == 1
    assert len(kiss.objects) == 1 and len(writes(kiss, "POST")) == 1
    assert state_of(page).status == "verzonden" and state_of(page).remote_url in kiss.objects
    assert_all_valid(kiss, schemas)


def test_nothing_is_lost_while_the_api_is_gone(kiss, schemas):
    kiss.stop()
    answer = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    product = ProductPage.objects.get(ref="product-parkeervergunning")
    publish(answer)
    publish(product)
    report = run_worker()
    assert report.failed == 2 and any("niet geprobeerd" in e for e in report.errors)
    pending = OutboxTask.objects.filter(subscriber="kiss", applied_at__isnull=True)
    assert len(pending) == 2 and all("niet bereikbaar" in t.last_error for t in pending)

    kiss.restart()
    assert run_worker(later=True).applied == 2
    assert len(kiss.objects) == 2 and not pending.all().exists()
    assert_all_valid(kiss, schemas)


def test_kiss_sync_dry_run_sends_nothing(kiss, capsys):
    call_command("kiss_sync", "--dry-run")
    out = capsys.readouterr().out
    assert "te verzenden: VAC “Wat doe ik als mijn paspoort kwijt is?”" in out
    assert "kennisartikel “Terrasvergunning” (eu-bedrijf)" in out
    assert kiss.received == [] and not SyncState.objects.exists()


def test_kiss_sync_sends_what_was_published_before_the_settings_then_nothing(kiss, schemas, capsys):
    assert not OutboxTask.objects.filter(subscriber="kiss").exists()  # published before KISS was set up
    call_command("kiss_sync")
    types = sorted(r.body["type"].rsplit("/", 1)[1] for r in writes(kiss, "POST"))
    answers = AnswerPage.objects.live().filter(locale__language_code="nl").count()
    assert types.count("vac") == answers == 3
    assert types.count("kennisartikel") == 4  # paspoort, parkeervergunning, terras for two doelgroepen
    assert len(kiss.objects) == 7 and len(writes(kiss)) == 7
    for request in writes(kiss):  # every related VAC and product is an object KISS has
        data = request.body["record"]["data"]
        related = [r["VAC"] for r in data.get("gerelateerdeVACs", [])] + [
            r["product"] for r in data.get("gerelateerdeProducten", [])
        ]
        assert all(url in kiss.objects for url in related)
    assert_all_valid(kiss, schemas)
    assert "7 verzonden" in capsys.readouterr().out

    before = len(kiss.received)
    call_command("kiss_sync")
    assert len(kiss.received) == before
    assert "ongewijzigd" in capsys.readouterr().out


def test_kiss_sync_leaves_what_failed_to_the_worker(kiss):
    from django.core.management.base import CommandError

    kiss.stop()
    with pytest.raises(CommandError, match="mislukt"):
        call_command("kiss_sync")
    assert OutboxTask.objects.filter(subscriber="kiss", applied_at__isnull=True).count() >= 6
    kiss.restart()
    while run_worker(later=True).applied:
        pass
    assert len(kiss.objects) == 7


def test_the_editor_sees_why_a_page_is_not_in_kiss_and_when_it_was_sent(kiss_content, objects_api, settings):
    from syndication.kiss.status import answer

    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    settings.KISS_OBJECTS_API_URL = ""
    delivery = answer(page)
    assert not delivery.included and "KISS_OBJECTS_API_URL is niet ingesteld" in delivery.reasons
    assert delivery.status == "concept" and delivery.last_changed_at == page.last_published_at

    configure(settings, objects_api)
    draft = ProductPage.objects.get(ref="product-concept")
    assert answer(draft).reasons == ["niet gepubliceerd"]
    call_command("kiss_sync")
    delivery = answer(page)
    assert delivery.included and delivery.status == "verzonden" and delivery.last_sent_at >= delivery.last_changed_at

    publish(page, title="Mijn paspoort is kwijt. Wat nu?")
    page.refresh_from_db()
    assert answer(page).status == "concept"  # changed since it was sent
    objects_api.fail_next(500)
    run_worker()
    failed = answer(page)
    assert failed.status == "mislukt" and "500" in failed.last_error
    english = ProductPage.objects.get(ref="product-passport")
    assert "Nederlandse pagina" in answer(english).reasons[0]


def test_without_settings_nothing_is_queued_and_the_worker_keeps_what_was(kiss, settings):
    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    publish(page)
    settings.KISS_OBJECTS_API_TOKEN = ""
    publish(ProductPage.objects.get(ref="product-parkeervergunning"))
    assert OutboxTask.objects.filter(subscriber="kiss").count() == 1
    report = run_worker()
    assert report.failed == 1 and "KISS_OBJECTS_API_TOKEN is niet ingesteld" in report.errors[0]
    assert kiss.received == []


def test_kiss_sync_without_settings_says_which_are_missing(db, settings):
    from django.core.management.base import CommandError

    settings.KISS_OBJECTS_API_URL = settings.KISS_OBJECTS_API_TOKEN = ""
    with pytest.raises(CommandError, match="KISS_OBJECTS_API_URL is niet ingesteld; KISS_OBJECTS_API_TOKEN"):
        call_command("kiss_sync", "--dry-run")
