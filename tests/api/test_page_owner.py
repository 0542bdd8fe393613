"""A product's `owner` is the name of its team (the contract from before owners were teams), and
listing products of many teams costs no more queries than listing one."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Team
from tests.conftest import load_fixture

pytestmark = pytest.mark.django_db

OWNERS = """query Owners($first: Int) {
  pages(site: "deventer", type: "product", first: $first) {
    nodes { ref ... on ProductPage { owner } }
  }
}"""


@pytest.fixture
def products(import_json):
    import_json(load_fixture("sites.json"))

    def build(count):
        items = [
            {
                "ref": f"product-{n}",
                "type": "product",
                "site": "deventer",
                "parent": "/producten/",
                "title": f"Product {n}",
                "owner": f"Team {n}" if n else "",
            }
            for n in range(count)
        ]
        import_json({"format": "hub-import/1", "items": items})

    return build


def _owners(client):
    body = {"query": OWNERS, "variables": {"first": 50}}
    client.post("/graphql/", body, content_type="application/json")  # warm: content types are cached
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/graphql/", json.dumps(body), content_type="application/json")
    data = response.json()
    assert "errors" not in data, data
    return {n["ref"]: n["owner"] for n in data["data"]["pages"]["nodes"]}, len(queries)


def test_the_owner_is_the_team_name_and_empty_without_a_team(client, products):
    products(3)
    Team.objects.filter(name="Team 2").update(name="Team Burgerzaken")
    owners, _ = _owners(client)
    assert owners == {"product-0": "", "product-1": "Team 1", "product-2": "Team Burgerzaken"}


def test_the_owners_of_many_teams_cost_one_query(client, products):
    products(2)
    few, small = _owners(client)
    products(20)
    many, large = _owners(client)
    assert len(few) == 2 and len(many) == 20 and many["product-19"] == "Team 19"
    assert small == large
