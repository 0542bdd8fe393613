"""`setup_demo` gives the demo its teams: every demo owner is a team, the demo editors are
members of the teams that own demo pages, and a second run changes nothing."""

import io
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from content.models import SiteConfig, Team
from content.models.pages import HUB_PAGE_MODELS
from content.teams import teams_of

DEMO = Path(__file__).resolve().parents[2] / "content" / "demo" / "deventer.json"


@pytest.mark.django_db
def test_the_demo_editors_are_in_the_teams_that_own_demo_pages(settings):
    settings.DEBUG = True  # setup_demo refuses to run without it
    call_command("setup_demo", stdout=io.StringIO())

    items = json.loads(DEMO.read_text(encoding="utf-8"))["items"]
    owners = {item["owner"] for item in items if "owner" in item}
    assert set(Team.objects.values_list("name", flat=True)) == owners
    # One demo page has no owner on purpose: the quality report shows it (docs/quality.md).
    unowned = sorted(item["ref"] for item in items if "owner" not in item)
    assert unowned == ["nieuws-inloop-geldzorgen"]
    found = [p.ref for model in HUB_PAGE_MODELS for p in model.objects.filter(owner_team__isnull=True)]
    assert found == unowned

    burgerzaken = Team.objects.get(name="Team Burgerzaken")
    assert sorted(burgerzaken.members.values_list("username", flat=True)) == ["eindredacteur", "redacteur"]
    assert burgerzaken.recipients() == ["eindredacteur@example.org", "redacteur@example.org"]
    assert list(teams_of(User.objects.get(username="redacteur"))) == [burgerzaken]

    verkeer = Team.objects.get(name="Team Verkeer en Mobiliteit")
    assert list(teams_of(User.objects.get(username="redacteur-verkeer"))) == [verkeer]
    assert verkeer.recipients() == ["verkeer@example.org"]
    home = SiteConfig.objects.get(key="verkeer").site.root_page
    owned = [m.objects.descendant_of(home).filter(owner_team=verkeer).count() for m in HUB_PAGE_MODELS]
    assert sum(owned) > 0, "the traffic team owns pages of the traffic site"

    teams = sorted(Team.objects.values_list("pk", "name", "email"))
    call_command("setup_demo", stdout=io.StringIO())
    assert sorted(Team.objects.values_list("pk", "name", "email")) == teams
    assert burgerzaken.members.count() == 2
