"""Fixtures for the national catalogues: the official files and stand-ins for the APIs."""

import pytest

from .standin import StandIn, standards_dir


@pytest.fixture(scope="session")
def standards():
    return standards_dir()


@pytest.fixture
def objects_api(standards):
    """A stand-in Objects API (KISS), checked against the official OpenAPI document."""
    api = StandIn(standards / "objects-api" / "openapi.yaml", base_path="/api/v2").start()
    yield api
    api.stop()


@pytest.fixture
def sdg_api(standards):
    """A stand-in SDG product API, checked against the official OpenAPI document."""
    api = StandIn(standards / "sdg" / "openapi.yaml").start()
    yield api
    api.stop()
