""" "Was deze informatie nuttig?" on the website and the app, and "klopt niet / verouderd" in the
KCC console: the form, its CSRF protection, what the server sends to the hub (with the
resident's address as X-Forwarded-For), the thank-you and the problems. The hub is faked at
the HTTP transport; the front-end's views, templates and client run for real."""

import pytest
from django.test import Client

from .conftest import PRODUCT, page

PATH = PRODUCT["path"]
CAPABILITIES = {
    "data": {
        "__schema": {
            "queryType": {"fields": []},
            "mutationType": {
                "fields": [
                    {"name": name, "args": [], "type": {"kind": "OBJECT", "name": "FeedbackReceipt", "ofType": None}}
                    for name in ("submitFeedback", "submitKccFeedback")
                ]
            },
        },
        "searchResults": None,
    }
}


@pytest.fixture
def hub(fake_hub):
    fake_hub.handlers["Capabilities"] = lambda v: CAPABILITIES
    fake_hub.handlers["SubmitFeedback"] = lambda v: {
        "data": {"submitFeedback": {"received": True, "personalDataRemoved": "@" in (v.get("comment") or "")}}
    }
    return fake_hub


def _refusal(code, **extensions):
    return lambda v: {"errors": [{"message": code, "extensions": {"code": code, **extensions}}], "data": None}


def _csrf_client(frontend, kind="website"):
    frontend(kind)
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.23")
    response = client.get(PATH)
    token = response.cookies["frontend_csrftoken"].value
    return client, token


def _sent(hub):
    return [r for r in hub.requests if r["operation"] == "SubmitFeedback"]


def test_a_product_page_has_the_question_under_it(frontend, hub):
    frontend("website")
    client = Client()
    html = client.get(PATH).content.decode()
    assert "Was deze informatie nuttig?" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'action="{PATH}#feedback"' in html
    assert "Versturen" in html
    assert "Was deze informatie nuttig?" not in client.get("/").content.decode()


def test_without_the_mutation_in_the_hub_there_is_no_form(website, fake_hub):
    assert "Was deze informatie nuttig?" not in website.get(PATH).content.decode()


def test_a_hub_without_introspection_still_gets_the_form(frontend, hub):
    """Production hubs switch introspection off: the committed contract is assumed."""
    hub.handlers["Capabilities"] = _refusal("BAD_INPUT")
    frontend("website")
    assert "Was deze informatie nuttig?" in Client().get(PATH).content.decode()


def test_the_only_cookie_is_the_csrf_cookie(frontend, hub):
    frontend("website")
    response = Client().get(PATH)
    assert set(response.cookies) == {"frontend_csrftoken"}
    assert response.cookies["frontend_csrftoken"]["samesite"] == "Lax"


def test_a_post_without_the_csrf_token_is_refused_and_nothing_is_sent(frontend, hub):
    frontend("website")
    client = Client(enforce_csrf_checks=True)
    response = client.post(PATH, {"nuttig": "ja"})
    assert response.status_code == 403
    assert _sent(hub) == []


def test_the_answer_goes_to_the_hub_with_the_residents_address_and_a_thank_you_follows(frontend, hub):
    client, token = _csrf_client(frontend)
    response = client.post(PATH, {"csrfmiddlewaretoken": token, "nuttig": "nee", "opmerking": "Mail mij: a@b.nl"})
    assert response.status_code == 302
    assert response["Location"] == f"{PATH}?feedback=bedankt&opgeschoond=1#feedback"
    [sent] = _sent(hub)
    assert sent["variables"] == {
        "ref": "product-paspoort",
        "helpful": False,
        "comment": "Mail mij: a@b.nl",
        "language": "nl",
        "channel": "WEB",
    }
    assert sent["forwarded_for"] == "198.51.100.23"
    assert sent["authorization"] is None
    thanks = client.get(response["Location"]).content.decode()
    assert "Bedankt voor uw reactie" in thanks
    assert "persoonlijke gegevens uit uw opmerking gehaald" in thanks
    assert "Versturen" not in thanks


def test_the_app_sends_on_its_own_channel(frontend, hub):
    client, token = _csrf_client(frontend, "app")
    client.post(PATH, {"csrfmiddlewaretoken": token, "nuttig": "ja"})
    [sent] = _sent(hub)
    assert (sent["variables"]["channel"], sent["variables"]["helpful"], sent["variables"]["comment"]) == (
        "APP",
        True,
        None,
    )


def test_without_a_choice_the_form_asks_for_one_and_nothing_is_sent(frontend, hub):
    client, token = _csrf_client(frontend)
    response = client.post(PATH, {"csrfmiddlewaretoken": token, "opmerking": "Mijn tekst"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies Ja of Nee." in html and 'role="alert"' in html
    assert "Mijn tekst</textarea>" in html
    assert _sent(hub) == []


@pytest.mark.parametrize(
    ("code", "status", "message"),
    [
        ("COMMENT_TOO_LONG", 400, "Uw opmerking is te lang"),
        ("RATE_LIMITED", 429, "Probeer het over een uur opnieuw"),
        ("INTERNAL_ERROR", 503, "Het versturen lukt nu niet"),
    ],
)
def test_a_refusal_by_the_hub_is_explained_and_the_text_is_kept(frontend, hub, code, status, message):
    hub.handlers["SubmitFeedback"] = _refusal(code, maxLength=1000)
    client, token = _csrf_client(frontend)
    response = client.post(PATH, {"csrfmiddlewaretoken": token, "nuttig": "nee", "opmerking": "<b>dit</b>"})
    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert "&lt;b&gt;dit&lt;/b&gt;</textarea>" in html
    assert "<b>dit</b>" not in html


def test_the_hub_being_down_while_sending_is_explained(frontend, hub):
    client, token = _csrf_client(frontend)
    hub.handlers["SubmitFeedback"] = lambda v: {"_status": 502}
    response = client.post(PATH, {"csrfmiddlewaretoken": token, "nuttig": "ja"})
    assert response.status_code == 503
    assert "Het versturen lukt nu niet" in response.content.decode()


def test_a_post_to_a_page_without_the_form_or_without_the_page_is_refused(frontend, hub):
    frontend("website")
    client = Client()
    assert client.post("/", {"nuttig": "ja"}).status_code == 405
    assert client.post("/bestaat-niet/", {"nuttig": "ja"}).status_code == 404
    hub.handlers["Page"] = lambda v: {
        "errors": [{"message": "x", "extensions": {"code": "NOT_TRANSLATED", "translations": []}}],
        "data": {"page": None},
    }
    assert client.post("/en/producten/paspoort-aanvragen/", {"nuttig": "ja"}).status_code == 404
    assert _sent(hub) == []


def test_an_english_page_asks_in_english(frontend, hub):
    english = page(**{**PRODUCT, "language": "en", "path": "/en/producten/apply/", "ref": "product-passport"})
    hub.pages["/producten/apply/"] = english
    frontend("website")
    html = Client().get("/en/producten/apply/").content.decode()
    assert "Was this information useful?" in html and "Send" in html
    assert "Was deze informatie nuttig?" not in html


def test_a_kcc_employee_marks_an_answer_with_a_note(frontend, hub):
    from frontend_sites.views.kcc import COOKIE, SALT

    hub.handlers["SubmitKccFeedback"] = lambda v: {
        "data": {"submitKccFeedback": {"received": True, "personalDataRemoved": False}}
    }
    frontend("kcc")
    client = Client()
    client.cookies[COOKIE] = _signed(COOKIE, "hub_staff-token", SALT)
    response = client.post("/antwoord/answer-paspoort-kwijt/melden/", {"oordeel": "verouderd", "notitie": "Prijs"})
    assert response.status_code == 200
    assert "Bedankt voor uw melding" in response.content.decode()
    [sent] = [r for r in hub.requests if r["operation"] == "SubmitKccFeedback"]
    assert sent["variables"] == {"ref": "answer-paspoort-kwijt", "verdict": "VEROUDERD", "note": "Prijs"}
    assert sent["authorization"] == "Bearer hub_staff-token"
    refused = client.post("/antwoord/answer-paspoort-kwijt/melden/", {"oordeel": "fout"})
    assert refused.status_code == 400


def test_marking_needs_the_staff_cookie(frontend, hub):
    frontend("kcc")
    response = Client().post("/antwoord/answer-paspoort-kwijt/melden/", {"oordeel": "verouderd"})
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
    assert [r for r in hub.requests if r["operation"] == "SubmitKccFeedback"] == []


def _signed(name, value, salt):
    from django.core.signing import get_cookie_signer

    return get_cookie_signer(salt=name + salt).sign(value)
