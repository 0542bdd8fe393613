"""Each demo role signs in to the admin in a real browser and does its own work, no more.

A web editor edits a product and offers it to the final editors; a final editor sees the task
on the dashboard and approves it, which publishes it; a subsite editor edits only their own
site; a KCC employee edits no page. No superuser anywhere."""

import pytest

from tests.conftest import ROLE_PASSWORD as PASSWORD
from tests.conftest import make_role_users

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_SUMMARY = "Vraag uw paspoort aan bij de balie. Neem een pasfoto mee."


@pytest.fixture
def roles(committed_content):
    from content.signals import ensure_roles

    # A flush between transactional tests empties every table; wagtail_root then puts the root
    # page back after post_migrate ran, so grant the roles on the tree as it is now.
    ensure_roles()
    make_role_users()


def _sign_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def _ids():
    from wagtail.models import Page

    from content.models import ProductPage, SiteConfig

    home = SiteConfig.objects.get(key="verkeer").site.root_page
    return (
        ProductPage.objects.get(ref="product-paspoort").pk,
        Page.objects.descendant_of(home).first().pk,
    )


def test_a_web_editor_offers_a_page_and_a_final_editor_approves_and_publishes_it(live_server, roles, browser_page):
    from content.models import ProductPage

    paspoort, _ = _ids()
    page = browser_page
    _sign_in(page, live_server.url, "redacteur")
    page.goto(f"{live_server.url}/admin/pages/{paspoort}/edit/")
    assert page.locator(".hub-b1-summary").count() >= 1, "the editor sees the B1 panel"
    page.fill("textarea[name=summary], input[name=summary]", NEW_SUMMARY)
    # the editor has no publish button, only "offer to Eindredactie"
    assert page.locator("button[name=action-publish]").count() == 0
    page.eval_on_selector("button[name=action-submit]", "button => button.click()")
    page.wait_for_load_state("networkidle")
    assert ProductPage.objects.get(pk=paspoort).summary != NEW_SUMMARY, "not published by the web editor"

    _sign_in(page, live_server.url, "eindredacteur")
    approve = page.locator("button[data-workflow-action-url*='/approve/']")
    assert approve.count() == 1, "the task waits on the final editor's dashboard"
    page.locator("[data-controller~='w-dropdown']", has=approve).locator("[data-w-dropdown-target='toggle']").click()
    approve.click()
    page.locator(".modal form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.querySelector('.modal.show')")

    live = ProductPage.objects.get(pk=paspoort)
    assert live.live
    assert live.summary == NEW_SUMMARY


def test_a_subsite_editor_edits_their_site_and_not_the_main_site(live_server, roles, browser_page):
    paspoort, verkeer_page = _ids()
    page = browser_page
    _sign_in(page, live_server.url, "redacteur-verkeer")
    response = page.goto(f"{live_server.url}/admin/pages/{verkeer_page}/edit/")
    assert response.status == 200
    assert page.locator("form#page-edit-form").count() == 1
    page.goto(f"{live_server.url}/admin/pages/{paspoort}/edit/")
    assert page.locator("form#page-edit-form").count() == 0
    assert "/admin/pages/" not in page.url or "edit" not in page.url


def test_kcc_staff_enter_the_admin_but_edit_no_page(live_server, roles, browser_page):
    paspoort, verkeer_page = _ids()
    page = browser_page
    _sign_in(page, live_server.url, "kcc")
    assert page.locator("main").count() == 1
    for page_id in (paspoort, verkeer_page):
        page.goto(f"{live_server.url}/admin/pages/{page_id}/edit/")
        assert page.locator("form#page-edit-form").count() == 0
