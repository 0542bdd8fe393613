"""The SDG product sync against a stand-in SDG API that checks every request against the official
OpenAPI document: queued on publish and sent only by the worker or `sdg_sync`, retried when the
API fails, times out or is gone, never sent twice, withdrawn on unpublish and delete."""

import time
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from content.models import OutboxTask, ProductPage
from content.outbox import get_subscriber
from syndication.models import SyncState
from syndication.sdg.status import answer
from syndication.status import deliveries

from . import test_sdg_mapping
from .test_sdg_mapping import NEVER_SENT

PRODUCTS = "/api/v1/producten"
# The content of the mapping tests (imported once per module, each module its own).
module_sdg_content = test_sdg_mapping.module_sdg_content
sdg_content = test_sdg_mapping.sdg_content


@pytest.fixture
def sdg(sdg_api, settings):
    """The stand-in, answering like the SDG API: a POST is a new version of the product with that
    key (UPL URI + organisation + doelgroep), at the product's one URL; GET gives the latest."""
    sdg_api.versions = {}
    keys = {}

    def answer(record):
        if record.method == "POST" and record.path == PRODUCTS:
            body = record.body
            key = (body["upnUri"], body["verantwoordelijkeOrganisatie"]["owmsIdentifier"], body["doelgroep"])
            url = keys.setdefault(key, f"{sdg_api.url}{PRODUCTS}/{uuid.uuid4()}")
            sdg_api.versions.setdefault(url, []).append(body)
            stored = {**body, "url": url, "uuid": url.rpartition("/")[2], "versie": len(sdg_api.versions[url])}
            sdg_api.objects[url] = stored
            return 201, stored
        if record.method == "GET":
            found = next((v for u, v in sdg_api.objects.items() if u.endswith(record.path)), None)
            return (200, found) if found else (404, {"detail": "Niet gevonden."})
        return 405, {"detail": "not in this stand-in"}

    sdg_api.answer = answer
    point_at(settings, sdg_api)
    settings.SDG_API_TOKEN = "sdg-test-token"
    settings.HUB_SYNDICATION_TIMEOUT = 2
    yield sdg_api
    assert sdg_api.refused == [], "the stand-in refused a request: not valid against the SDG OpenAPI document"


def point_at(settings, api):
    settings.SDG_API_URL = f"{api.url}/api/v1"


@pytest.fixture
def delivered(sdg, sdg_content):
    """Everything published so far is at the SDG; the stand-in's log starts empty."""
    run_worker()
    assert sdg.refused == [] and not pending()
    sdg.received.clear()
    return sdg


def run_worker() -> str:
    out = StringIO()
    call_command("outbox_worker", "--subscriber", "sdg", "--once", stdout=out, stderr=out)
    return out.getvalue()


def sdg_sync(*args) -> str:
    out = StringIO()
    call_command("sdg_sync", *args, stdout=out, stderr=out)
    return out.getvalue()


def pending():
    return list(OutboxTask.objects.filter(subscriber="sdg", applied_at__isnull=True))


def time_passes():
    """The backoff of failed tasks is over."""
    OutboxTask.objects.filter(subscriber="sdg", applied_at__isnull=True).update(available_at=timezone.now())


def posted(api) -> list[dict]:
    return [r.body for r in api.received if r.method == "POST" and r.valid]


def states(page) -> dict[str, SyncState]:
    return {s.variant: s for s in SyncState.objects.filter(target="sdg", page_id=page.pk)}


def publish_change(page, **changes):
    page = ProductPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_sdg_is_an_external_outbox_subscriber():
    assert get_subscriber("sdg").external


def test_the_worker_delivers_every_published_public_product_with_a_upl(sdg, sdg_content):
    run_worker()
    assert sdg.refused == []
    sent = {(body["upnUri"].rsplit("/", 1)[1], body["doelgroep"]) for body in posted(sdg)}
    assert sent == {
        ("rijbewijs", "eu-burger"),
        ("evenementenvergunning", "eu-burger"),
        ("evenementenvergunning", "eu-bedrijf"),
    }
    rijbewijs = states(sdg_content["product-rijbewijs"])["eu-burger"]
    assert rijbewijs.status == SyncState.SENT and rijbewijs.remote_url in sdg.objects
    assert sorted(states(sdg_content["product-evenementenvergunning"])) == ["eu-bedrijf", "eu-burger"]
    for secret in NEVER_SENT:
        assert secret not in str(posted(sdg))


def test_publishing_queues_the_product_and_the_request_itself_sends_nothing(
    delivered, sdg_content, django_capture_on_commit_callbacks, settings
):
    settings.HUB_OUTBOX_INLINE = {"search": True, "sdg": True}  # an external push ignores it
    with django_capture_on_commit_callbacks(execute=True):
        publish_change(sdg_content["product-rijbewijs"], title="Rijbewijs vernieuwen")
    assert delivered.received == []
    assert [(t.object_id, t.reason) for t in pending()] == [(sdg_content["product-rijbewijs"].pk, "published")]
    run_worker()
    (body,) = posted(delivered)
    assert body["publicatieDatum"] == timezone.localdate().isoformat()
    assert body["vertalingen"][0]["titel"] == "Rijbewijs vernieuwen"
    assert len(delivered.versions[states(sdg_content["product-rijbewijs"])["eu-burger"].remote_url]) == 2


def test_the_same_content_is_not_sent_again(delivered, sdg_content):
    publish_change(sdg_content["product-rijbewijs"])  # published again, nothing changed
    run_worker()
    sdg_sync()
    assert delivered.received == []


def test_unpublishing_sends_a_version_saying_the_product_is_not_offered_in_every_language(delivered, sdg_content):
    page = sdg_content["product-rijbewijs"]
    page.unpublish()
    run_worker()
    (body,) = posted(delivered)
    assert body["productAanwezig"] is False and body["doelgroep"] == "eu-burger"
    assert {t["taal"]: t["productAanwezigToelichting"] for t in body["vertalingen"]} == {
        "nl": "Gemeente Deventer biedt dit product niet meer aan.",
        "en": "Gemeente Deventer no longer offers this product.",
    }
    assert delivered.refused == []
    assert states(page)["eu-burger"].status == SyncState.REMOVED
    run_worker()
    sdg_sync()
    assert len(posted(delivered)) == 1  # withdrawn once


def test_deleting_a_product_withdraws_it(delivered, sdg_content):
    page = sdg_content["product-evenementenvergunning"]
    urls = {variant: state.remote_url for variant, state in states(page).items()}
    Page.objects.get(pk=page.pk).delete()  # as Wagtail deletes: the base page row, the product with it
    run_worker()
    assert delivered.refused == []
    assert {body["doelgroep"] for body in posted(delivered)} == {"eu-burger", "eu-bedrijf"}
    assert all(delivered.objects[url]["productAanwezig"] is False for url in urls.values())


def test_the_english_translation_going_away_sends_a_dutch_only_version(delivered, sdg_content):
    ProductPage.objects.get(ref="product-driving-licence").unpublish()
    assert [t.object_id for t in pending()] == [sdg_content["product-rijbewijs"].pk]
    run_worker()
    (body,) = posted(delivered)
    assert body["productAanwezig"] is True
    assert [t["taal"] for t in body["vertalingen"]] == ["nl"]


def test_a_500_is_retried_on_the_next_run_and_delivered_once(delivered, sdg_content):
    page = publish_change(sdg_content["product-rijbewijs"], summary="Vraag op tijd een nieuw rijbewijs aan.")
    delivered.fail_next(500)
    assert "failed 1" in run_worker()
    (task,) = pending()
    assert task.attempts == 1 and "HTTP 500" in task.last_error
    state = states(page)["eu-burger"]
    assert state.status == SyncState.FAILED and "HTTP 500" in state.last_error
    assert answer(page).status == SyncState.FAILED
    run_worker()  # the backoff is not over: nothing is tried
    assert len(delivered.received) == 1
    time_passes()
    run_worker()
    assert not pending() and states(page)["eu-burger"].status == SyncState.SENT
    assert len(delivered.versions[state.remote_url]) == 2  # the first delivery and this one, no duplicate
    run_worker()
    sdg_sync()
    assert len(delivered.received) == 2


def test_a_timeout_keeps_the_task_and_a_later_run_delivers(delivered, sdg_content, settings):
    settings.HUB_SYNDICATION_TIMEOUT = 0.5
    page = publish_change(sdg_content["product-rijbewijs"], title="Rijbewijs halen")
    delivered.hang_next(1.5)
    run_worker()
    (task,) = pending()
    assert "geen antwoord binnen" in task.last_error
    assert states(page)["eu-burger"].status == SyncState.FAILED
    time.sleep(1.5)  # the hung request is over
    time_passes()
    run_worker()
    assert not pending() and states(page)["eu-burger"].status == SyncState.SENT
    assert delivered.objects[states(page)["eu-burger"].remote_url]["vertalingen"][0]["titel"] == "Rijbewijs halen"


def test_while_the_api_is_gone_nothing_is_lost_and_it_is_sent_when_the_api_is_back(delivered, sdg_content, settings):
    delivered.stop()
    rijbewijs = publish_change(sdg_content["product-rijbewijs"], title="Rijbewijs aanvragen")
    evenement = publish_change(sdg_content["product-evenementenvergunning"], title="Vergunning voor een evenement")
    run_worker()
    tasks = pending()
    assert sorted(t.object_id for t in tasks) == sorted([rijbewijs.pk, evenement.pk])
    assert all("onbereikbaar" in t.last_error for t in tasks)
    delivered.start()
    point_at(settings, delivered)
    time_passes()
    run_worker()
    assert not pending() and delivered.refused == []
    assert {b["vertalingen"][0]["titel"] for b in posted(delivered)} == {
        "Rijbewijs aanvragen",
        "Vergunning voor een evenement",
    }


def test_a_product_no_longer_for_businesses_is_withdrawn_for_businesses(delivered, sdg_content):
    page = publish_change(sdg_content["product-evenementenvergunning"], doelgroep="burger")
    run_worker()
    assert delivered.refused == []
    bodies = {b["doelgroep"]: b for b in posted(delivered)}
    assert bodies["eu-bedrijf"]["productAanwezig"] is False
    assert "eu-burger" not in bodies  # its content did not change
    assert states(page)["eu-bedrijf"].status == SyncState.REMOVED


def test_a_new_upl_is_a_new_sdg_product_and_the_old_one_is_withdrawn(delivered, sdg_content):
    page = sdg_content["product-rijbewijs"]
    old_url = states(page)["eu-burger"].remote_url
    publish_change(page, upl_uri="http://standaarden.overheid.nl/owms/terms/rijbewijs-verlengen")
    run_worker()
    assert delivered.refused == []
    new_url = states(page)["eu-burger"].remote_url
    assert new_url != old_url
    assert delivered.objects[new_url]["productAanwezig"] is True
    assert delivered.objects[old_url]["productAanwezig"] is False
    run_worker()
    sdg_sync()
    assert len(posted(delivered)) == 2


def test_sdg_sync_dry_run_prints_what_it_would_send_and_sends_nothing(sdg, sdg_content):
    output = sdg_sync("--dry-run")
    assert "would send: product-rijbewijs eu-burger: new version" in output
    assert "languages nl, en" in output
    assert "product-evenementenvergunning eu-bedrijf" in output
    assert "dry run, nothing sent" in output
    assert sdg.received == [] and not SyncState.objects.exists()


def test_sdg_sync_sends_what_was_published_before_the_settings_were_set(sdg_api, sdg_content, settings):
    settings.SDG_API_URL, settings.SDG_API_TOKEN = "", ""
    publish_change(sdg_content["product-rijbewijs"], title="Rijbewijs verlengen of vervangen")
    run_worker()  # nothing configured: nothing sent, nothing piles up
    assert sdg_api.received == [] and not pending()
    with pytest.raises(CommandError, match="SDG_API_URL is niet ingesteld"):
        sdg_sync()
    point_at(settings, sdg_api)
    settings.SDG_API_TOKEN = "sdg-test-token"
    output = sdg_sync()
    assert "3 sent" in output and sdg_api.refused == []
    assert "Rijbewijs verlengen of vervangen" in str(posted(sdg_api))
    assert "0 sent" in sdg_sync() and len(sdg_api.received) == 3


def test_sdg_sync_of_one_product_by_the_ref_of_its_translation(sdg, sdg_content):
    output = sdg_sync("--product", "product-driving-licence")
    assert "sent: product-rijbewijs eu-burger" in output
    assert [b["upnUri"] for b in posted(sdg)] == [sdg_content["product-rijbewijs"].upl_uri]
    with pytest.raises(CommandError, match="no product page"):
        sdg_sync("--product", "answer-paspoort-kwijt")


def test_the_editor_sees_whether_the_product_is_delivered_and_why_not(sdg, sdg_content, settings):
    rijbewijs, evenement = sdg_content["product-rijbewijs"], sdg_content["product-evenementenvergunning"]
    paspoort = ProductPage.objects.get(ref="product-paspoort")
    assert answer(paspoort).reasons == ["UPL ontbreekt"] and not answer(paspoort).included
    before = answer(rijbewijs)
    assert before.included and before.status == SyncState.CONCEPT and before.last_sent_at is None
    assert answer(evenement).reasons == ["geen Engelse vertaling: wordt alleen in het Nederlands geleverd"]
    run_worker()
    after = answer(rijbewijs)
    assert after.status == SyncState.SENT and after.last_sent_at >= after.last_changed_at
    assert answer(ProductPage.objects.get(ref="product-driving-licence")).status == SyncState.SENT
    publish_change(rijbewijs, title="Rijbewijs verlengen (nieuw)")
    assert answer(rijbewijs).status == SyncState.CONCEPT  # the change waits for the worker
    assert any(d.target == "SDG (Single Digital Gateway)" for d in deliveries(rijbewijs))
    settings.SDG_API_URL = ""
    assert "SDG_API_URL is niet ingesteld" in answer(rijbewijs).reasons and not answer(rijbewijs).included
