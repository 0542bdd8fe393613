import pytest

from tests.harness.oidc import start_provider, stop


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """The real OpenID provider, for the hub under Django's test client (http://testserver)."""
    provider = start_provider(tmp_path_factory.mktemp("oidc"), ["http://testserver/oidc/callback/"])
    yield provider
    stop(provider.process)


@pytest.fixture
def oidc(oidc_provider, settings, db):
    from django.contrib.auth.models import Group

    from content.signals import ensure_roles
    from tests.harness.oidc import USERS

    ensure_roles()
    Group.objects.get_or_create(name="Redacteuren verkeer")
    oidc_provider.set_users(USERS)
    oidc_provider.settings(settings)
    return oidc_provider
