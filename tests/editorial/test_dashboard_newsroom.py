"""The editors' dashboard panels and the newsroom (quality/dashboard.py, quality/newsroom*.py),
signed in as the demo roles (never a superuser), with pinned query counts."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.models import Keyword, ProductPage, Team
from content.signals import ensure_roles
from search.models import SearchQueryLog
from tests.conftest import make_role_users
from tests.feedback.conftest import make_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(hub_content):
    ensure_roles()
    return make_role_users()


@pytest.fixture
def team(users):
    team, _ = Team.objects.get_or_create(name="Team Burgerzaken", defaults={"email": "burgerzaken@example.org"})
    team.members.add(users["redacteur"], users["eindredacteur"])
    page = ProductPage.objects.get(ref="product-paspoort")
    page.owner_team = team
    page.review_date = timezone.localdate() - timedelta(days=3)
    page.save_revision().publish()
    return team


def _log(query, site="deventer", results=0, count=1):
    for _ in range(count):
        SearchQueryLog.objects.create(query=query, site=site, channel="web", result_count=results)


def _dashboard(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_web_editor_sees_due_pages_feedback_and_searches_without_results(client, users, team):
    make_feedback(comment="De prijs op deze pagina klopt niet meer.")
    make_feedback(kind="kcc", helpful=None, verdict="verouderd", channel="kcc", comment="Openingstijden zijn oud.")
    _log("rood staan", count=3)
    html, _ = _dashboard(client, users["redacteur"])
    assert "Uw pagina&#x27;s: tijd om te controleren" in html or "Uw pagina's: tijd om te controleren" in html
    assert "Paspoort" in html and "(verlopen)" in html
    assert "De prijs op deze pagina klopt niet meer." in html
    assert "Openingstijden zijn oud." in html
    assert "rood staan" in html


def test_the_dashboard_makes_the_same_queries_with_one_or_many_items(client, users, team):
    make_feedback(comment="een")
    _log("eerste zoekvraag")
    _, few = _dashboard(client, users["redacteur"])
    _, few = _dashboard(client, users["redacteur"])  # warm caches
    for i in range(12):
        make_feedback(comment=f"opmerking {i}")
        _log(f"zoekvraag {i}", count=2)
    for page in ProductPage.objects.exclude(ref="product-paspoort")[:4]:
        page.owner_team = team
        page.review_date = timezone.localdate() + timedelta(days=10)
        page.save_revision().publish()
    _, many = _dashboard(client, users["redacteur"])
    assert many == few


def test_an_editor_without_a_team_is_told_so(client, users):
    html, _ = _dashboard(client, users["redacteur"])
    assert "U zit nog niet in een team" in html


def test_kcc_staff_get_no_editor_panels(client, users, team):
    make_feedback(comment="Alleen voor de redactie.")
    html, _ = _dashboard(client, users["kcc"])
    assert "Alleen voor de redactie." not in html
    assert "tijd om te controleren" not in html


def test_a_subsite_editor_sees_only_the_searches_on_their_site(client, users):
    _log("op de hoofdsite", site="deventer")
    _log("op verkeer", site="verkeer")
    html, _ = _dashboard(client, users["redacteur-verkeer"])
    assert "op verkeer" in html and "op de hoofdsite" not in html


# --- the newsroom --------------------------------------------------------------------------


def test_the_newsroom_shows_the_week_for_the_whole_team(client, users, team):
    _log("bekeuring", count=4)
    _log("paspoort", results=5, count=6)
    make_feedback(helpful=False)
    make_feedback(helpful=False)
    make_feedback(helpful=True)
    make_feedback(kind="kcc", helpful=None, verdict="klopt_niet", channel="kcc", comment="Tarief is 2027.")
    client.force_login(users["eindredacteur"])
    response = client.get(reverse("hub_newsroom"), {"site": "deventer"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Als synoniem toevoegen aan trefwoord" in html and "Toevoegen aan de thesaurus" in html
    assert "bekeuring" in html and "Tarief is 2027." in html
    room = response.context["room"]
    assert [r["query"] for r in room.zero_results] == ["bekeuring"]
    assert room.top_searches[0]["query"] == "paspoort" and room.top_searches[0]["count"] == 6
    assert room.least_useful[0]["no"] == 2 and room.least_useful[0]["yes"] == 1
    assert [p.ref for p in room.due_pages] == ["product-paspoort"]


def test_the_newsroom_makes_the_same_queries_for_a_quiet_and_a_busy_week(client, users, team):
    client.force_login(users["eindredacteur"])
    client.get(reverse("hub_newsroom"))

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("hub_newsroom"), {"site": "deventer"}).status_code == 200
        return len(queries)

    quiet = count()
    for i in range(15):
        _log(f"zoekvraag {i}", count=2)
        make_feedback(helpful=False)
        make_feedback(kind="kcc", helpful=None, verdict="verouderd", channel="kcc", comment=f"notitie {i}")
    assert count() == quiet


def test_the_newsroom_exports_csv_that_a_spreadsheet_will_not_run(client, users, team):
    _log('=HYPERLINK("http://example.org")', count=2)
    client.force_login(users["eindredacteur"])
    response = client.get(reverse("hub_newsroom"), {"site": "deventer", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["onderdeel", "zoekopdracht of pagina", "aantal", "extra"]
    assert any(row[0] == "niets gevonden" and row[1].startswith("'=") for row in rows)
    assert any(row[0] == "controle nodig" and "Team Burgerzaken" in row[3] for row in rows)


@pytest.mark.parametrize("week", ["2026-W99", "gisteren", "", "2026-W01"])
def test_any_week_gives_a_page(client, users, week):
    client.force_login(users["eindredacteur"])
    assert client.get(reverse("hub_newsroom"), {"week": week}).status_code == 200


def test_kcc_staff_cannot_open_the_newsroom(client, users):
    client.force_login(users["kcc"])
    assert client.get(reverse("hub_newsroom")).status_code in (302, 403)


def test_a_subsite_editor_sees_only_their_own_site(client, users):
    _log("hoofdsite vraag", site="deventer")
    client.force_login(users["redacteur-verkeer"])
    response = client.get(reverse("hub_newsroom"), {"site": "deventer"})
    assert response.status_code == 200
    assert response.context["room"].site.key == "verkeer"
    assert "hoofdsite vraag" not in response.content.decode()


def test_a_zero_result_search_becomes_a_synonym_at_once(client, users):
    from content.visibility import Viewer
    from search.documents import indexable_documents
    from search.engines import get_engine
    from search.query import search

    keyword = Keyword.objects.get(term__iexact="paspoort", locale__language_code="nl")
    get_engine().rebuild(indexable_documents())
    assert "product-paspoort" not in [h.ref for h in search("reisboekje", viewer=Viewer()).hits]
    client.force_login(users["redacteur"])
    url = reverse("hub_newsroom_synonym")
    form = client.get(url, {"phrase": "reisboekje", "zoek": "paspoort"})
    assert keyword.term in form.content.decode()
    response = client.post(url, {"phrase": "reisboekje", "keyword": keyword.pk, "next": "//evil.example/"})
    assert response.status_code == 302 and response["Location"] == reverse("hub_newsroom")
    assert "reisboekje" in Keyword.objects.get(pk=keyword.pk).synonym_list
    assert "product-paspoort" in [h.ref for h in search("reisboekje", viewer=Viewer()).hits]


def test_kcc_staff_cannot_add_synonyms(client, users):
    client.force_login(users["kcc"])
    response = client.post(reverse("hub_newsroom_synonym"), {"phrase": "x", "keyword": 1})
    assert response.status_code in (302, 403)
    assert not Keyword.objects.filter(synonyms__icontains="x\n").exists()


def test_a_web_editor_adds_a_zero_result_search_to_the_thesaurus_and_stays_on_our_site(client, users):
    from search.models import ThesaurusEntry

    client.force_login(users["redacteur"])
    url = reverse("search_reports:thesaurus_add") + "?next=//evil.example/"
    response = client.post(url, {"language": "nl", "phrase": "rood staan", "terms": "schulden"})
    assert response.status_code == 302
    assert response["Location"] == reverse("search_reports:queries")
    assert ThesaurusEntry.objects.filter(phrase="rood staan").exists()
