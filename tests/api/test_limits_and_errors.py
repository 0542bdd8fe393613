"""Bad input gets a clear error with a stable code; never a 500."""

import pytest

from .conftest import error_codes

pytestmark = pytest.mark.django_db


def test_an_over_deep_query_is_refused_with_its_code(gql, hub_content, settings):
    settings.HUB_GRAPHQL = {**settings.HUB_GRAPHQL, "MAX_DEPTH": 4}
    query = """{ pages { nodes { blocks { ... on FragmentBlock { fragmentBlocks { ... on LinkListBlock {
               links { title } } } } } } } }"""
    result = gql(query)
    assert error_codes(result) == ["QUERY_TOO_DEEP"]
    assert result["extensions"]["cost"]["depth"] > 4


def test_an_over_costly_query_is_refused_and_the_cost_is_reported(gql, hub_content, settings):
    cheap = gql("{ pages(first: 2) { nodes { title } } }")
    assert "errors" not in cheap
    cost = cheap["extensions"]["cost"]["cost"]
    assert cost > 0
    settings.HUB_GRAPHQL = {**settings.HUB_GRAPHQL, "MAX_COST": cost}
    result = gql("{ pages(first: 50) { nodes { title summary blocks { id } } } }")
    assert error_codes(result) == ["QUERY_TOO_COMPLEX"]
    assert result["errors"][0]["extensions"]["cost"] > cost


def test_lists_are_capped(gql, hub_content):
    assert error_codes(gql("{ pages(first: 101) { totalCount } }")) == ["BAD_INPUT"]
    assert error_codes(gql("{ pages(first: -1) { totalCount } }")) == ["BAD_INPUT"]


@pytest.mark.parametrize(
    "query, code",
    [
        ("{ nope }", "BAD_INPUT"),
        ("{ pages { ", "BAD_INPUT"),
        ('{ page(site: "nergens", path: "/") { title } }', "NOT_FOUND"),
        ('{ site(key: "nergens") { name } }', "NOT_FOUND"),
        ('{ pages(type: "poster") { totalCount } }', "BAD_INPUT"),
        ('{ pages(after: "!!!") { totalCount } }', "BAD_INPUT"),
        ('{ page(site: "deventer", path: "/bestaat/niet/") { title } }', "NOT_FOUND"),
        ("{ pages(first: 99999999999) { totalCount } }", "BAD_INPUT"),
    ],
)
def test_client_errors_have_stable_codes(gql, hub_content, query, code):
    result = gql(query)
    assert code in error_codes(result)


def test_malformed_http_requests_get_a_client_error(client, hub_content):
    for body, content_type in [
        ("{not json", "application/json"),
        ('{"query": 5}', "application/json"),
        ('{"query": "{ keywords { term } }", "variables": [1]}', "application/json"),
    ]:
        response = client.post("/graphql/", body, content_type=content_type)
        assert 400 <= response.status_code < 500
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_nul_characters_are_refused_wherever_they_are(client, hub_content):
    for body in [
        {"query": '{ pageByRef(ref: "a\u0000b") { title } }'},
        {"query": "query P($ref: String!) { pageByRef(ref: $ref) { title } }", "variables": {"ref": "a\u0000b"}},
        {
            "query": 'query S($k: [String!]) { search(query: "paspoort", keywords: $k) { totalCount } }',
            "variables": {"k": ["x\u0000"]},
        },
    ]:
        response = client.post("/graphql/", body, content_type="application/json")
        assert response.status_code < 500
        assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["BAD_INPUT"], body


def test_mutations_are_refused_over_get(gql, hub_content):
    result = gql("mutation { x }", method="get")
    assert error_codes(result) and result["_response"].status_code < 500


def test_introspection_can_be_switched_off(gql, hub_content, settings):
    assert "errors" not in gql("{ __schema { queryType { name } } }")
    settings.HUB_GRAPHQL = {**settings.HUB_GRAPHQL, "INTROSPECTION": False}
    assert set(error_codes(gql("{ __schema { queryType { name } } }"))) == {"BAD_INPUT"}


def test_public_get_responses_are_cacheable_and_revalidate(gql, hub_content):
    query = '{ site(key: "deventer") { name } }'
    first = gql(query, method="get")["_response"]
    assert "public" in first["Cache-Control"] and first["ETag"]
    again = gql(query, method="get", HTTP_IF_NONE_MATCH=first["ETag"])["_response"]
    assert again.status_code == 304


def test_responses_for_staff_are_never_cached(gql, hub_content, staff_token):
    response = gql('{ site(key: "deventer") { name } }', method="get", token=staff_token)["_response"]
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "ETag" not in response


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ('{ pageByRef(ref: "\\u0000") { title } }', None),
        ('{ pageByRef(ref: "a\\u{0}b") { title } }', None),
        ("query($ref: String!) { pageByRef(ref: $ref) { title } }", {"ref": "a\x00b"}),
    ],
)
def test_a_nul_character_in_any_form_is_bad_input_not_a_server_error(gql, hub_content, query, variables):
    body = gql(query, variables)  # a 5xx would not be JSON with a coded error
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_INPUT"]
