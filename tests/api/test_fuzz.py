"""Fuzz the GraphQL endpoint with schemathesis: nothing a client sends may give a 500."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from api.schema import schema as graphene_schema

pytestmark = pytest.mark.django_db


def _app():
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


# Loaded from the code's own introspection (no database needed at collection time), then sent
# through the real WSGI application in-process.
fuzz_schema = schemathesis.graphql.from_dict({"data": graphene_schema.introspect()})
fuzz_schema.app = _app()
fuzz_schema.location = "/graphql/"


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Like Django's test client: a request must not close the test's DB connection.

    The WSGI handler closes "old" connections when a request starts and ends; inside the test's
    transaction that would close PostgreSQL's connection under the next query.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@fuzz_schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_query_gives_a_server_error(case, hub_content):
    response = case.call()
    assert response.status_code < 500, response.text[:500]
    body = response.json()
    for error in body.get("errors", []):
        assert error.get("extensions", {}).get("code") not in (None, "INTERNAL_ERROR"), error
