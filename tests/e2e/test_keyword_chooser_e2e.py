"""A web editor picks a keyword for a page with the searchable chooser, in a real browser."""

import pytest

from tests.e2e.test_roles_e2e import _ids, _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def roles(committed_content):
    from content.signals import ensure_roles
    from tests.conftest import make_role_users

    ensure_roles()
    make_role_users()


def test_a_web_editor_finds_a_keyword_by_a_synonym_and_saves_it(live_server, roles, browser_page):
    from content.models import Keyword, ProductPage

    paspoort, _ = _ids()
    page_obj = ProductPage.objects.get(pk=paspoort)
    Keyword.objects.create(term="Reisdocument", synonyms="reispas\nidentiteitsbewijs", locale=page_obj.locale)
    page = browser_page
    _sign_in(page, live_server.url, "redacteur")
    page.goto(f"{live_server.url}/admin/pages/{paspoort}/edit/")
    search = page.locator("[data-hub-keyword-chooser] input[type=search]")
    search.fill("reisp")
    option = page.locator("[data-hub-keyword-chooser] [role=option]", has_text="Reisdocument")
    option.wait_for()
    assert "reispas" in option.inner_text()
    search.press("ArrowDown")
    search.press("Enter")
    chosen = page.locator("[data-hub-keyword-chooser] [data-chosen] li", has_text="Reisdocument")
    chosen.wait_for()
    page.eval_on_selector("button[name=action-submit]", "button => button.click()")  # offer to Eindredactie
    page.wait_for_load_state("networkidle")
    latest = ProductPage.objects.get(pk=paspoort).get_latest_revision_as_object()
    assert "Reisdocument" in [k.term for k in latest.keywords.all()]
    # the keywords the page had are still there
    assert set(page_obj.keywords.values_list("term", flat=True)) <= {k.term for k in latest.keywords.all()}
