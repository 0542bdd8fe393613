"""The `search` and `searchSuggestions` fields and `recordSearchFeedback`, on a local schema."""

import graphene
import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory

from api.search.mutations import SearchMutations
from api.search.queries import SearchQueries
from search.models import SearchQueryLog

pytestmark = pytest.mark.django_db

SEARCH = """
query Search($query: String!, $site: String, $channel: Channel, $keywords: [String!], $first: Int, $after: String) {
  search(query: $query, site: $site, channel: $channel, keywords: $keywords, first: $first, after: $after) {
    totalCount
    hits { id ref title url site snippet score contentType bestBet }
    facets { sites { value count } contentTypes { value count } keywords { value count } }
    suggestions
    didYouMean
    queryId
    pageInfo { hasNextPage endCursor }
  }
}
"""
SUGGESTIONS = "query S($prefix: String!, $site: String) { searchSuggestions(prefix: $prefix, site: $site) }"
FEEDBACK = """
mutation F($queryId: ID!, $found: Boolean!) { recordSearchFeedback(queryId: $queryId, found: $found) { queryId found } }
"""


class Query(SearchQueries, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=SearchMutations)


@pytest.fixture
def run():
    def execute(document, token=None, **variables):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        request = RequestFactory().post("/graphql/", **headers)
        request.user = AnonymousUser()
        return schema.execute(document, variable_values=variables, context_value=request)

    return execute


def error_code(result):
    assert result.errors, result.data
    return result.errors[0].extensions["code"]


def test_search_returns_hits_with_urls_snippets_and_facets(database_engine, run):
    result = run(SEARCH, query="paspoort")
    assert not result.errors
    data = result.data["search"]
    assert data["totalCount"] == 2
    first = data["hits"][0]
    assert first["ref"] == "product-paspoort" and first["bestBet"] is True
    assert first["url"] == "http://localhost:8001/producten/paspoort-aanvragen/"
    assert first["site"] == "deventer" and first["contentType"] == "product"
    assert "<mark>" in first["snippet"]
    assert {"value": "deventer", "count": 2} in data["facets"]["sites"]
    assert data["queryId"]


def test_search_pages_with_a_cursor(database_engine, run):
    first = run(SEARCH, query="aanvragen", first=1).data["search"]
    assert first["pageInfo"]["hasNextPage"] is True
    second = run(SEARCH, query="aanvragen", first=1, after=first["pageInfo"]["endCursor"]).data["search"]
    assert second["hits"][0]["ref"] != first["hits"][0]["ref"]


def test_anonymous_callers_never_get_internal_hits_on_the_kcc_channel(database_engine, run):
    data = run(SEARCH, query="noodpaspoort GEHEIM-INTERN", channel="KCC").data["search"]
    assert data["totalCount"] == 0
    assert "GEHEIM" not in str(data)


def test_staff_with_a_token_find_internal_answers(database_engine, run, staff_token):
    data = run(SEARCH, token=staff_token, query="noodpaspoort", channel="KCC").data["search"]
    assert [h["ref"] for h in data["hits"]] == ["answer-intern-noodpaspoort"]


def test_did_you_mean_for_a_typo(database_engine, run):
    assert run(SEARCH, query="rijbewjis").data["search"]["didYouMean"] == "rijbewijs"


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"query": "paspoort", "site": "bestaat-niet"}, "NOT_FOUND"),
        ({"query": "   "}, "BAD_INPUT"),
        ({"query": "x" * 201}, "BAD_INPUT"),
        ({"query": "paspoort", "first": 51}, "BAD_INPUT"),
        ({"query": "paspoort", "first": -1}, "BAD_INPUT"),
        ({"query": "paspoort", "after": "geen-cursor"}, "BAD_INPUT"),
    ],
)
def test_bad_input_gets_a_stable_error_code(database_engine, run, variables, code):
    assert error_code(run(SEARCH, **variables)) == code


def test_an_engine_that_does_not_answer_gives_search_unavailable(search_content, run, settings, caplog):
    settings.SEARCH_ENGINE, settings.SEARCH_URL = "opensearch", "http://127.0.0.1:9"
    settings.SEARCH_INDEX_PREFIX = "down"
    result = run(SEARCH, query="paspoort")
    assert error_code(result) == "SEARCH_UNAVAILABLE"
    assert result.data is None or result.data["search"] is None
    assert "Search engine unavailable" in caplog.text


def test_suggestions_for_a_search_box(database_engine, run):
    result = run(SUGGESTIONS, prefix="rijb")
    assert "Rijbewijs verlengen" in result.data["searchSuggestions"]
    assert error_code(run(SUGGESTIONS, prefix="rijb", site="nergens")) == "NOT_FOUND"


def test_each_search_is_logged_without_personal_data(database_engine, run):
    run(SEARCH, query="Paspoort  kwijt BSN 123456789 bel 06-12345678 of jan@example.org")
    log = SearchQueryLog.objects.get()
    assert log.query == "paspoort kwijt bsn [nummer] bel [nummer] of [e-mail]"
    assert log.channel == "web" and log.staff is False and log.result_count >= 1
    field_names = {f.name for f in SearchQueryLog._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "user", "user_id", "session", "user_agent"}


def test_staff_record_whether_the_answer_was_found(database_engine, run, staff_token):
    query_id = run(SEARCH, token=staff_token, query="paspoort kwijt", channel="KCC").data["search"]["queryId"]
    result = run(FEEDBACK, token=staff_token, queryId=query_id, found=True)
    assert result.data["recordSearchFeedback"] == {"queryId": query_id, "found": True}
    log = SearchQueryLog.objects.get(pk=query_id)
    assert log.found is True and log.staff is True and log.channel == "kcc"


def test_feedback_needs_staff_and_a_known_search(database_engine, run, staff_token):
    query_id = run(SEARCH, query="paspoort").data["search"]["queryId"]
    assert error_code(run(FEEDBACK, queryId=query_id, found=False)) == "FORBIDDEN"
    assert error_code(run(FEEDBACK, token=staff_token, queryId="999999", found=False)) == "NOT_FOUND"
    assert error_code(run(FEEDBACK, token=staff_token, queryId="abc", found=False)) == "BAD_INPUT"


def test_a_database_search_takes_a_fixed_number_of_queries(database_engine, run, django_assert_max_num_queries):
    run(SEARCH, query="paspoort")  # this process reads the keywords
    # keywords' version, vocabulary, matches, best bets, the slice's rows, visibility re-check,
    # query log, site list; on PostgreSQL the match runs in a savepoint that switches the
    # planner to the full-text index and back (four statements more).
    extra = 4 if connection.vendor == "postgresql" else 0
    with django_assert_max_num_queries(8 + extra):
        result = run(SEARCH, query="rijbewjis paspoort", first=20)
    assert not result.errors
