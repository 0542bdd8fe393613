"""Content quality (issue 18, docs/quality.md): every internal check planted by an import file,
the run stored per page, `quality_check` (JSON and exit codes), a failed run that leaves the last
complete results visible, the admin report and the page's own panel as the demo roles."""

import io
import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from content.importing import import_data
from content.models import SiteConfig
from content.signals import ensure_roles
from quality.content_checks import runner
from quality.quality_models import QualityRun
from tests.conftest import make_role_users

pytestmark = pytest.mark.django_db

OVERDUE = (date.today() - timedelta(days=10)).isoformat()
LATER = (date.today() + timedelta(days=200)).isoformat()
CLEAN_TEXT = "U vraagt dit aan bij de gemeente. Dat kan online."


def _item(ref, blocks, **fields):
    item = {
        "ref": ref,
        "type": "answer",
        "site": "deventer",
        "parent": "/vraag-en-antwoord/",
        "title": f"Vraag {ref}",
        "summary": "Een korte samenvatting van deze vraag.",
        "short_answer": "Dat kan online.",
        "keywords": ["paspoort"],
        "owner": "Team Burgerzaken",
        "review_date": LATER,
        "blocks": blocks,
    }
    item.update(fields)
    return item


PLANTED = {
    "format": "hub-import/1",
    "items": [
        _item("kwaliteit-schoon", [{"type": "text", "value": CLEAN_TEXT}]),
        _item(
            "kwaliteit-links",
            [
                {
                    "type": "link_list",
                    "value": [
                        {"title": "Klik hier", "url": "https://example.org/formulier"},
                        {"title": "Nieuw concept", "page": "product-concept"},
                        {"title": "Werkinstructie", "page": "answer-intern-noodpaspoort"},
                        {"title": "https://example.org/lang/adres", "url": "https://example.org/lang/adres"},
                    ],
                },
                {"type": "text", "value": "Lees de [regels](#regels-die-er-niet-zijn) eerst."},
            ],
        ),
        _item(
            "kwaliteit-beeld",
            [
                {"type": "image", "value": {"file": "foto.png", "alt": ""}},
                {"type": "image", "value": {"file": "foto.png", "alt": "IMG_2044.jpg"}},
                {"type": "image", "value": {"file": "foto.png", "alt": "Het stadhuis", "caption": "Het stadhuis"}},
                {"type": "image", "value": {"file": "foto.png", "decorative": True}},
                {"type": "text", "value": "#### Te diep\n\nEen kop van niveau 4 zonder kop 3 ervoor."},
            ],
        ),
        _item(
            "kwaliteit-beheer",
            [{"type": "text", "value": CLEAN_TEXT}],
            owner=None,
            review_date=OVERDUE,
            summary="",
            keywords=[],
        ),
        _item("kwaliteit-b1", [{"type": "text", "value": "Uw aanvraag wordt door de gemeente beoordeeld."}]),
    ],
}


@pytest.fixture
def planted(hub_content, tmp_path):
    Image.new("RGB", (4, 4), "red").save(tmp_path / "foto.png")
    data = json.loads(json.dumps(PLANTED))
    for item in data["items"]:
        if item.get("owner") is None:
            item.pop("owner")
    import_data(data, publish=True, base_dir=tmp_path)
    ensure_roles()
    return SiteConfig.objects.get(key="deventer")


def _problems_by_ref(run):
    report = runner_report(run)
    return {page["ref"]: sorted({p["code"] for p in page["problems"]}) for page in report["pages"]}


def runner_report(run):
    from quality.content_checks.report import run_report

    return run_report(run)


def test_every_planted_problem_is_found_with_its_code(planted):
    run = runner.check_site(planted)
    found = _problems_by_ref(run)
    assert "kwaliteit-schoon" not in found
    assert {"broken_link", "link_text"} <= set(found["kwaliteit-links"])
    assert {"image_alt", "heading_order"} <= set(found["kwaliteit-beeld"])
    assert {"owner_missing", "review_overdue", "summary", "keywords_missing"} <= set(found["kwaliteit-beheer"])
    assert found["kwaliteit-b1"] == ["b1"]
    assert run.status == QualityRun.COMPLETE and run.pages >= 5


def test_each_problem_says_where_what_and_how_to_fix_it(planted):
    run = runner.check_site(planted)
    page = next(p for p in runner_report(run)["pages"] if p["ref"] == "kwaliteit-links")
    broken = [p for p in page["problems"] if p["code"] == "broken_link"]
    messages = " ".join(p["message"] for p in broken)
    assert "niet gepubliceerd" in messages
    assert "alleen voor medewerkers" in messages
    assert "regels-die-er-niet-zijn" in messages
    for problem in page["problems"]:
        assert problem["location"].startswith("body.") and problem["where"] and problem["fix"]
        assert problem["severity"] in ("error", "warning", "info")
    texts = {p["detail"] for p in page["problems"] if p["code"] == "link_text"}
    assert texts == {"https://example.org/formulier", "https://example.org/lang/adres"}


def test_images_decorative_and_with_a_good_alt_text_are_fine(planted):
    run = runner.check_site(planted)
    page = next(p for p in runner_report(run)["pages"] if p["ref"] == "kwaliteit-beeld")
    alts = sorted(p["detail"] for p in page["problems"] if p["code"] == "image_alt")
    assert alts == ["", "Het stadhuis", "IMG_2044.jpg"]  # no alt, the caption again, a file name


def test_the_score_goes_down_per_problem(planted):
    run = runner.check_site(planted)
    results = {r.page.specific.ref: r for r in run.page_results.select_related("page")}
    assert results["kwaliteit-schoon"].score == 100
    assert results["kwaliteit-links"].score < results["kwaliteit-b1"].score < 100
    assert 0 < run.score < 100


def test_a_run_costs_the_same_queries_for_few_and_many_problems(planted):
    config = planted

    def queries():
        with CaptureQueriesContext(connection) as captured:
            runner.check_site(config)
        return len(captured)

    queries()  # the site's root page is fetched once per process
    first = queries()
    import_data(
        {
            "format": "hub-import/1",
            "items": [
                _item(
                    f"kwaliteit-extra-{i}",
                    [{"type": "link_list", "value": [{"title": "hier", "page": "product-concept"}]}],
                )
                for i in range(20)
            ],
        },
        publish=True,
    )
    assert queries() == first


def test_quality_check_json_lists_pages_with_problems_only(planted):
    out = io.StringIO()
    call_command("quality_check", "--site", "deventer", "--json", stdout=out)
    report = json.loads(out.getvalue())
    (run,) = report["runs"]
    refs = {p["ref"] for p in run["pages"]}
    assert "kwaliteit-links" in refs and "kwaliteit-schoon" not in refs
    page = next(p for p in run["pages"] if p["ref"] == "kwaliteit-beheer")
    assert set(page) >= {"ref", "id", "title", "owner_team", "problems"}
    assert {"code", "severity", "location", "message"} <= set(page["problems"][0])


def test_quality_check_only_one_check(planted):
    out = io.StringIO()
    call_command("quality_check", "--site", "deventer", "--only", "image_alt", "--json", stdout=out)
    codes = {p["code"] for page in json.loads(out.getvalue())["runs"][0]["pages"] for p in page["problems"]}
    assert codes == {"image_alt"}


@pytest.mark.parametrize("args", [["--site", "bestaat-niet"], ["--only", "spelling"]])
def test_a_usage_error_exits_with_2(planted, args):
    with pytest.raises(CommandError) as error:
        call_command("quality_check", *args)
    assert error.value.returncode == 2


def test_a_failed_run_exits_with_1_and_the_last_complete_results_stay(planted, monkeypatch):
    from quality.content_checks.report import latest_complete_run

    good = runner.check_site(planted)

    def broken(item, only=None):
        raise RuntimeError("de schijf is vol")

    monkeypatch.setattr(runner, "run_checks", broken)
    with pytest.raises(CommandError) as error:
        call_command("quality_check", "--site", "deventer", stdout=io.StringIO(), stderr=io.StringIO())
    assert error.value.returncode == 1
    assert QualityRun.objects.filter(site="deventer").first().status == QualityRun.FAILED
    assert latest_complete_run("deventer") == good


# --- the admin, as the demo roles ---------------------------------------------------------------


@pytest.fixture
def users(planted):
    return make_role_users()


def test_an_editor_filters_the_report_and_downloads_csv(client, users, planted):
    runner.check_site(planted)
    client.force_login(users["redacteur"])
    response = client.get(reverse("hub_quality"), {"site": "deventer", "check": "image_alt"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "IMG_2044.jpg" in html and "Klik hier" not in html
    assert "#kwaliteit-" in html  # opens the editor at the block
    csv_text = client.get(reverse("hub_quality"), {"site": "deventer", "format": "csv"}).content.decode()
    assert csv_text.splitlines()[0].startswith("pagina,pagina-id,team,controle")
    assert "link_text" in csv_text and "broken_link" in csv_text


def test_the_report_filters_by_owner_and_page_type(client, users, planted):
    runner.check_site(planted)
    client.force_login(users["eindredacteur"])
    none = client.get(
        reverse("hub_quality"), {"site": "deventer", "owner": "Team Burgerzaken", "check": "owner_missing"}
    )
    assert 'data-code="owner_missing"' not in none.content.decode()
    everyone = client.get(reverse("hub_quality"), {"site": "deventer", "check": "owner_missing"})
    assert 'data-code="owner_missing"' in everyone.content.decode()
    products = client.get(reverse("hub_quality"), {"site": "deventer", "type": "productpage"})
    assert "kwaliteit-links" not in products.content.decode()


def test_the_trend_shows_months_per_site_and_team(client, users, planted):
    runner.check_site(planted)
    client.force_login(users["eindredacteur"])
    response = client.get(reverse("hub_quality_trend"), {"site": "deventer"})
    assert response.status_code == 200
    assert "Team Burgerzaken" in response.content.decode()


def test_kcc_staff_do_not_see_the_report(client, users, planted):
    client.force_login(users["kcc"])
    assert client.get(reverse("hub_quality")).status_code in (302, 403)


def test_the_page_panel_shows_the_problems_of_the_page(client, users, planted):
    from content.models.pages import find_page_by_ref

    page = find_page_by_ref("kwaliteit-beeld")
    client.force_login(users["redacteur"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "data-hub-quality-panel" in html
    assert "IMG_2044.jpg" in html and 'data-code="heading_order"' in html
    clean = find_page_by_ref("kwaliteit-schoon")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[clean.pk])).content.decode()
    assert "Geen problemen gevonden" in html
