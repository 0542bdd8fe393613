"""A build of the Samenwerkende Catalogi feed is one entry in the audit trail (the feed is
harvested, not pushed): how many products, which were left out; a cached request adds nothing."""

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from wagtail.models import ModelLogEntry

from content.audit.actions import FEED_BUILT

from . import test_sc

pytestmark = pytest.mark.django_db

module_sc_content = test_sc.module_sc_content
sc_content = test_sc.sc_content


def test_each_build_of_the_feed_is_recorded_once_with_what_was_left_out(client, sc_content):
    response = client.get(test_sc.FEED)
    assert response.status_code == 200
    client.get(test_sc.FEED)  # from the cache: no new build
    (entry,) = ModelLogEntry.objects.filter(action=FEED_BUILT)
    assert entry.data["target"] == "sc" and entry.data["products"] == len(test_sc.products(response.content))
    assert entry.data["left_out"] == int(response["X-Hub-Products-Left-Out"]) >= 2
    assert {"product-sc-zonder-upl", "product-sc-zonder-samenvatting"} <= set(entry.data["left_out_refs"])
    assert entry.message.startswith("Feed voor Samenwerkende Catalogi opgebouwd: ")

    final_editor = User.objects.create_user("eind", password="een-wachtwoord-123")
    final_editor.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_modellogentry"]))
    client.force_login(final_editor)
    listing = client.get(reverse("hub_audit_trail"), {"action": FEED_BUILT}).content.decode()
    assert "Feed voor Samenwerkende Catalogi opgebouwd" in listing
