import httpx
import pytest

from frontend_sites.hub_client import FieldMissing, HubClient, HubError, HubUnavailable, query


def client_answering(status, body):
    return HubClient(
        "http://hub.test/graphql/", transport=httpx.MockTransport(lambda request: httpx.Response(status, json=body))
    )


def test_a_missing_field_is_told_apart_from_other_errors():
    with pytest.raises(FieldMissing):
        client_answering(
            400,
            {
                "errors": [
                    {"message": "Cannot query field 'search' on type 'Query'.", "extensions": {"code": "BAD_INPUT"}}
                ]
            },
        ).execute("{ search }")
    with pytest.raises(HubError) as error:
        client_answering(200, {"errors": [{"message": "x", "extensions": {"code": "NOT_FOUND"}}]}).execute("{ a }")
    assert error.value.code == "NOT_FOUND" and not isinstance(error.value, FieldMissing)


def test_a_server_error_or_non_json_answer_means_the_hub_is_unavailable():
    with pytest.raises(HubUnavailable):
        client_answering(500, {}).execute("{ a }")
    broken = HubClient("http://hub.test/", transport=httpx.MockTransport(lambda r: httpx.Response(200, text="<html>")))
    with pytest.raises(HubUnavailable):
        broken.execute("{ a }")


def test_query_documents_include_each_imported_fragment_once():
    document = query("page")
    for fragment in ("fragment PageFields", "fragment BlockFields", "fragment LeafBlockFields"):
        assert document.count(fragment) == 1
