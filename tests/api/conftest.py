import json

import pytest


@pytest.fixture
def gql(client):
    """POST a GraphQL document; returns the decoded JSON body (and keeps the response on it)."""

    def run(query, variables=None, token=None, method="post", **headers):
        if token:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        if method == "get":
            params = {"query": query}
            if variables:
                params["variables"] = json.dumps(variables)
            response = client.get("/graphql/", params, **headers)
        else:
            body = {"query": query, "variables": variables or {}}
            response = client.post("/graphql/", body, content_type="application/json", **headers)
        assert response.status_code < 500, response.content
        data = response.json() if response.status_code != 304 else {}
        data["_response"] = response
        return data

    return run


def error_codes(result) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in result.get("errors", [])]
