"""Migrations 0016/0017 turn the free-text owner into a team and back: a team per distinct text
(capitals and spaces aside), pages and their revisions point at it, and an old draft still
opens."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from content.models import AnswerPage, ProductPage, Team
from tests.conftest import load_fixture

BEFORE = [("content", "0015_tombstone_language")]


def _items():
    base = {"type": "product", "site": "deventer", "parent": "/producten/"}
    return [
        {**base, "ref": "product-paspoort", "title": "Paspoort", "owner": "Team Burgerzaken"},
        {**base, "ref": "answer-afval", "type": "answer", "title": "Afval", "owner": "Team Afval"},
        {**base, "ref": "product-zonder", "title": "Zonder eigenaar"},
    ]


@pytest.fixture
def committed_db(transactional_db):
    """Migrations need committed transactions (PostgreSQL checks foreign keys at commit). An
    earlier transactional test's flush removed the root page and locales; put them back."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from content.languages import ensure_locales

    ensure_locales()
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))


def test_owner_texts_become_teams_and_back(committed_db, import_json):
    import_json(load_fixture("sites.json"))
    import_json({"format": "hub-import/1", "items": _items()})
    answer_id = AnswerPage.objects.get(ref="answer-afval").pk
    loose = ProductPage.objects.get(ref="product-zonder")

    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        OldProduct, OldAnswer = old.get_model("content", "ProductPage"), old.get_model("content", "AnswerPage")
        Revision = old.get_model("wagtailcore", "Revision")
        # Backwards: the team's name is the text again, on pages and in revisions.
        assert OldProduct.objects.get(ref="product-paspoort").owner_team == "Team Burgerzaken"
        assert OldProduct.objects.get(ref="product-zonder").owner_team == ""
        paspoort_revision = Revision.objects.get(pk=OldProduct.objects.get(ref="product-paspoort").latest_revision_id)
        assert paspoort_revision.content["owner_team"] == "Team Burgerzaken"

        # The texts as people typed them; one only in an old revision.
        OldAnswer.objects.filter(pk=answer_id).update(owner_team="  team   burgerzaken ")
        revision = Revision.objects.get(pk=loose.latest_revision_id)
        revision.content["owner_team"] = "Team Oud"
        revision.save()

        MigrationExecutor(connection).migrate([("content", "0017_owner_team_is_a_team")])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    # "Team Afval" lives on in the answer's revision, "Team Oud" in an old draft: every text
    # becomes a team, so reverting to a revision keeps its owner.
    assert sorted(Team.objects.values_list("name", flat=True)) == ["Team Afval", "Team Burgerzaken", "Team Oud"]
    burgerzaken = Team.objects.get(name="Team Burgerzaken")
    assert ProductPage.objects.get(ref="product-paspoort").owner_team == burgerzaken
    assert AnswerPage.objects.get(pk=answer_id).owner_team == burgerzaken
    assert ProductPage.objects.get(ref="product-zonder").owner_team is None
    # Every revision opens again, with the team of its text.
    loose.refresh_from_db()
    assert loose.latest_revision.as_object().owner_team.name == "Team Oud"
    answer = AnswerPage.objects.get(pk=answer_id)
    assert answer.latest_revision.as_object().owner_team.name == "Team Afval"
    paspoort = ProductPage.objects.get(ref="product-paspoort")
    assert paspoort.latest_revision.as_object().owner_team == burgerzaken
