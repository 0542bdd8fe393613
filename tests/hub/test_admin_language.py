"""The admin speaks Dutch to every editor, whatever the browser asks; an editor may choose
another language in their account settings."""

import pytest

from tests.conftest import make_role_users

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


@pytest.mark.django_db
def test_the_sign_in_page_is_dutch_for_an_english_browser(client):
    response = client.get("/admin/login/", **ENGLISH_BROWSER)
    assert response.status_code == 200
    assert 'lang="nl"' in response.text
    assert "Inloggen" in response.text


@pytest.mark.django_db
def test_the_dashboard_is_dutch_for_an_editor_with_an_english_browser(client, hub_content):
    editor = make_role_users()["redacteur"]
    client.force_login(editor)
    response = client.get("/admin/", **ENGLISH_BROWSER)
    assert response.status_code == 200
    assert 'lang="nl"' in response.text


@pytest.mark.django_db
def test_an_editor_who_chose_english_gets_english(client, hub_content):
    from wagtail.users.models import UserProfile

    editor = make_role_users()["redacteur"]
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    response = client.get("/admin/")
    assert 'lang="en"' in response.text
