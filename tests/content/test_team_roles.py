"""Teams in the admin, per role (docs/roles.md): final editors keep the list of teams, the other
editors see it and choose a team as a page's owner, KCC staff do neither."""

import pytest

from content.models import ProductPage, Team
from tests.conftest import make_role_users

pytestmark = pytest.mark.django_db


def test_final_editors_keep_the_teams_and_other_editors_only_see_them(hub_content):
    users = make_role_users()
    for action in ("add", "change", "delete", "view"):
        assert users["eindredacteur"].has_perm(f"content.{action}_team"), action
    for name in ("redacteur", "redacteur-verkeer"):
        assert users[name].has_perm("content.view_team"), name
        for action in ("add", "change", "delete"):
            assert not users[name].has_perm(f"content.{action}_team"), (name, action)
    assert not users["kcc"].has_perm("content.view_team")


def test_a_web_editor_chooses_a_team_in_the_admin_but_cannot_add_one(client, hub_content):
    from wagtail.snippets.widgets import AdminSnippetChooser

    users = make_role_users()
    assert Team.objects.filter(name="Team Burgerzaken").exists()  # the fixture's owner
    client.force_login(users["redacteur"])
    chooser = client.get("/admin/snippets/choose/content/team/")
    assert chooser.status_code == 200
    assert "Team Burgerzaken" in chooser.json()["html"]
    assert client.get("/admin/snippets/content/team/").status_code == 200
    assert client.get("/admin/snippets/content/team/add/").status_code in (302, 403)

    page = ProductPage.objects.get(ref="product-paspoort")
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    form_class = type(edit.context["form"])
    assert isinstance(form_class.base_fields["owner_team"].widget, AdminSnippetChooser)


def test_a_final_editor_adds_a_team_with_members_in_the_admin(client, hub_content):
    users = make_role_users()
    client.force_login(users["eindredacteur"])
    response = client.post(
        "/admin/snippets/content/team/add/",
        {"name": "Team Verkeer", "email": "verkeer@example.org", "members": [users["redacteur-verkeer"].pk]},
    )
    assert response.status_code == 302, response.content[:2000]
    team = Team.objects.get(name="Team Verkeer")
    assert list(team.members.all()) == [users["redacteur-verkeer"]]
    twice = client.post("/admin/snippets/content/team/add/", {"name": "team verkeer"})
    assert twice.status_code == 200  # the form again, with the error; no 500
    assert "Er is al een team met deze naam." in twice.content.decode()
