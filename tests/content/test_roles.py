"""Editor roles: each demo role can enter the admin and do exactly its own work."""

import pytest

from tests.conftest import make_role_users


@pytest.fixture
def role_users(hub_content):
    return make_role_users()


def _page(ref):
    from content.models import ProductPage

    return ProductPage.objects.get(ref=ref)


def _verkeer_page():
    from wagtail.models import Page

    from content.models import SiteConfig

    home = SiteConfig.objects.get(key="verkeer").site.root_page
    return Page.objects.descendant_of(home).first().specific


def test_every_role_may_enter_the_admin(role_users):
    for user in role_users.values():
        assert user.has_perm("wagtailadmin.access_admin"), user.username


def test_a_web_editor_edits_every_site_but_does_not_publish(role_users):
    perms = _page("product-paspoort").permissions_for_user(role_users["redacteur"])
    assert perms.can_edit()
    assert not perms.can_publish()
    assert _verkeer_page().permissions_for_user(role_users["redacteur"]).can_edit()


def test_a_final_editor_publishes(role_users):
    perms = _page("product-paspoort").permissions_for_user(role_users["eindredacteur"])
    assert perms.can_edit()
    assert perms.can_publish()


def test_a_subsite_editor_edits_only_their_own_site(role_users):
    user = role_users["redacteur-verkeer"]
    assert _verkeer_page().permissions_for_user(user).can_edit()
    deventer = _page("product-paspoort").permissions_for_user(user)
    assert not deventer.can_edit()
    assert not deventer.can_publish()


def test_kcc_staff_edit_no_page_but_see_internal_content(role_users):
    user = role_users["kcc"]
    assert not _page("product-paspoort").permissions_for_user(user).can_edit()
    assert not _verkeer_page().permissions_for_user(user).can_edit()
    assert user.has_perm("content.view_internal_content")


def test_editors_pick_keywords_and_fragments_and_only_final_editors_remove_them(role_users):
    for name in ("redacteur", "eindredacteur"):
        assert role_users[name].has_perm("content.change_keyword")
        assert role_users[name].has_perm("content.add_fragment")
    assert role_users["redacteur-verkeer"].has_perm("content.view_keyword")
    assert not role_users["redacteur-verkeer"].has_perm("content.change_keyword")
    assert role_users["eindredacteur"].has_perm("content.delete_keyword")
    assert not role_users["redacteur"].has_perm("content.delete_keyword")
    assert not role_users["kcc"].has_perm("content.change_keyword")


def test_a_new_site_gets_its_own_editors_group_on_its_tree_only(hub_content):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, Page, Site

    from content.models import HomePage, SiteConfig

    home = Page.get_first_root_node().add_child(instance=HomePage(title="Afval", slug="afval", live=True))
    site = Site.objects.create(hostname="afval.localhost", port=80, root_page=home, site_name="Afval")
    config = SiteConfig.for_site(site)
    config.key = "afval"
    config.save()

    group = Group.objects.get(name="Redacteuren afval")
    assert set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)) == {home.pk}


def test_roles_repair_a_database_whose_groups_lost_their_permissions(hub_content):
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from wagtail.models import GroupPagePermission

    from content.roles import WEB_EDITORS

    group = Group.objects.get(name=WEB_EDITORS)
    group.permissions.clear()
    GroupPagePermission.objects.filter(group=group).delete()
    Group.objects.filter(name="Redacteuren verkeer").delete()

    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert group.permissions.filter(codename="access_admin").exists()
    assert GroupPagePermission.objects.filter(group=group, permission__codename="change_page").exists()
    assert Group.objects.filter(name="Redacteuren verkeer").exists()


def test_the_final_editing_workflow_is_approved_by_final_editors(hub_content):
    from wagtail.models import Workflow

    from content.roles import FINAL_EDITORS

    workflow = Workflow.objects.get(name="Eindredactie")
    task = workflow.tasks.first().specific
    assert list(task.groups.values_list("name", flat=True)) == [FINAL_EDITORS]
    assert _page("product-paspoort").get_workflow() == workflow
