"""Search analytics: masked queries, and the admin report with its CSV export."""

import pytest
from django.urls import reverse

from search.analytics import log_search, mask_personal_data, normalise_for_log
from search.models import SearchQueryLog

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "logged"),
    [
        ("Paspoort   KWIJT", "paspoort kwijt"),
        ("bsn 123456789", "bsn [nummer]"),
        ("bel 06-12345678", "bel [nummer]"),
        ("bel 0570 69 30 00", "bel [nummer]"),
        ("mail piet@example.org", "mail [e-mail]"),
        ("postcode 7411 AB", "postcode 7411 ab"),
        ("tarieven 2026", "tarieven 2026"),
    ],
)
def test_queries_are_logged_without_personal_numbers(query, logged):
    assert normalise_for_log(query) == logged


def test_masking_leaves_short_numbers_alone():
    assert mask_personal_data("paspoort 18 jaar") == "paspoort 18 jaar"


def _logs():
    for _ in range(3):
        log_search("paspoort kwijt", site="deventer", channel="kcc", result_count=2, staff=True)
    log_search("afvalpas", site="deventer", channel="web", result_count=0, staff=False)
    found = log_search("noodpaspoort", site="", channel="kcc", result_count=1, staff=True)
    not_found = log_search("noodpaspoort", site="", channel="kcc", result_count=1, staff=True)
    SearchQueryLog.objects.filter(pk=found.pk).update(found=True)
    SearchQueryLog.objects.filter(pk=not_found.pk).update(found=False)


def test_the_report_shows_top_queries_and_kcc_feedback(admin_client):
    _logs()
    response = admin_client.get(reverse("search_reports:queries"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zoekopdrachten" in html and "paspoort kwijt" in html and "Niet gevonden (KCC)" in html


def test_the_report_filters_queries_without_results(admin_client):
    _logs()
    response = admin_client.get(reverse("search_reports:queries"), {"without_results": "true"})
    html = response.content.decode()
    assert "afvalpas" in html and "paspoort kwijt" not in html


def test_the_report_exports_csv(admin_client):
    _logs()
    response = admin_client.get(reverse("search_reports:queries"), {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Zoekopdracht,Aantal keer,Zonder resultaten")
    assert lines[1].startswith("paspoort kwijt,3,0,")
    noodpaspoort = next(line for line in lines if line.startswith("noodpaspoort"))
    assert noodpaspoort.split(",")[4:6] == ["1", "1"]


def test_the_report_is_in_the_reports_menu_for_admins(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("search_reports:queries") in response.content.decode()


def test_editors_without_permission_cannot_open_the_report(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("redacteur", password="wachtwoord-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("search_reports:queries"))
    assert response.status_code in (302, 403)
