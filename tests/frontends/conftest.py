"""Unit-test fixtures for frontend_sites: the front-end's settings, and a fake hub.

The fake hub sits at the HTTP transport (httpx.MockTransport): the front-end's own client,
views and templates run for real; only the network answer is made up.
"""

import json
import re
from urllib.parse import parse_qs

import httpx
import pytest
from django.test import Client, override_settings

import frontend_sites.settings as frontend_settings
from frontend_sites import hub_client

OPERATION = re.compile(r"\b(query|mutation)\s+(\w+)")

SITE = {
    "key": "deventer",
    "name": "Gemeente Deventer",
    "frontendUrl": "http://localhost:8001",
    "theme": {"primaryColor": "#9b1b30", "secondaryColor": "#1d1d1b", "logoText": "Gemeente Deventer", "tagline": ""},
    "menu": [
        {"title": "Producten en diensten", "path": "/producten/", "url": "http://localhost:8001/producten/"},
        {"title": "Nieuws", "path": "/nieuws/", "url": "http://localhost:8001/nieuws/"},
    ],
}


def page(**fields):
    base = {
        "__typename": "SectionPage",
        "id": "1",
        "ref": None,
        "title": "Gemeente Deventer",
        "contentType": "home",
        "site": "deventer",
        "alsoOn": [],
        "path": "/",
        "url": "http://localhost:8001/",
        "summary": "",
        "audience": "public",
        "lastPublishedAt": "2026-11-01T10:00:00+00:00",
        "keywords": [],
        "readability": None,
        "intro": "",
        "blocks": [],
    }
    return {**base, **fields}


PRODUCT = page(
    __typename="ProductPage",
    id="9",
    ref="product-paspoort",
    title="Paspoort aanvragen",
    contentType="product",
    path="/producten/paspoort-aanvragen/",
    url="http://localhost:8001/producten/paspoort-aanvragen/",
    summary="Een paspoort vraagt u aan bij de gemeente.",
    uplName="paspoort",
    uplUri="http://standaarden.overheid.nl/owms/terms/paspoort",
    doelgroep="burger",
    themes=["Burgerzaken"],
    owner="Team Burgerzaken",
    reviewDate="2027-03-01",
    actions=[{"label": "Afspraak maken", "url": "https://example.org/afspraak", "kind": "afspraak", "digid": False}],
    sections=[
        {
            "section": "inleiding",
            "heading": "Inleiding",
            "blocks": [
                {
                    "__typename": "TextBlock",
                    "id": "a",
                    "type": "text",
                    "section": "inleiding",
                    "html": "<p>Met een paspoort kunt u reizen.</p>",
                    "plainText": "Met een paspoort kunt u reizen.",
                }
            ],
        },
        {
            "section": "kosten",
            "heading": "Kosten",
            "blocks": [
                {
                    "__typename": "CostTableBlock",
                    "id": "b",
                    "type": "cost_table",
                    "section": "kosten",
                    "costRows": [
                        {"description": "Paspoort 18 jaar en ouder", "amount": "84.75", "amountFormatted": "€ 84,75"}
                    ],
                }
            ],
        },
        {
            "section": "bijzonderheden",
            "heading": "Bijzonderheden",
            "blocks": [
                {
                    "__typename": "KccScriptBlock",
                    "id": "c",
                    "type": "kcc_script",
                    "section": "bijzonderheden",
                    "script": "Vraag of de inwoner al een afspraak heeft.",
                },
                {
                    "__typename": "NoticeBlock",
                    "id": "d",
                    "type": "notice",
                    "section": "bijzonderheden",
                    "noticeLevel": "WARNING",
                    "noticeText": "Neem uw oude paspoort mee.",
                },
            ],
        },
    ],
)
ANSWER = page(
    __typename="AnswerPage",
    id="12",
    ref="answer-paspoort-kwijt",
    title="Wat doe ik als mijn paspoort kwijt is?",
    contentType="answer",
    path="/vraag-en-antwoord/paspoort-kwijt/",
    url="http://localhost:8001/vraag-en-antwoord/paspoort-kwijt/",
    question="Wat doe ik als mijn paspoort kwijt is?",
    phrasings=["paspoort kwijt"],
    shortAnswer="Doe aangifte bij de politie.",
    internalNote=None,
    status="actueel",
    doelgroep="burger",
    blocks=[
        {
            "__typename": "TextBlock",
            "id": "e",
            "type": "text",
            "section": None,
            "html": "<p>Meld het verlies.</p>",
            "plainText": "Meld het verlies.",
        }
    ],
)
NEWS = {
    "id": "15",
    "ref": "article-nieuws-stadhuis",
    "title": "Stadhuis langer open",
    "contentType": "article",
    "site": "deventer",
    "path": "/nieuws/stadhuis-langer-open/",
    "url": "http://localhost:8001/nieuws/stadhuis-langer-open/",
    "summary": "",
    "lastPublishedAt": "2026-11-01T10:00:00+00:00",
    "kind": "nieuws",
    "date": "2026-11-01",
    "startDate": None,
    "endDate": None,
    "location": "",
}
PRODUCT_SUMMARY = {
    k: PRODUCT[k] for k in ("id", "ref", "title", "contentType", "site", "path", "url", "summary", "lastPublishedAt")
}


def connection(nodes, removed=()):
    return {
        "pages": {
            "totalCount": len(nodes),
            "pageInfo": {"hasNextPage": False, "endCursor": None},
            "nodes": list(nodes),
            "removed": list(removed),
        }
    }


def not_found(field):
    return {
        "errors": [{"message": "No page", "path": [field], "extensions": {"code": "NOT_FOUND"}}],
        "data": {field: None},
    }


class FakeHub:
    """Answers GraphQL operations by name; records every request it got."""

    def __init__(self):
        self.requests: list[dict] = []
        self.down = False
        self.pages = {"/": page(), PRODUCT["path"]: PRODUCT, ANSWER["path"]: ANSWER}
        self.sign_in_answers = {"intrekken/": lambda form: (200, {"revoked": True})}
        self.handlers = {
            "Site": lambda v: {"data": {"site": SITE}},
            "Page": self.page,
            "Pages": lambda v: {"data": connection([NEWS] if v.get("type") == "article" else [PRODUCT_SUMMARY, NEWS])},
            # The schema as committed today: no `search`, no mutations.
            "Capabilities": lambda v: {
                "data": {"__schema": {"queryType": {"fields": []}, "mutationType": None}, "searchResults": None}
            },
        }

    def sign_in(self, request: httpx.Request) -> httpx.Response:
        """The hub's sign-in endpoints for the KCC console (token/, intrekken/)."""
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        endpoint = request.url.path.removeprefix("/inloggen/kcc/")
        self.requests.append({"operation": f"sign-in:{endpoint}", "variables": form, "authorization": None})
        status, answer = self.sign_in_answers[endpoint](form)
        return httpx.Response(status, json=answer)

    def page(self, variables):
        found = self.pages.get(variables["path"])
        return {"data": {"page": found}} if found else not_found("page")

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if request.url.path.startswith("/inloggen/kcc/"):
            return self.sign_in(request)
        body = json.loads(request.content)
        name = OPERATION.search(body["query"]).group(2)
        self.requests.append(
            {
                "operation": name,
                "variables": body["variables"],
                "authorization": request.headers.get("Authorization"),
                "forwarded_for": request.headers.get("X-Forwarded-For"),
                "query": body["query"],
            }
        )
        handler = self.handlers.get(name)
        if handler is None:
            return httpx.Response(
                400,
                json={"errors": [{"message": f"Cannot query field for {name}", "extensions": {"code": "BAD_INPUT"}}]},
            )
        result = handler(body["variables"])
        status = result.pop("_status", 200) if isinstance(result, dict) else 200
        return httpx.Response(status, json=result)

    def operations(self):
        return [r["operation"] for r in self.requests]


@pytest.fixture
def fake_hub():
    return FakeHub()


def _frontend_settings(kind: str, site_key: str, fake):
    return override_settings(
        ROOT_URLCONF=f"frontend_sites.urls.{kind}",
        MIDDLEWARE=frontend_settings.MIDDLEWARE,
        TEMPLATES=frontend_settings.TEMPLATES,
        STATIC_ROOT=frontend_settings.STATIC_ROOT,
        FRONTEND_KIND=kind,
        FRONTEND_LANGUAGES=frontend_settings.FRONTEND_LANGUAGES,
        FRONTEND_SITE_KEY=site_key,
        HUB_GRAPHQL_URL="http://hub.test/graphql/",
        HUB_ADMIN_ORIGIN="http://localhost:8000",
        HUB_SIGNIN_URL="http://hub.test/inloggen/kcc/",
        HUB_SIGNIN_SERVER_URL="http://hub.test/inloggen/kcc/",
        CSRF_COOKIE_NAME=frontend_settings.CSRF_COOKIE_NAME,
        FRONTEND_CACHE_SECONDS=0,
        FRONTEND_HUB_TIMEOUT=1,
        FRONTEND_HUB_TRANSPORT=httpx.MockTransport(fake),
        X_FRAME_OPTIONS=None,
        DEBUG=False,
        SECURE_REFERRER_POLICY=frontend_settings.SECURE_REFERRER_POLICY,
        FRONTEND_PERMISSIONS_POLICY=frontend_settings.FRONTEND_PERMISSIONS_POLICY,
        FRONTEND_CSP_IMG_SRC=frontend_settings.FRONTEND_CSP_IMG_SRC,
        FRONTEND_SECURITY_CONTACT=frontend_settings.FRONTEND_SECURITY_CONTACT,
        FRONTEND_SECURITY_POLICY_URL=frontend_settings.FRONTEND_SECURITY_POLICY_URL,
        FRONTEND_SECURITY_TXT_DAYS=frontend_settings.FRONTEND_SECURITY_TXT_DAYS,
        FRONTEND_ACCESSIBILITY=frontend_settings.FRONTEND_ACCESSIBILITY,
    )


@pytest.fixture
def frontend(fake_hub):
    """A factory: `frontend("website")` gives a test Client for that kind of front-end."""
    active = []

    def make(kind="website", site_key="deventer"):
        overrides = _frontend_settings(kind, site_key, fake_hub)
        overrides.enable()
        active.append(overrides)
        hub_client.clear_cache()
        return Client(raise_request_exception=False)

    yield make
    for overrides in reversed(active):
        overrides.disable()
    hub_client.clear_cache()


@pytest.fixture
def website(frontend):
    return frontend("website")
