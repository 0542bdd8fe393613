import pytest

from frontend_sites.views.kcc import COOKIE

from .conftest import ANSWER, PRODUCT, connection
from .test_search import HITS, SEARCH_CAPABILITIES, non_null, scalar

TOKEN = "wagtail_staff-token"
KCC_ANSWER = {
    **ANSWER,
    "internalNote": "INTERNE NOTITIE: controleer eerst het register.",
    "blocks": [
        *ANSWER["blocks"],
        {
            "__typename": "KccScriptBlock",
            "id": "s",
            "type": "kcc_script",
            "section": None,
            "script": "Vraag naar het proces-verbaal.",
        },
    ],
}
FEEDBACK_CAPABILITIES = {
    "data": {
        **SEARCH_CAPABILITIES["data"],
        "__schema": {
            **SEARCH_CAPABILITIES["data"]["__schema"],
            "mutationType": {
                "fields": [
                    {
                        "name": "recordSearchFeedback",
                        "args": [
                            {"name": "queryId", "type": non_null(scalar("ID"))},
                            {"name": "found", "type": non_null(scalar("Boolean"))},
                        ],
                        "type": non_null(scalar("Boolean")),
                    }
                ]
            },
        },
    }
}
FEEDBACK_CAPABILITIES["data"]["searchResults"] = {
    "fields": [*SEARCH_CAPABILITIES["data"]["searchResults"]["fields"], {"name": "queryId"}]
}


@pytest.fixture
def kcc(frontend, fake_hub):
    def pages(variables):
        return {"data": connection([{**PRODUCT, "lastPublishedAt": None}, KCC_ANSWER])}

    fake_hub.handlers["Pages"] = pages
    fake_hub.handlers["PageByRef"] = lambda v: {"data": {"pageByRef": KCC_ANSWER}}
    return frontend("kcc")


@pytest.fixture
def signed_in(kcc):
    response = kcc.post("/inloggen/", {"token": TOKEN, "volgende": "/"})
    assert response.status_code == 302
    return kcc


@pytest.mark.parametrize("path", ["/", "/?q=paspoort", "/antwoord/answer-paspoort-kwijt/", "/bestaat-niet/"])
def test_without_a_token_every_page_redirects_to_sign_in_and_shows_nothing(kcc, fake_hub, path):
    response = kcc.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?volgende=")
    assert "PageByRef" not in fake_hub.operations() and "Search" not in fake_hub.operations()


def test_signing_in_stores_the_token_in_a_signed_httponly_cookie(kcc, fake_hub):
    response = kcc.post("/inloggen/", {"token": TOKEN, "volgende": "/?q=paspoort"})
    assert response.status_code == 302 and response["Location"] == "/?q=paspoort"
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert cookie.value != TOKEN and TOKEN in cookie.value  # signed, not bare
    assert fake_hub.requests[-1]["authorization"] == f"Bearer {TOKEN}"


def test_a_token_the_hub_refuses_is_not_stored(kcc, fake_hub):
    fake_hub.handlers["Pages"] = lambda v: {
        "_status": 401,
        "errors": [{"message": "bad token", "extensions": {"code": "UNAUTHENTICATED"}}],
    }
    response = kcc.post("/inloggen/", {"token": "wagtail_wrong"})
    assert response.status_code == 400
    assert "Deze code werkt niet" in response.content.decode()
    assert COOKIE not in response.cookies


def test_a_tampered_cookie_counts_as_signed_out(kcc):
    kcc.cookies[COOKIE] = TOKEN + ":forged"
    assert kcc.get("/").status_code == 302


def test_the_sign_in_redirect_never_leaves_the_console(kcc):
    response = kcc.post("/inloggen/", {"token": TOKEN, "volgende": "//evil.example/"})
    assert response["Location"] == "/"


def test_an_answer_shows_the_script_the_internal_note_and_the_public_link(signed_in, fake_hub):
    response = signed_in.get("/antwoord/answer-paspoort-kwijt/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Doe aangifte bij de politie." in html
    assert "Vraag naar het proces-verbaal." in html and "Lees voor" in html
    assert "INTERNE NOTITIE" in html
    assert f'href="{ANSWER["url"]}"' in html
    assert "no-store" in response["Cache-Control"]
    request = next(r for r in fake_hub.requests if r["operation"] == "PageByRef")
    assert request["variables"] == {"ref": "answer-paspoort-kwijt", "channel": "KCC"}
    assert request["authorization"] == f"Bearer {TOKEN}"


def test_search_uses_the_kcc_channel_and_the_staff_token(signed_in, fake_hub):
    fake_hub.handlers["Capabilities"] = lambda v: SEARCH_CAPABILITIES
    fake_hub.handlers["Search"] = lambda v: HITS
    html = signed_in.get("/", {"q": "paspoort"}).content.decode()
    assert 'href="/antwoord/product-paspoort/?q=paspoort"' in html
    request = next(r for r in fake_hub.requests if r["operation"] == "Search")
    assert request["variables"]["channel"] == "KCC" and "site" not in request["variables"]
    assert request["authorization"] == f"Bearer {TOKEN}"
    assert "Antwoord gevonden" not in html  # no feedback mutation in this schema


def test_until_the_hub_has_search_the_console_matches_titles(signed_in):
    html = signed_in.get("/", {"q": "paspoort kwijt"}).content.decode()
    assert "Eenvoudig zoeken" in html
    assert html.index("Wat doe ik als mijn paspoort kwijt is?") < html.index("Paspoort aanvragen")


def test_feedback_calls_record_search_feedback_when_the_hub_has_it(signed_in, fake_hub):
    fake_hub.handlers["Capabilities"] = lambda v: FEEDBACK_CAPABILITIES
    fake_hub.handlers["Search"] = lambda v: {"data": {"search": {**HITS["data"]["search"], "queryId": "q-42"}}}
    fake_hub.handlers["RecordSearchFeedback"] = lambda v: {"data": {"recordSearchFeedback": True}}
    html = signed_in.get("/", {"q": "paspoort"}).content.decode()
    assert "Antwoord gevonden" in html and "Niet gevonden" in html
    response = signed_in.post("/feedback/", {"zoekvraag": "q-42", "gevonden": "ja"})
    assert "Uw antwoord is opgeslagen" in response.content.decode()
    request = next(r for r in fake_hub.requests if r["operation"] == "RecordSearchFeedback")
    assert request["variables"] == {"queryId": "q-42", "found": True}
    assert "$queryId: ID!" in request["query"] and "{ __typename }" not in request["query"]


def test_signing_out_forgets_the_token(signed_in):
    response = signed_in.post("/uitloggen/")
    assert response.status_code == 302
    assert signed_in.get("/").status_code == 302


def test_an_expired_token_sends_the_employee_back_to_sign_in(signed_in, fake_hub):
    fake_hub.handlers["PageByRef"] = lambda v: {
        "_status": 401,
        "errors": [{"message": "revoked", "extensions": {"code": "UNAUTHENTICATED"}}],
    }
    response = signed_in.get("/antwoord/answer-paspoort-kwijt/")
    assert response.status_code == 302 and "verlopen=1" in response["Location"]
