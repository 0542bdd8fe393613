"""Owners are teams: the import names a team, and content.teams answers who is in which team and
which pages are due for review, in a fixed number of queries. (Roles: test_team_roles.py.)"""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.importing import ImportFailure
from content.models import AnswerPage, ProductPage, Team
from content.teams import overdue_pages, overdue_pages_of_team, review_due_by, teams_of
from tests.conftest import load_fixture

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 7)


@pytest.fixture
def sites(import_json):
    import_json(load_fixture("sites.json"))


def _item(ref, owner=None, review_date=None, type_="product", **extra):
    item = {"ref": ref, "type": type_, "site": "deventer", "parent": "/producten/", "title": ref.title(), **extra}
    if owner is not None:
        item["owner"] = owner
    if review_date is not None:
        item["review_date"] = review_date.isoformat()
    return item


def _import(import_json, *items, publish=True):
    return import_json({"format": "hub-import/1", "items": list(items)}, publish=publish)


# Import ------------------------------------------------------------------------------------


def test_the_import_owner_names_a_team_that_is_created_when_new(import_json, sites):
    _import(
        import_json,
        _item("product-paspoort", "Team Burgerzaken"),
        _item("product-rijbewijs", "  team   burgerzaken "),
        _item("answer-afval", "Team Afval", type_="answer"),
        _item("product-zonder-eigenaar"),
    )
    assert sorted(Team.objects.values_list("name", flat=True)) == ["Team Afval", "Team Burgerzaken"]
    burgerzaken = Team.objects.get(name="Team Burgerzaken")
    assert ProductPage.objects.get(ref="product-paspoort").owner_team == burgerzaken
    assert ProductPage.objects.get(ref="product-rijbewijs").owner_team == burgerzaken
    assert AnswerPage.objects.get(ref="answer-afval").owner_team.name == "Team Afval"
    assert ProductPage.objects.get(ref="product-zonder-eigenaar").owner_team is None


def test_importing_again_reuses_the_team_and_keeps_what_an_editor_gave_it(import_json, sites):
    _import(import_json, _item("product-paspoort", "Team Burgerzaken"))
    team = Team.objects.get()
    team.email = "burgerzaken@example.org"
    team.save()
    _import(import_json, _item("product-paspoort", "TEAM BURGERZAKEN", summary="Nieuw"))
    assert Team.objects.get().email == "burgerzaken@example.org"
    assert ProductPage.objects.get(ref="product-paspoort").owner_team == team


@pytest.mark.parametrize(("owner", "message"), [("x" * 101, "at most 100 characters"), (["Team A"], "must be a text")])
def test_a_bad_owner_names_the_item_and_field_and_writes_nothing(import_json, sites, owner, message):
    with pytest.raises(ImportFailure) as failure:
        _import(import_json, _item("product-goed", "Team Goed"), _item("product-fout", owner))
    problem = failure.value.problems[0]
    assert (problem.code, problem.where, problem.field) == ("IMPORT_BAD_VALUE", "item 'product-fout'", "owner")
    assert message in problem.message
    assert not Team.objects.exists()
    assert not ProductPage.objects.filter(ref="product-goed").exists()


def test_the_team_name_is_unique_whatever_its_capitals(db):
    from django.core.exceptions import ValidationError

    Team.objects.create(name="Team Parkeren")
    with pytest.raises(ValidationError) as error:
        Team(name="team parkeren").full_clean()
    assert "Er is al een team met deze naam." in str(error.value)


# Who is in which team, and what is due ------------------------------------------------------


def test_the_teams_of_a_user_are_the_teams_they_are_a_member_of(db):
    anna, bram = User.objects.create(username="anna"), User.objects.create(username="bram")
    parkeren, afval = Team.objects.create(name="Team Parkeren"), Team.objects.create(name="Team Afval")
    Team.objects.create(name="Team Zonder Anna")
    parkeren.members.add(anna, bram)
    afval.members.add(anna)
    with CaptureQueriesContext(connection) as queries:
        assert list(teams_of(anna)) == [afval, parkeren]
    assert len(queries) == 1
    assert list(teams_of(bram)) == [parkeren]
    from django.contrib.auth.models import AnonymousUser

    assert list(teams_of(AnonymousUser())) == []


def test_due_pages_are_live_with_a_review_date_passed_or_within_30_days(import_json, sites):
    owner = "Team Burgerzaken"
    _import(
        import_json,
        _item("product-verlopen", owner, TODAY - timedelta(days=3)),
        _item("product-vandaag", owner, TODAY),
        _item("product-over-30-dagen", owner, TODAY + timedelta(days=30)),
        _item("product-over-31-dagen", owner, TODAY + timedelta(days=31)),
        _item("product-geen-datum", owner),
        _item("answer-verlopen", owner, TODAY - timedelta(days=40), type_="answer"),
        _item("product-ander-team", "Team Afval", TODAY - timedelta(days=3)),
    )
    _import(import_json, _item("product-concept", owner, TODAY - timedelta(days=3)), publish=False)
    team = Team.objects.get(name=owner)
    assert review_due_by(TODAY) == TODAY + timedelta(days=30)
    assert [p.ref for p in overdue_pages_of_team(team, TODAY)] == [
        "answer-verlopen",
        "product-verlopen",
        "product-vandaag",
        "product-over-30-dagen",
    ]


def test_due_pages_of_any_number_of_teams_cost_one_query_per_page_type(import_json, sites):
    def catalogue(teams, pages_each):
        items = [
            _item(f"product-{t}-{n}", f"Team {t}", TODAY - timedelta(days=n))
            for t in range(teams)
            for n in range(pages_each)
        ]
        items += [_item(f"answer-{t}", f"Team {t}", TODAY, type_="answer") for t in range(teams)]
        _import(import_json, *items)

    catalogue(teams=1, pages_each=1)
    teams = list(Team.objects.all())
    with CaptureQueriesContext(connection) as small:
        found = overdue_pages(teams, TODAY)
    assert [len(pages) for pages in found.values()] == [2]

    catalogue(teams=6, pages_each=4)
    teams = list(Team.objects.all())
    with CaptureQueriesContext(connection) as large:
        found = overdue_pages(teams, TODAY)
        for pages in found.values():
            [(p.title, p.review_date, p.locale.language_code) for p in pages]
    assert sorted(len(pages) for pages in found.values()) == [5] * 6
    assert len(small) == len(large) == 3  # products, answers, articles


def test_a_team_without_due_pages_gets_an_empty_list_and_no_teams_cost_nothing(db):
    team = Team.objects.create(name="Team Rust")
    assert overdue_pages([team], TODAY) == {team.pk: []}
    with CaptureQueriesContext(connection) as queries:
        assert overdue_pages([], TODAY) == {}
    assert len(queries) == 0
