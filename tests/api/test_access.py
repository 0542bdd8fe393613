"""No draft, unpublished page, internal answer or kcc_script reaches an anonymous caller,
through any root field or list, also not through page choosers and fragments."""

import json

import pytest

from .conftest import error_codes

pytestmark = pytest.mark.django_db

# Text that exists only in drafts, internal pages, internal notes and kcc_script blocks
# (tests/fixtures/*.json).
SECRETS = [
    "CONCEPTTEKST",
    "GEHEIM-INTERN",
    "INTERNE NOTITIE",
    "Vraag of de inwoner",
    "andere vraag",
    "Werkinstructie",
    "Nog niet klaar",
    "product-concept",
    "answer-intern-noodpaspoort",
]

BLOCKS = """
fragment AllBlocks on Block {
  id type section channels
  ... on TextBlock { html plainText }
  ... on KccScriptBlock { script }
  ... on StepsBlock { steps }
  ... on CostTableBlock { costRows { description amount amountFormatted } }
  ... on FaqBlock { faqItems { question answer } }
  ... on NoticeBlock { noticeLevel noticeText }
  ... on LinkListBlock { links { title url pageRef pageSite pagePath } }
  ... on FragmentBlock { fragmentRef fragmentTitle fragmentBlocks {
      id type channels
      ... on TextBlock { html }
      ... on KccScriptBlock { script }
      ... on LinkListBlock { links { title url pageRef } } } }
}
fragment AllPage on Page {
  id ref title url site path summary audience contentType alsoOn
  keywords { term synonyms variants }
  blocks { ...AllBlocks }
  ... on ProductPage { sections { section heading blocks { ...AllBlocks } } actions { label url } }
  ... on AnswerPage { shortAnswer internalNote phrasings }
  ... on ArticlePage { kind date location }
}
"""
EVERYTHING = (
    BLOCKS
    + """
query Everything($channel: Channel!) {
  sites { key menu { title url } }
  pages(first: 20, channel: $channel) { totalCount nodes { ...AllPage } }
  product: page(site: "deventer", path: "/producten/paspoort-aanvragen/", channel: $channel) { ...AllPage }
  keywords { term }
}
"""
)
PAGE_BY_PATH = (
    BLOCKS
    + """
query One($site: String!, $path: String!, $channel: Channel) {
  page(site: $site, path: $path, channel: $channel) { ...AllPage }
}
"""
)
# A list of one type in a sorted order, without blocks: the list that walks an index and loads
# no stream fields (api/migrations/0002, docs/api.md "Speed").
ANSWER_TITLES = """
query Answers($order: PageOrder) {
  pages(type: "answer", orderBy: $order, first: 100, channel: KCC) { totalCount nodes { ref title } }
}
"""
PAGE_BY_REF = (
    BLOCKS
    + """
query ByRef($ref: String!, $channel: Channel) { pageByRef(ref: $ref, channel: $channel) { ...AllPage } }
"""
)
CHANNELS = ["WEB", "APP", "KCC", "BALIE"]


def _leaks(result) -> list[str]:
    text = json.dumps({k: v for k, v in result.items() if k != "_response"}, ensure_ascii=False)
    return [secret for secret in SECRETS if secret in text]


@pytest.mark.parametrize("channel", CHANNELS)
def test_an_anonymous_caller_sees_no_secret_through_any_root_field(gql, hub_content, channel):
    result = gql(EVERYTHING, {"channel": channel})
    assert "errors" not in result
    assert result["data"]["pages"]["totalCount"] >= 4
    assert _leaks(result) == []


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_staff_token_sees_internal_content(gql, hub_content, staff_token, channel):
    result = gql(EVERYTHING, {"channel": channel}, token=staff_token)
    leaks = _leaks(result)
    assert "GEHEIM-INTERN" in leaks and "INTERNE NOTITIE" in leaks
    if channel in ("KCC", "BALIE"):
        assert "Vraag of de inwoner" in leaks
    else:
        assert "Vraag of de inwoner" not in leaks  # kcc_script only on staff channels
    assert "CONCEPTTEKST" not in leaks  # drafts need a preview token, even for staff


def test_an_internal_answer_is_not_found_for_anonymous_callers(gql, hub_content):
    for query, variables in [
        (PAGE_BY_REF, {"ref": "answer-intern-noodpaspoort", "channel": "KCC"}),
        (
            PAGE_BY_PATH,
            {"site": "deventer", "path": "/vraag-en-antwoord/werkinstructie-noodpaspoort/", "channel": "KCC"},
        ),
    ]:
        result = gql(query, variables)
        assert error_codes(result) == ["NOT_FOUND"]
        assert _leaks({"data": result["data"]}) == []


@pytest.mark.parametrize("order", ["TITLE_ASC", "TITLE_DESC", "LAST_PUBLISHED_DESC", "LAST_PUBLISHED_ASC"])
def test_a_sorted_list_of_titles_leaves_out_internal_pages_for_anonymous_callers(gql, hub_content, staff_token, order):
    public = gql(ANSWER_TITLES, {"order": order})["data"]["pages"]
    staff = gql(ANSWER_TITLES, {"order": order}, token=staff_token)["data"]["pages"]
    public_refs = [n["ref"] for n in public["nodes"]]
    assert "answer-intern-noodpaspoort" not in public_refs
    assert "answer-intern-noodpaspoort" in [n["ref"] for n in staff["nodes"]]
    assert public["totalCount"] == len(public_refs) == staff["totalCount"] - 1
    assert _leaks({"data": public}) == []


def test_a_draft_is_not_found_without_a_preview_token(gql, hub_content, staff_token):
    for token in (None, staff_token):
        result = gql(PAGE_BY_REF, {"ref": "product-concept"}, token=token)
        assert error_codes(result) == ["NOT_FOUND"]
        result = gql(PAGE_BY_PATH, {"site": "deventer", "path": "/producten/concept-nieuwe-afvalpas/"}, token=token)
        assert error_codes(result) == ["NOT_FOUND"]


def test_an_unpublished_page_disappears_from_every_field(gql, hub_content):
    from content.models import ProductPage

    ProductPage.objects.get(ref="product-parkeervergunning").unpublish()
    result = gql(EVERYTHING, {"channel": "WEB"})
    assert "Parkeervergunning" not in json.dumps(result["data"], ensure_ascii=False)
    assert error_codes(gql(PAGE_BY_REF, {"ref": "product-parkeervergunning"})) == ["NOT_FOUND"]


def test_the_internal_note_is_null_for_public_callers_of_a_public_answer(gql, hub_content, staff_token):
    public = gql(PAGE_BY_REF, {"ref": "answer-paspoort-kwijt", "channel": "KCC"})
    assert public["data"]["pageByRef"]["internalNote"] is None
    staff = gql(PAGE_BY_REF, {"ref": "answer-paspoort-kwijt", "channel": "KCC"}, token=staff_token)
    assert "INTERNE NOTITIE" in staff["data"]["pageByRef"]["internalNote"]


def test_a_revoked_token_is_refused(gql, hub_content, staff_token):
    from wagtail.models import APIToken

    assert "errors" not in gql("{ keywords { term } }", token=staff_token)
    for token in APIToken.objects.all():
        token.revoke()
    result = gql("{ keywords { term } }", token=staff_token)
    assert error_codes(result) == ["UNAUTHENTICATED"]
    assert result["_response"].status_code == 401


def test_an_unknown_or_malformed_token_is_refused(gql, hub_content):
    for header in ("Bearer wagtail_notarealtoken", "Bearer ", "Basic abc"):
        result = gql("{ keywords { term } }", HTTP_AUTHORIZATION=header)
        assert error_codes(result) == ["UNAUTHENTICATED"]


def test_a_token_of_a_user_without_staff_rights_sees_no_internal_content(gql, hub_content):
    from django.contrib.auth.models import User
    from wagtail.models import APIToken

    user = User.objects.create_user("inwoner")
    _, token = APIToken.create_token(user=user, name="x")
    result = gql(EVERYTHING, {"channel": "KCC"}, token=token)
    assert _leaks(result) == []


def test_a_staff_session_sees_internal_content(client, gql, hub_content, staff_user):
    client.force_login(staff_user)
    result = gql(PAGE_BY_REF, {"ref": "answer-intern-noodpaspoort", "channel": "KCC"})
    assert result["data"]["pageByRef"]["title"] == "Werkinstructie noodpaspoort"
    assert "no-store" in result["_response"]["Cache-Control"]


def test_the_menu_leaves_out_unpublished_pages(gql, hub_content):
    from content.models import SectionPage

    SectionPage.objects.get(slug="nieuws").unpublish()
    menu = gql('{ site(key: "deventer") { menu { title } } }')["data"]["site"]["menu"]
    assert [m["title"] for m in menu] == ["Producten en diensten"]
