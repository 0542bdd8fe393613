"""Editors see B1 feedback while they type, in a real browser, without a page reload."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "wachtwoord-voor-de-test-1"


@pytest.fixture
def editor(committed_content, django_user_model):
    return django_user_model.objects.create_superuser("redacteur", "r@example.org", PASSWORD)


def _sign_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", "redacteur")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def test_an_editor_sees_jargon_with_its_plain_alternative_while_typing(live_server, editor, browser_page):
    from content.models import AnswerPage

    answer = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    _sign_in(browser_page, live_server.url)
    browser_page.goto(f"{live_server.url}/admin/pages/{answer.pk}/edit/")
    field = browser_page.locator("textarea[name=short_answer]")
    field.fill("")
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
