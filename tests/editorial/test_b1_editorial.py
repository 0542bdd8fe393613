"""B1 in the editorial flow: stored per revision, the publish gate, the workflow step, the site
report and the API field all use the same report."""

import json

import pytest
from django.urls import reverse

from content.models import AnswerPage, PageReadability, ProductPage

pytestmark = pytest.mark.django_db

BUREAUCRATIC = (
    "Teneinde uw aanvraag in behandeling te kunnen nemen, dient u middels het daartoe bestemde "
    "formulier zorg te dragen voor het tijdig verstrekken van de benodigde bescheiden, "
    "waarna deze door de gemeente worden beoordeeld."
)
PLAIN = "U vraagt een paspoort aan bij de gemeente. Neem een pasfoto mee. Het kost 84 euro."


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("eindredacteur", "e@example.org", "wachtwoord-123")
    client.force_login(user)
    return client


def _text_stream(text):
    from wagtail.test.utils.form_data import rich_text, streamfield

    return streamfield([("text", {"channels": ["web", "app", "kcc", "balie"], "text": rich_text(f"<p>{text}</p>")})])


def _edit_post(page, **overrides):
    """The edit form of `page` as the admin would post it, with overrides."""
    from wagtail.admin.panels import get_edit_handler
    from wagtail.test.utils.form_data import nested_form_data

    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "audience": page.audience,
        "phrasings": page.phrasings,
        "short_answer": page.short_answer,
        "internal_note": page.internal_note,
        "status": page.status,
        "doelgroep": page.doelgroep,
        "owner_team": "",
        "review_date": "",
        "body": _text_stream(PLAIN),
    }
    data.update(overrides)
    get_edit_handler(type(page))  # panels must build
    flat, channels = {}, {}
    for key, value in nested_form_data(data).items():
        head, _, tail = key.rpartition("-")
        if head.endswith("-channels") and tail.isdigit():
            channels.setdefault(head, []).append(value)  # a multiple-choice field posts one key, many values
        else:
            flat[key] = value
    return {**flat, **channels}


def test_every_saved_revision_gets_its_b1_report(hub_content):
    page = ProductPage.objects.get(ref="product-paspoort")
    report = PageReadability.objects.get(revision=page.live_revision)
    assert 0 <= report.score <= 100 and report.report["b1"] == report.b1
    page.title = "Paspoort aanvragen teneinde te reizen"
    revision = page.save_revision()
    assert PageReadability.objects.filter(revision=revision).exists()


def test_the_live_check_endpoint_returns_the_report_contract(admin_client):
    response = admin_client.post(
        reverse("hub_b1_check"), json.dumps({"text": "Teneinde dit te doen, bel ons."}), content_type="application/json"
    )
    report = response.json()
    assert response.status_code == 200
    assert set(report) >= {"score", "b1", "sentences", "issues"}
    jargon = [i for i in report["issues"] if i["code"] == "jargon"]
    assert jargon and jargon[0]["suggestion"] and jargon[0]["text"].lower() == "teneinde"


def test_the_live_check_refuses_bad_input_and_anonymous_callers(admin_client):
    from django.test import Client

    assert admin_client.post(reverse("hub_b1_check"), "nee", content_type="application/json").status_code == 400
    response = Client().post(reverse("hub_b1_check"), json.dumps({"text": "x"}), content_type="application/json")
    assert response.status_code in (302, 403)


def test_publishing_below_b1_needs_a_reason_and_the_reason_is_kept(admin_client, hub_content):
    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    hard = _text_stream(BUREAUCRATIC)
    refused = admin_client.post(url, {**_edit_post(page, body=hard), "action-publish": "publish"})
    assert refused.status_code == 200  # the form comes back with an error
    assert "niet op B1-niveau" in refused.content.decode()
    page.refresh_from_db()
    assert BUREAUCRATIC not in json.dumps(list(page.body.raw_data))

    accepted = admin_client.post(
        url,
        {
            **_edit_post(page, body=hard),
            "action-publish": "publish",
            "b1_override_reason": "Juridische tekst, verplicht zo.",
        },
    )
    assert accepted.status_code == 302
    page.refresh_from_db()
    stored = PageReadability.objects.get(revision=page.live_revision)
    assert not stored.b1 and stored.override_reason == "Juridische tekst, verplicht zo."


def test_a_plain_page_publishes_without_a_reason(admin_client, hub_content):
    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.post(url, {**_edit_post(page), "action-publish": "publish"})
    if response.status_code != 302:
        form = response.context["form"]
        raise AssertionError(form.errors.as_json())
    page.refresh_from_db()
    assert PageReadability.objects.get(revision=page.live_revision).b1


def test_saving_a_draft_below_b1_needs_no_reason(admin_client, hub_content):
    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    hard = _text_stream(BUREAUCRATIC)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), _edit_post(page, body=hard))
    assert response.status_code == 302


def test_the_site_report_shows_the_share_at_b1_and_exports_csv(admin_client, hub_content):
    response = admin_client.get(reverse("hub_b1_report"), {"site": "deventer"})
    html = response.content.decode()
    assert response.status_code == 200 and "gepubliceerde pagina" in html
    export = admin_client.get(reverse("hub_b1_report"), {"site": "deventer", "export": "csv"})
    lines = export.content.decode().strip().splitlines()
    assert export["Content-Type"].startswith("text/csv")
    assert lines[0].startswith("pagina,pad,score")
    assert any("Paspoort aanvragen" in line for line in lines[1:])
    assert not any("Brink" in line for line in lines[1:])  # the verkeer site is not in deventer's report


def test_the_api_exposes_the_readability_of_the_published_revision(client, hub_content):
    query = '{ pageByRef(ref: "product-paspoort") { readability { score b1 issueCount } } }'
    data = client.post("/graphql/", {"query": query}, content_type="application/json").json()
    page = ProductPage.objects.get(ref="product-paspoort")
    stored = PageReadability.objects.get(revision=page.live_revision)
    assert data["data"]["pageByRef"]["readability"] == {
        "score": stored.score,
        "b1": stored.b1,
        "issueCount": stored.issue_count,
    }


def test_the_workflow_step_shows_the_b1_report(admin_client, hub_content):
    from wagtail.models import Workflow

    page = AnswerPage.objects.get(ref="answer-paspoort-kwijt")
    workflow = Workflow.objects.get(name="Eindredactie")
    assert type(workflow.tasks.first().specific).__name__ == "EindredactieTask"
    page.save_revision()
    from django.contrib.auth import get_user_model

    state = workflow.start(page, get_user_model().objects.get(username="eindredacteur"))
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = admin_client.get(url)
    assert "B1-rapport van deze versie" in json.dumps(response.json())
