"""The KCC console's sign-in through the hub: a one-time code for a registered return URL,
exchanged once for a short-lived staff token, refreshed, revoked. Errors carry stable codes."""

import html
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from wagtail.models import APIToken

from api.access import user_for_token
from api.models import ConsoleSignIn

pytestmark = pytest.mark.django_db

RETURN = "http://localhost:8004/inloggen/terug/"
PAGES = "{ pages(channel: KCC, first: 1) { edges { node { id } } } }"


@pytest.fixture
def kcc_client(client, staff_user):
    client.force_login(staff_user)
    return client


def _code(client, return_url=RETURN, state="s1"):
    response = client.get("/inloggen/kcc/", {"return": return_url, "state": state})
    assert response.status_code == 200, response.content
    assert response["Referrer-Policy"] == "no-referrer" and "no-store" in response["Cache-Control"]
    page = response.content.decode()
    url = html.unescape(re.search(r'http-equiv="refresh" content="0;url=([^"]+)"', page).group(1))
    assert f'href="{html.escape(url)}"' in page or f'href="{url}"' in page
    location = urlsplit(url)
    assert f"{location.scheme}://{location.netloc}{location.path}" == return_url
    query = parse_qs(location.query)
    assert query["state"] == [state]
    return query["code"][0]


def _exchange(client, code, return_url=RETURN):
    return client.post(
        "/inloggen/kcc/token/", {"grant_type": "authorization_code", "code": code, "return_url": return_url}
    )


def test_an_anonymous_visitor_is_sent_to_the_hubs_sign_in_first(client):
    response = client.get("/inloggen/kcc/", {"return": RETURN, "state": "x"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/?next=/inloggen/kcc/")


def test_a_return_url_that_is_not_registered_gets_no_code(kcc_client):
    response = kcc_client.get("/inloggen/kcc/", {"return": "https://aanvaller.example/terug/"})
    assert response.status_code == 400
    assert "RETURN_URL_NOT_ALLOWED" in response.content.decode()
    assert "mag geen inlogcode krijgen" in response.content.decode()
    assert not ConsoleSignIn.objects.exists()


def test_a_user_who_may_not_see_internal_content_gets_no_code(client):
    client.force_login(User.objects.create_user("burger"))
    response = client.get("/inloggen/kcc/", {"return": RETURN})
    assert response.status_code == 403 and "NOT_STAFF" in response.content.decode()


def test_a_code_is_exchanged_once_for_a_short_lived_staff_token(kcc_client, staff_user, settings):
    tokens = _exchange(kcc_client, _code(kcc_client)).json()
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == settings.HUB_CONSOLE_TOKEN_SECONDS
    assert user_for_token(tokens["access_token"]) == staff_user
    kcc_client.logout()
    response = kcc_client.post("/graphql/", {"query": PAGES}, HTTP_AUTHORIZATION=f"Bearer {tokens['access_token']}")
    assert response.status_code == 200 and "errors" not in response.json()

    ConsoleSignIn.objects.update(token_expires_at=timezone.now() - timedelta(seconds=1))
    assert user_for_token(tokens["access_token"]) is None  # expired


def test_a_reused_code_is_refused_and_ends_what_the_first_use_gave(kcc_client):
    code = _code(kcc_client)
    first = _exchange(kcc_client, code).json()
    second = _exchange(kcc_client, code)
    assert second.status_code == 400 and second.json()["error"] == "CODE_USED"
    assert user_for_token(first["access_token"]) is None


def test_an_expired_code_is_refused(kcc_client):
    code = _code(kcc_client)
    ConsoleSignIn.objects.update(code_expires_at=timezone.now() - timedelta(seconds=1))
    response = _exchange(kcc_client, code)
    assert response.status_code == 400 and response.json()["error"] == "CODE_EXPIRED"
    assert not APIToken.objects.exists()


def test_a_code_is_bound_to_its_return_url(kcc_client, settings):
    other = "http://127.0.0.1:8004/inloggen/terug/"
    assert other in settings.HUB_CONSOLE_RETURN_URLS
    response = _exchange(kcc_client, _code(kcc_client), return_url=other)
    assert response.status_code == 400 and response.json()["error"] == "RETURN_URL_MISMATCH"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"grant_type": "authorization_code", "code": "verzonnen", "return_url": RETURN}, "CODE_INVALID"),
        ({"grant_type": "authorization_code"}, "CODE_INVALID"),
        ({"grant_type": "refresh_token", "refresh_token": "verzonnen"}, "REFRESH_INVALID"),
        ({"grant_type": "password"}, "GRANT_TYPE_UNKNOWN"),
        ({}, "GRANT_TYPE_UNKNOWN"),
    ],
)
def test_bad_input_at_the_token_endpoint_gets_a_coded_error(client, data, error):
    response = client.post("/inloggen/kcc/token/", data)
    assert response.status_code == 400 and response.json()["error"] == error


def test_the_token_endpoint_takes_only_post(client):
    assert client.get("/inloggen/kcc/token/").status_code == 405


def test_refreshing_gives_new_tokens_and_the_old_ones_stop_working(kcc_client, staff_user):
    first = _exchange(kcc_client, _code(kcc_client)).json()
    response = kcc_client.post(
        "/inloggen/kcc/token/", {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    )
    second = response.json()
    assert response.status_code == 200 and second["access_token"] != first["access_token"]
    assert user_for_token(second["access_token"]) == staff_user
    assert user_for_token(first["access_token"]) is None
    again = kcc_client.post(
        "/inloggen/kcc/token/", {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    )
    assert again.json()["error"] == "REFRESH_INVALID"


def test_revoking_ends_the_sign_in(kcc_client):
    tokens = _exchange(kcc_client, _code(kcc_client)).json()
    assert kcc_client.post("/inloggen/kcc/intrekken/", {"token": tokens["refresh_token"]}).json() == {"revoked": True}
    assert user_for_token(tokens["access_token"]) is None
    refresh = kcc_client.post(
        "/inloggen/kcc/token/", {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}
    )
    assert refresh.json()["error"] == "REFRESH_INVALID"
    assert kcc_client.post("/inloggen/kcc/intrekken/", {"token": "verzonnen"}).json() == {"revoked": False}


def test_an_access_token_revokes_its_sign_in_too(kcc_client):
    tokens = _exchange(kcc_client, _code(kcc_client)).json()
    assert kcc_client.post("/inloggen/kcc/intrekken/", {"token": tokens["access_token"]}).json() == {"revoked": True}
    assert user_for_token(tokens["access_token"]) is None


def test_a_pasted_token_from_issue_token_still_works(staff_user):
    _, token = APIToken.create_token(user=staff_user, name="script")
    assert user_for_token(token) == staff_user


def test_sign_ins_that_ended_a_day_ago_are_forgotten_with_their_tokens(kcc_client):
    ended = _exchange(kcc_client, _code(kcc_client)).json()
    kcc_client.post("/inloggen/kcc/intrekken/", {"token": ended["refresh_token"]})
    live = _exchange(kcc_client, _code(kcc_client)).json()
    ConsoleSignIn.objects.filter(ended_at__isnull=False).update(ended_at=timezone.now() - timedelta(days=2))

    _code(kcc_client)  # a new sign-in cleans up
    assert ConsoleSignIn.objects.filter(ended_at__isnull=False).count() == 0
    assert APIToken.objects.count() == 1 and user_for_token(live["access_token"]) is not None


def test_the_audit_trail_records_the_consoles_token_once_and_its_revocation(kcc_client, staff_user):
    from wagtail.models import ModelLogEntry

    tokens = _exchange(kcc_client, _code(kcc_client)).json()
    refreshed = kcc_client.post(
        "/inloggen/kcc/token/", {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}
    ).json()
    created = ModelLogEntry.objects.filter(action="wagtail.apitoken.create", user=staff_user)
    assert created.count() == 1 and created.get().data == {"source": "kcc_console"}  # not every refresh
    assert kcc_client.post("/inloggen/kcc/intrekken/", {"token": refreshed["refresh_token"]}).json()["revoked"]
    assert ModelLogEntry.objects.filter(action="wagtail.apitoken.revoke", user=staff_user).count() == 1
