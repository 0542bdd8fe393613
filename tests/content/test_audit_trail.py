"""The audit trail ("Logboek"): sign-ins, API tokens, B1 overrides, publications and workflow
decisions are recorded in Wagtail's own log; administrators filter and export them; old entries
are deleted after the retention period. Deliveries: tests/syndication/test_delivery_audit.py."""

import csv
import io
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, ModelLogEntry, PageLogEntry

from content.audit.actions import B1_OVERRIDE, SIGN_IN, SIGN_IN_FAILED, TOKEN_CREATED, TOKEN_REVOKED
from content.models import AnswerPage
from tests.conftest import ROLE_PASSWORD, make_role_users
from tests.editorial.test_b1_editorial import BUREAUCRATIC, _edit_post, _text_stream

pytestmark = pytest.mark.django_db

LOGBOEK = "hub_audit_trail"
PASSWORD = "een-lang-wachtwoord-voor-de-test"


@pytest.fixture
def roles(hub_content):
    from content.signals import ensure_roles

    ensure_roles()
    return make_role_users()


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("beheerder", "beheer@example.org", PASSWORD)


def sign_in(client, username, password):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def entries(action):
    return [*ModelLogEntry.objects.filter(action=action), *PageLogEntry.objects.filter(action=action)]


def logboek(client, **params):
    return client.get(reverse(LOGBOEK), params)


def exported(client, **params) -> list[dict]:
    response = logboek(client, export="csv", **params)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


# Sign-ins


def test_a_sign_in_through_the_admin_form_is_recorded_with_the_way_of_signing_in(client, superuser):
    response = sign_in(client, "beheerder", PASSWORD)
    assert response.status_code == 302
    (entry,) = entries(SIGN_IN)
    assert entry.user_id == superuser.pk and entry.object_id == str(superuser.pk)
    assert entry.data == {"username": "beheerder", "method": "local"}
    assert entry.message == "Aangemeld met lokaal account"


def test_a_failed_sign_in_keeps_the_name_as_typed_and_never_the_password(client, superuser):
    assert sign_in(client, "beheerder", "fout-wachtwoord").status_code == 200
    assert sign_in(client, "Onbekende Naam", "nog-een-fout-wachtwoord").status_code == 200
    known, unknown = sorted(entries(SIGN_IN_FAILED), key=lambda e: e.pk)
    assert known.object_id == str(superuser.pk) and known.user_id is None
    assert known.data == {"username": "beheerder", "method": "local"}
    assert unknown.label == "Onbekende Naam" and unknown.data["username"] == "Onbekende Naam"
    assert "Aanmelden mislukt als 'Onbekende Naam' met lokaal account" == unknown.message
    stored = str([(e.label, e.data) for e in ModelLogEntry.objects.all()])
    assert "fout-wachtwoord" not in stored and "nog-een-fout-wachtwoord" not in stored
    assert not entries(SIGN_IN)


def test_the_address_is_kept_only_when_the_setting_says_so(client, superuser, settings):
    sign_in(client, "beheerder", "fout-wachtwoord")
    assert "address" not in entries(SIGN_IN_FAILED)[0].data
    settings.HUB_AUDIT_RECORD_ADDRESS = True
    client.post(reverse("wagtailadmin_login"), {"username": "x", "password": "y"}, REMOTE_ADDR="192.0.2.7")
    (entry,) = [e for e in entries(SIGN_IN_FAILED) if e.label == "x"]
    assert entry.data["address"] == "192.0.2.7" and entry.message.endswith("vanaf 192.0.2.7")


def test_a_failure_without_a_username_counts_as_the_organisation_account(db):
    from django.contrib.auth.signals import user_login_failed

    # What `authenticate()` sends when an OpenID Connect callback is refused: no username.
    user_login_failed.send(sender="django.contrib.auth", credentials={"nonce": "********"}, request=None)
    (entry,) = entries(SIGN_IN_FAILED)
    assert entry.data == {"username": "", "method": "organisation"}
    assert entry.label == "(geen naam)" and entry.message == "Aanmelden mislukt met organisatieaccount"


def test_only_the_password_backends_count_as_local_accounts(settings):
    from content.audit.sign_in import sign_in_method

    assert sign_in_method("django.contrib.auth.backends.ModelBackend") == "local"
    # mozilla-django-oidc's backend is a ModelBackend subclass, and still the organisation's
    assert sign_in_method("hub.signin.oidc.HubOIDCBackend") == "organisation"
    settings.HUB_AUDIT_LOCAL_BACKENDS = ["gemeente.backends.PasswordBackend"]
    assert sign_in_method("gemeente.backends.PasswordBackend") == "local"
    assert sign_in_method("django.contrib.auth.backends.ModelBackend") == "organisation"


# API tokens


def test_issuing_and_revoking_a_token_by_command_is_recorded(staff_user):
    out = StringIO()
    call_command("issue_token", staff_user.username, "--name", "KCC-console", stdout=out)
    token = APIToken.objects.get(user=staff_user)
    (created,) = entries(TOKEN_CREATED)
    assert created.object_id == str(token.pk) and created.data["owner"] == staff_user.username
    assert out.getvalue().strip() not in str(created.data) + created.label  # the secret is never logged
    call_command("revoke_tokens", staff_user.username, stdout=StringIO())
    (revoked,) = entries(TOKEN_REVOKED)
    assert revoked.object_id == str(token.pk) and revoked.message == "API-token ingetrokken"


# Content: B1 override, publish, unpublish, workflow


def test_a_b1_override_by_a_final_editor_is_recorded_with_its_reason(client, roles, hub_content):
    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    client.force_login(roles["eindredacteur"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {
            **_edit_post(page, body=_text_stream(BUREAUCRATIC)),
            "action-publish": "publish",
            "b1_override_reason": "=Juridische tekst, verplicht zo.",
        },
    )
    assert response.status_code == 302
    (override,) = PageLogEntry.objects.filter(page=page, action=B1_OVERRIDE)
    assert override.user == roles["eindredacteur"]
    assert override.message == "Gepubliceerd onder B1-niveau. Reden: =Juridische tekst, verplicht zo."
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=roles["eindredacteur"]).exists()

    rows = exported(client, page=page.pk)
    assert {row["Actie"] for row in rows} >= {"Gepubliceerd onder B1-niveau", "Publiceren"}
    reason = next(row for row in rows if row["Actie"] == "Gepubliceerd onder B1-niveau")
    assert reason["Toelichting"].startswith("Gepubliceerd onder B1-niveau")  # the formula sits after text
    assert reason["Gebruiker"] and all(row["ID"] == str(page.pk) for row in rows)


def test_publishing_unpublishing_and_workflow_decisions_show_in_the_logboek(client, roles, hub_content):
    from wagtail.models import Workflow

    final_editor = roles["eindredacteur"]
    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    page.unpublish(user=final_editor)
    page.save_revision(user=roles["redacteur"])
    workflow = Workflow.objects.get(name="Eindredactie")
    state = workflow.start(page, roles["redacteur"])
    state.current_task_state.task.specific.on_action(state.current_task_state, final_editor, "approve")

    client.force_login(final_editor)
    actions = {row["Actie"] for row in exported(client, page=page.pk)}
    assert {"Publicatie intrekken", "Workflow: taak goedkeuren", "Publiceren"} <= actions, actions


# Who sees the Logboek


def test_a_final_editor_sees_the_logboek_without_sign_ins_and_tokens(client, roles, superuser, staff_user, hub_content):
    sign_in(client, "beheerder", "fout-wachtwoord")
    call_command("issue_token", staff_user.username, stdout=StringIO())
    AnswerPage.objects.get(ref="answer-paspoort-kwijt").save_revision(user=superuser).publish(user=superuser)
    client.force_login(roles["eindredacteur"])
    response = logboek(client)
    assert response.status_code == 200 and "Logboek" in response.content.decode()
    actions = {row["Actie"] for row in exported(client)}
    assert "Publiceren" in actions
    assert client.get(reverse("hub_audit_trail_results"), {"action": "wagtail.publish"}).status_code == 200
    xlsx = logboek(client, export="xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert not actions & {"Aangemeld", "Aanmelden mislukt", "API-token aanmaken", "API-token intrekken"}, actions
    client.force_login(superuser)
    assert {"Aanmelden mislukt", "API-token aanmaken"} <= {row["Actie"] for row in exported(client)}


def test_a_superuser_sees_sign_ins_and_filters_by_action_user_and_date(client, superuser, roles):
    sign_in(client, "redacteur", ROLE_PASSWORD)
    sign_in(client, "redacteur", "fout")
    client.force_login(superuser)
    actions = [row["Actie"] for row in exported(client, action=SIGN_IN_FAILED)]
    assert actions == ["Aanmelden mislukt"]
    rows = exported(client, user=roles["redacteur"].pk)
    assert [row["Actie"] for row in rows] == ["Aangemeld"] and rows[0]["Gebruiker"]
    today = timezone.localdate()
    redacteur = roles["redacteur"].pk
    assert len(exported(client, user=redacteur, timestamp_from=today.isoformat())) == 1
    assert exported(client, user=redacteur, timestamp_to=(today - timedelta(days=1)).isoformat()) == []


def test_web_editors_site_editors_and_kcc_staff_may_not_open_the_logboek(client, roles):
    for username in ("redacteur", "redacteur-verkeer", "kcc"):
        client.force_login(roles[username])
        response = logboek(client)
        assert response.status_code in (302, 403), username
        assert logboek(client, export="csv").status_code in (302, 403), username
        assert client.get(reverse("hub_audit_trail_results")).status_code in (302, 403), username
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse(LOGBOEK) not in home, username


def test_the_menu_shows_the_logboek_instead_of_the_site_history(client, roles):
    client.force_login(roles["eindredacteur"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(LOGBOEK) in home and reverse("wagtailadmin_reports:site_history") not in home


def test_every_cell_of_the_export_is_safe_from_spreadsheet_formulas(client, superuser):
    sign_in(client, '=HYPERLINK("http://x")', "fout")
    sign_in(client, "+1", "fout")
    client.force_login(superuser)
    names = {row["Naam"] for row in exported(client, action=SIGN_IN_FAILED)}
    assert names == {'\'=HYPERLINK("http://x")', "'+1"}


def test_bad_filter_input_is_no_server_error_and_exports_nothing(client, superuser):
    client.force_login(superuser)
    assert exported(client)  # the superuser's own sign-in
    bad = [{"page": "abc"}, {"page": "-4"}, {"page": "1.5"}, {"page": "9" * 30}]
    bad += [{"timestamp_from": "gisteren"}, {"user": "x"}, {"action": "?"}]
    for params in bad:
        assert logboek(client, **params).status_code == 200, params
        assert exported(client, **params) == [], params


# Retention


def test_the_retention_command_deletes_entries_older_than_the_setting(client, superuser, settings, hub_content):
    sign_in(client, "beheerder", PASSWORD)
    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    page.save_revision(user=superuser).publish(user=superuser)
    old = timezone.now() - timedelta(days=31)
    ModelLogEntry.objects.filter(action=SIGN_IN).update(timestamp=old)
    PageLogEntry.objects.filter(page=page, action="wagtail.publish").update(timestamp=old)
    kept = PageLogEntry.objects.filter(page=page).exclude(action="wagtail.publish").count()
    old_ones = 1 + PageLogEntry.objects.filter(page=page, action="wagtail.publish").count()
    assert old_ones >= 2
    settings.HUB_AUDIT_RETENTION_DAYS = 30

    out = StringIO()
    call_command("prune_audit_log", "--dry-run", stdout=out)
    assert f"{old_ones} regels ouder dan 30 dagen te verwijderen" in out.getvalue()
    assert entries(SIGN_IN)

    out = StringIO()
    call_command("prune_audit_log", stdout=out)
    assert f"{old_ones} regels ouder dan 30 dagen verwijderd" in out.getvalue()
    assert not entries(SIGN_IN) and not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert PageLogEntry.objects.filter(page=page).count() == kept
    with pytest.raises(CommandError):
        call_command("prune_audit_log", "--days", "0", stdout=StringIO())
