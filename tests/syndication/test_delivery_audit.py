"""Deliveries to the national catalogues in the audit trail: each attempt's outcome per page, from
the real outbox path against the stand-in SDG API and Objects API (KISS)."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.models import PageLogEntry

from content.audit.actions import DELIVERY_FAILED, DELIVERY_SENT, DELIVERY_WITHDRAWN
from content.models import AnswerPage, ProductPage

from . import test_kiss_sync, test_sdg_mapping, test_sdg_sync
from .test_kiss_sync import publish
from .test_sdg_sync import publish_change, run_worker, time_passes

pytestmark = pytest.mark.django_db

# The fixtures of the sync tests, each module its own content.
module_sdg_content = test_sdg_mapping.module_sdg_content
sdg_content = test_sdg_mapping.sdg_content
sdg = test_sdg_sync.sdg
delivered = test_sdg_sync.delivered
kiss_content = test_kiss_sync.kiss_content
kiss = test_kiss_sync.kiss


def deliveries_of(page_id, action=None):
    found = PageLogEntry.objects.filter(page_id=page_id, action__startswith="hub.delivery.")
    return list(found.filter(action=action) if action else found)


def test_each_sdg_delivery_is_recorded_on_the_page(sdg, sdg_content):
    run_worker()
    page = sdg_content["product-evenementenvergunning"]
    sent = deliveries_of(page.pk, DELIVERY_SENT)
    assert sorted(e.data["variant"] for e in sent) == ["eu-bedrijf", "eu-burger"]
    assert all(e.data["target"] == "sdg" and e.data["url"].startswith(sdg.url) for e in sent)
    assert sent[0].message.startswith("Geleverd aan SDG-productcatalogus (eu-")
    assert "sdg-test-token" not in str([e.data for e in sent])


def test_content_that_is_not_sent_again_adds_no_entry(delivered, sdg_content):
    page = sdg_content["product-rijbewijs"]
    before = len(deliveries_of(page.pk))
    publish_change(page)
    run_worker()
    assert len(deliveries_of(page.pk)) == before


def test_a_failed_sdg_delivery_is_recorded_with_its_error_and_the_retry_too(delivered, sdg_content):
    page = publish_change(sdg_content["product-rijbewijs"], summary="Vraag op tijd een nieuw rijbewijs aan.")
    delivered.fail_next(500)
    run_worker()
    (failed,) = deliveries_of(page.pk, DELIVERY_FAILED)
    assert "HTTP 500" in failed.data["error"] and failed.data["variant"] == "eu-burger"
    assert failed.message.startswith("Levering mislukt aan SDG-productcatalogus (eu-burger): ")
    time_passes()
    run_worker()
    latest = PageLogEntry.objects.filter(page_id=page.pk, action__startswith="hub.delivery.").latest("timestamp")
    assert latest.action == DELIVERY_SENT


def test_an_sdg_withdrawal_is_recorded(delivered, sdg_content):
    page = sdg_content["product-rijbewijs"]
    page.unpublish()
    run_worker()
    (withdrawn,) = deliveries_of(page.pk, DELIVERY_WITHDRAWN)
    assert withdrawn.data["target"] == "sdg" and withdrawn.message == "Ingetrokken bij SDG-productcatalogus (eu-burger)"


def test_a_kiss_delivery_and_the_removal_of_a_deleted_page_are_in_the_logboek(kiss, client):
    answer = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    product = ProductPage.objects.get(ref="product-kiss-terras")
    publish(answer)
    publish(product)
    test_kiss_sync.run_worker()
    (vac,) = deliveries_of(answer.pk, DELIVERY_SENT)
    assert vac.data["target"] == "kiss" and vac.message.startswith("Geleverd aan KISS")

    product_id = product.pk
    product.delete()
    test_kiss_sync.run_worker()
    removed = deliveries_of(product_id, DELIVERY_WITHDRAWN)
    assert len(removed) == 2 and all(e.deleted for e in removed)

    client.force_login(User.objects.create_superuser("beheerder", "b@example.org", "een-wachtwoord-123"))
    assert client.get(reverse("hub_audit_trail"), {"page": product_id}).status_code == 200
    response = client.get(reverse("hub_audit_trail"), {"page": product_id, "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Actie"] for row in rows].count("Ingetrokken bij landelijke catalogus") == 2
