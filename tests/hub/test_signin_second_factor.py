"""The second sign-in step (TOTP and recovery codes) for local accounts, through the real admin
sign-in, django-otp's devices and its TOTP algorithm."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "juist-wachtwoord-123"  # noqa: S105 - test account
VIEWER = "{ viewer { authenticated staff } }"


@pytest.fixture(autouse=True)
def totp_required(settings):
    settings.HUB_REQUIRE_TOTP = True
    cache.clear()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def _sign_in(client, username="editor"):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.text[:500]
    return client.get("/admin/")


def _code(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}"


def _set_up(client, user):
    _sign_in(client, user.username)
    client.get("/admin/tweede-stap/instellen/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/admin/tweede-stap/instellen/", {"code": _code(device)})
    codes = re.findall(r"<code>([a-z0-9]+)</code>", response.text)
    return device, codes, response


@pytest.mark.django_db
def test_a_first_sign_in_leads_to_setting_up_the_app(client, editor):
    response = _sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/admin/tweede-stap/instellen/"
    page = client.get("/admin/tweede-stap/instellen/")
    assert page.status_code == 200
    assert "<svg" in page.text and "QR-code" in page.text
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert "otpauth://" in device.config_url
    # Until the code is confirmed, nothing of the admin opens.
    assert client.get("/admin/pages/").status_code == 302


@pytest.mark.django_db
def test_setting_up_shows_ten_recovery_codes_once_and_opens_the_admin(client, editor):
    device, codes, response = _set_up(client, editor)
    assert response.status_code == 200
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "maar één keer" in response.text
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    # The codes are not shown again: the setup page now sends to the second step.
    assert Client().get("/admin/tweede-stap/instellen/").status_code == 302
    assert client.get("/admin/tweede-stap/instellen/")["Location"] == "/admin/tweede-stap/"


@pytest.mark.django_db
def test_a_later_sign_in_asks_for_the_code_and_accepts_a_fresh_one(client, editor):
    device, _codes, _ = _set_up(client, editor)
    other = Client()
    assert _sign_in(other)["Location"] == "/admin/tweede-stap/"
    # The code used a moment ago, replayed within its window: refused.
    replay = other.post("/admin/tweede-stap/", {"code": _code(device)})
    assert replay.status_code == 200
    assert "al gebruikt" in replay.text
    assert other.get("/admin/").status_code == 302
    # Right after a wrong code even a good one waits (django-otp's throttle, 1 s, doubling) ...
    device.refresh_from_db()
    next_code = f"{totp(device.bin_key, step=device.step, drift=1, digits=device.digits):06d}"
    assert other.post("/admin/tweede-stap/", {"code": next_code}).status_code == 200
    # ... and after the wait a code of the next time step (within the allowed drift) works once.
    device.refresh_from_db()
    device.throttle_reset()
    next_code = f"{totp(device.bin_key, step=device.step, drift=1, digits=device.digits):06d}"
    ok = other.post("/admin/tweede-stap/", {"code": next_code, "next": "/admin/pages/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/pages/"
    assert other.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_works_once(client, editor):
    _device, codes, _ = _set_up(client, editor)
    first = Client()
    _sign_in(first)
    assert first.post("/admin/tweede-stap/", {"code": codes[0]}).status_code == 302
    assert first.get("/admin/").status_code == 200
    second = Client()
    _sign_in(second)
    assert "al gebruikt" in second.post("/admin/tweede-stap/", {"code": codes[0]}).text
    assert StaticToken.objects.filter(device__user=editor).count() == 9


@pytest.mark.django_db
def test_wrong_and_odd_codes_are_refused_without_a_server_error(client, editor):
    _set_up(client, editor)
    other = Client()
    _sign_in(other)
    for code in ["000000", "", "x" * 40, "\x00", "12 34 56", "<script>"]:
        response = other.post("/admin/tweede-stap/", {"code": code})
        assert response.status_code == 200
    assert other.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_an_unfinished_sign_in_counts_as_anonymous_outside_the_admin(client, editor):
    def viewer(c):
        response = c.post("/graphql/", {"query": VIEWER}, content_type="application/json")
        return response.json()["data"]["viewer"]

    _sign_in(client)  # password only: the API sees nobody
    assert viewer(client) == {"authenticated": False, "staff": False}
    device, _codes, _ = _set_up(Client(), editor)
    device.refresh_from_db()
    device.throttle_reset()
    code = f"{totp(device.bin_key, step=device.step, drift=1, digits=device.digits):06d}"
    assert client.post("/admin/tweede-stap/", {"code": code}).status_code == 302
    assert viewer(client) == {"authenticated": True, "staff": True}


@pytest.mark.django_db
def test_an_administrator_resets_a_users_second_factor(client, editor):
    colleague = get_user_model().objects.create_user("collega", "c@example.org", PASSWORD, is_staff=True)
    from django.contrib.auth.models import Permission

    colleague.user_permissions.add(Permission.objects.get(codename="access_admin"))
    _set_up(Client(), colleague)
    assert TOTPDevice.objects.filter(user=colleague, confirmed=True).exists()

    _set_up(client, editor)
    listing = client.get("/admin/users/")
    assert "Tweede stap wissen" in listing.text
    confirm = client.get(f"/admin/tweede-stap/wissen/{colleague.pk}/")
    assert confirm.status_code == 200 and "Ja, wissen" in confirm.text
    done = client.post(f"/admin/tweede-stap/wissen/{colleague.pk}/")
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticToken.objects.filter(device__user=colleague).exists()
    # The colleague's next sign-in sets it up again.
    assert _sign_in(Client(), "collega")["Location"] == "/admin/tweede-stap/instellen/"


@pytest.mark.django_db
def test_a_user_without_the_right_may_not_reset_anyone(client, editor):
    colleague = get_user_model().objects.create_user("collega", "c@example.org", PASSWORD, is_staff=True)
    from django.contrib.auth.models import Permission

    colleague.user_permissions.add(Permission.objects.get(codename="access_admin"))
    own = Client()
    _set_up(own, colleague)
    assert own.post(f"/admin/tweede-stap/wissen/{editor.pk}/").status_code in {302, 403}
    assert own.get(f"/admin/tweede-stap/wissen/{editor.pk}/").status_code in {302, 403}


@pytest.mark.django_db
def test_a_sign_in_through_the_identity_provider_needs_no_second_factor(client, editor, settings):
    settings.HUB_TOTP_EXEMPT_BACKENDS = ["tests.hub.test_signin_second_factor.IdentityProviderBackend"]
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, *settings.HUB_TOTP_EXEMPT_BACKENDS]
    client.force_login(editor, backend=settings.HUB_TOTP_EXEMPT_BACKENDS[0])
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_session_flag_of_an_external_sign_in_skips_the_second_factor(client, editor):
    client.force_login(editor)
    session = client.session
    session["hub_signed_in_externally"] = True
    session.save()
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_without_hub_require_totp_the_password_is_enough(client, editor, settings):
    settings.HUB_REQUIRE_TOTP = False
    assert _sign_in(client).status_code == 200


class IdentityProviderBackend:
    """Stands in for the OIDC backend's path only: the hook is the path, not the class."""

    def authenticate(self, request, **kwargs):
        return None

    def get_user(self, user_id):
        return get_user_model().objects.filter(pk=user_id).first()
