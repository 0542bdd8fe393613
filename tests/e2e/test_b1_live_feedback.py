"""Editors see B1 feedback while they type, in a real browser, without a page reload. The editor
is a web editor (group Webredacteuren), not a superuser."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "wachtwoord-voor-de-test-1"


@pytest.fixture
def editor(committed_content, django_user_model):
    from django.contrib.auth.models import Group

    from content.signals import ensure_roles

    ensure_roles()  # the roles on the tree as the committed content left it
    user = django_user_model.objects.create_user("redacteur", "r@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Webredacteuren"))
    return user


def _sign_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", "redacteur")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def _open_short_answer(page, base_url):
    """Sign in, open an answer page in the editor and empty its short answer field."""
    from content.models import AnswerPage

    answer = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    _sign_in(page, base_url)
    page.goto(f"{base_url}/admin/pages/{answer.pk}/edit/")
    field = page.locator("textarea[name=short_answer]")
    field.fill("")
    return field


def test_an_editor_sees_jargon_with_its_plain_alternative_while_typing(live_server, editor, browser_page):
    field = _open_short_answer(browser_page, live_server.url)
    field.press_sequentially(
        "Teneinde uw aanvraag in behandeling te kunnen nemen, dient u middels het daartoe bestemde formulier "
        "zorg te dragen voor het tijdig verstrekken van de benodigde bescheiden.",
        delay=2,
    )
    feedback = browser_page.locator(".hub-b1-feedback li[data-code=jargon]").first
    feedback.wait_for(timeout=10_000)
    assert "teneinde" in feedback.inner_text().lower()
    assert "om" in feedback.locator(".hub-b1-suggestion").inner_text().lower()
    verdict = browser_page.locator(".hub-b1-feedback .hub-b1-verdict").first.inner_text()
    assert "Nog niet B1" in verdict
    # the editor's work is still in the field: nothing reloaded
    assert field.input_value().startswith("Teneinde")

    field.fill("")
    field.press_sequentially("Doe aangifte bij de politie. Vraag daarna een nieuw paspoort aan.", delay=5)
    browser_page.locator(".hub-b1-feedback .hub-b1-ok").first.wait_for(timeout=10_000)


def test_an_editor_sees_why_a_short_text_is_not_b1_and_how_to_rewrite_it(live_server, editor, browser_page):
    field = _open_short_answer(browser_page, live_server.url)
    field.press_sequentially("Uw aanvraag wordt door de gemeente beoordeeld.", delay=5)
    reason = browser_page.locator(".hub-b1-feedback .hub-b1-reason").first
    reason.wait_for(timeout=10_000)
    assert "de zin is lijdend" in reason.inner_text()
    hint = browser_page.locator(".hub-b1-feedback .hub-b1-hints li[data-severity=serious]").first
    assert "'De gemeente beoordeelt …'" in hint.inner_text()
    assert "Nog niet B1" in browser_page.locator(".hub-b1-feedback .hub-b1-verdict").first.inner_text()
