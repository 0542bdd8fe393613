"""Staff sign in as a gemeente runs it, in Chromium.

1. The admin: each editor signs in with the organisation account at a real OpenID provider
   (`oidc-provider` from npm on loopback) and lands in the admin with the roles their groups
   map to; changed groups count at the next sign-in; a user with no mapped group is refused in
   Dutch and gets no account; signing out ends the admin session.
2. The KCC console: the employee signs in at the hub (here the local sign-in, as under
   `make run`), comes back with a one-time code that the console exchanges for a short-lived
   staff token; the token is refreshed before it runs out and revoked at sign-out.
"""

import time

import pytest

from tests.conftest import ROLE_PASSWORD, make_role_users
from tests.harness.oidc import start_provider, stop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    provider = start_provider(tmp_path_factory.mktemp("oidc-e2e"), [live_server.url + "/oidc/callback/"])
    yield provider
    stop(provider.process)


@pytest.fixture
def roles(committed_content):
    from content.signals import ensure_roles

    ensure_roles()


def _groups(email):
    from django.contrib.auth.models import User

    return set(User.objects.get(email=email).groups.values_list("name", flat=True))


def _sign_in_with_organisation_account(chromium, base_url, login):
    """A fresh browser (no session at the provider either) that signs in as `login`."""
    context = chromium.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base_url}/admin/login/")
    page.get_by_role("link", name="Inloggen met uw organisatie-account").click()
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "wachtwoord-bij-de-gemeente")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    return context, page


def test_editors_sign_in_with_the_organisation_account_and_get_their_roles(
    live_server, roles, provider, chromium, settings
):
    from django.contrib.auth.models import User

    provider.settings(settings)
    expected = {
        "wim": {"Webredacteuren"},
        "eva": {"Eindredacteuren"},
        "vera": {"Redacteuren verkeer"},
        "karim": {"KCC-medewerkers"},
    }
    for login, groups in expected.items():
        context, page = _sign_in_with_organisation_account(chromium, live_server.url, login)
        assert page.url == f"{live_server.url}/admin/", (login, page.url)
        assert _groups(f"{login}@gemeente.example") == groups
        if login in ("wim", "vera"):  # the role is real: a web editor edits a deventer page, vera may not
            from content.models import ProductPage

            paspoort = ProductPage.objects.get(ref="product-paspoort").pk
            page.goto(f"{live_server.url}/admin/pages/{paspoort}/edit/")
            assert page.locator("form#page-edit-form").count() == (1 if login == "wim" else 0)
        if login == "wim":  # signing out ends the admin session
            page.goto(f"{live_server.url}/admin/")
            page.locator(".sidebar-footer__account-toggle, .sidebar-footer__account").first.click()
            page.get_by_role("button", name="Uitloggen").click()
            page.wait_for_url(f"{live_server.url}/admin/login/**")
            page.goto(f"{live_server.url}/admin/")
            assert "/admin/login/" in page.url
        context.close()

    # Groups changed at the provider: the next sign-in brings the admin in line.
    provider.set_groups("wim", ["gg-eindredactie"])
    context, page = _sign_in_with_organisation_account(chromium, live_server.url, "wim")
    assert page.url == f"{live_server.url}/admin/"
    assert _groups("wim@gemeente.example") == {"Eindredacteuren"}
    context.close()

    # No mapped group: refused in Dutch, no account.
    context, page = _sign_in_with_organisation_account(chromium, live_server.url, "sam")
    assert "/admin/login/" in page.url
    assert page.get_by_text("hoort niet bij een groep die in de contenthub mag werken").is_visible()
    assert not User.objects.filter(email="sam@gemeente.example").exists()
    context.close()


def test_a_kcc_employee_signs_in_to_the_console_through_the_hub(live_server, roles, frontends, browser_page, settings):
    from wagtail.models import APIToken

    from api.models import ConsoleSignIn

    make_role_users()
    console = frontends["kcc"]
    settings.HUB_CONSOLE_RETURN_URLS = [console + "/inloggen/terug/"]
    settings.HUB_CONSOLE_TOKEN_SECONDS = 62  # the console refreshes a minute before the end
    page = browser_page

    page.goto(console + "/")
    assert "/inloggen/" in page.url
    page.get_by_role("link", name="Inloggen", exact=True).click()
    # The hub's own sign-in (the local demo sign-in under `make run`).
    page.wait_for_url(live_server.url + "/admin/login/**")
    page.fill("input[name=username]", "kcc")
    page.fill("input[name=password]", ROLE_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(console + "/")
    page.get_by_label("Wat vraagt de inwoner?").fill("paspoort kwijt")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Wat doe ik als mijn paspoort kwijt is?").click()
    assert "INTERNE NOTITIE: controleer eerst het register." in page.locator("main").inner_text()

    sign_in = ConsoleSignIn.objects.get()
    assert sign_in.code_used_at is not None and sign_in.user.username == "kcc"
    first_token = sign_in.api_token_id

    time.sleep(3)  # within a minute of the end: the next page refreshes the token
    page.goto(console + "/antwoord/answer-intern-noodpaspoort/")
    assert "GEHEIM-INTERN" in page.locator("main").inner_text()
    sign_in.refresh_from_db()
    assert sign_in.api_token_id != first_token
    assert APIToken.objects.get(pk=first_token).revoked_at is not None

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(console + "/inloggen/")
    sign_in.refresh_from_db()
    assert sign_in.ended_at is not None
    assert APIToken.objects.filter(revoked_at__isnull=True).count() == 0
    page.goto(console + "/")
    assert "/inloggen/" in page.url


def test_a_return_url_the_hub_does_not_know_gets_a_dutch_refusal(live_server, browser_page, db):
    page = browser_page
    page.goto(live_server.url + "/inloggen/kcc/?return=https://aanvaller.example/terug/&state=x")
    assert page.get_by_text("Deze pagina mag geen inlogcode krijgen").is_visible()
    assert "RETURN_URL_NOT_ALLOWED" in page.content()


def test_a_kcc_employee_signs_in_to_the_console_with_the_organisation_account(
    live_server, roles, frontends, provider, chromium, settings
):
    from api.models import ConsoleSignIn

    provider.settings(settings)
    console = frontends["kcc"]
    settings.HUB_CONSOLE_RETURN_URLS = [console + "/inloggen/terug/"]
    context = chromium.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(console + "/")
    page.get_by_role("link", name="Inloggen", exact=True).click()
    page.wait_for_url(live_server.url + "/admin/login/**")
    page.get_by_role("link", name="Inloggen met uw organisatie-account").click()
    page.fill("input[name=login]", "karim")
    page.fill("input[name=password]", "wachtwoord-bij-de-gemeente")
    page.click("button[type=submit]")
    page.wait_for_url(console + "/")
    page.goto(console + "/antwoord/answer-intern-noodpaspoort/")
    assert "GEHEIM-INTERN" in page.locator("main").inner_text()
    assert ConsoleSignIn.objects.get().user.email == "karim@gemeente.example"
    context.close()
