"""Shared fixtures and the rules for tests that need real services.

Integration tests are marked `postgres` or `opensearch`. Without the service they skip with a
loud reason on a developer's machine; under CI=true any skipped test fails the run.
"""

import json
import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    opensearch_url = os.environ.get("HUB_TEST_OPENSEARCH_URL")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(
                pytest.mark.skip(
                    reason="NEEDS POSTGRESQL: run through `make test`, which starts it (DATABASE_URL is not PostgreSQL)"
                )
            )
        if "opensearch" in item.keywords and not opensearch_url:
            item.add_marker(
                pytest.mark.skip(
                    reason="NEEDS OPENSEARCH: run through `make test`, which starts it "
                    "(HUB_TEST_OPENSEARCH_URL is unset)"
                )
            )


_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if IN_CI and _skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if IN_CI and _skipped:
        terminalreporter.write_line(
            f"CI=true: {len(_skipped)} test(s) skipped, which counts as a failure here:", red=True
        )
        for nodeid in _skipped:
            terminalreporter.write_line(f"  {nodeid}", red=True)


def load_fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def import_json(db, tmp_path):
    """Import a hub-import/1 document (a dict) and return the ImportResult."""
    from content.importing import import_data

    def run(data, publish=True):
        return import_data(data, publish=publish, base_dir=tmp_path)

    return run


HUB_CONTENT = [("sites.json", True), ("draft.json", False), ("content.json", True)]


def import_files(files, base_dir):
    """Import (data, publish) pairs; data is a file name in tests/fixtures or a hub-import/1 dict."""
    from content.importing import import_data

    for data, publish in files:
        import_data(load_fixture(data) if isinstance(data, str) else data, publish=publish, base_dir=base_dir)


def hub_content_handles() -> dict:
    """What tests of the shared content ask for by name."""
    from content.models import ProductPage

    return {"draft": ProductPage.objects.get(ref="product-concept")}


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """One transaction around a whole test module, rolled back after its last test.

    Content written here is shared by the module's tests; each test still runs in its own
    savepoint (pytest-django's `db`), so what a test changes is undone before the next one.
    Only for modules without `transaction=True` tests."""
    from django.db import connection, transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        assert not connection.in_atomic_block


@pytest.fixture(scope="module")
def module_import(module_transaction, django_db_blocker, tmp_path_factory):
    """Import hub-import/1 files (from tests/fixtures or given as dicts) into the module's transaction."""
    base_dir = tmp_path_factory.mktemp("import")

    def run(*files):
        with django_db_blocker.unblock():
            import_files(files, base_dir)

    return run


@pytest.fixture(scope="module")
def module_hub_content(module_import):
    module_import(*HUB_CONTENT)


@pytest.fixture
def hub_content(module_hub_content, db):
    """Two sites with public, internal, draft and linked content (tests/fixtures/content.json),
    imported once per module."""
    return hub_content_handles()


@pytest.fixture
def staff_user(db):
    from django.contrib.auth.models import Group, User

    from content.signals import KCC_GROUP, ensure_roles

    ensure_roles()
    user = User.objects.create_user("kcc-medewerker", password="geheim-wachtwoord-1")
    user.groups.add(Group.objects.get(name=KCC_GROUP))
    return user


ROLE_PASSWORD = "wachtwoord-voor-de-test-1"


def make_role_users() -> dict:
    """One user per demo role (the groups of docs/roles.md), by username; no superuser."""
    from django.contrib.auth.models import Group, User

    from content.roles import FINAL_EDITORS, KCC_STAFF, WEB_EDITORS, site_editors_group_name

    users = {}
    for username, group in (
        ("redacteur", WEB_EDITORS),
        ("eindredacteur", FINAL_EDITORS),
        ("redacteur-verkeer", site_editors_group_name("verkeer")),
        ("kcc", KCC_STAFF),
    ):
        user = User.objects.create_user(username, password=ROLE_PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        users[username] = User.objects.get(pk=user.pk)
    return users


@pytest.fixture
def staff_token(staff_user):
    from wagtail.models import APIToken

    _, plaintext = APIToken.create_token(user=staff_user, name="test")
    return plaintext


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: a rolled-back transaction does not clear them."""
    from django.core.cache import cache

    from content.languages import forget_locale_cache
    from search.keywords import forget_keyword_index

    cache.clear()
    forget_keyword_index()
    forget_locale_cache()
    yield
    cache.clear()
    forget_keyword_index()
