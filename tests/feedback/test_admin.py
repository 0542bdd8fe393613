"""The editors' "Feedback" list in the admin, as a web editor (no superuser): what they see,
filter, handle and export, and that a comment stays text and holds no personal data."""

import csv
import io

import pytest

from tests.conftest import make_role_users

from .conftest import make_feedback

pytestmark = pytest.mark.django_db

LIST = "/admin/feedback/"
SCRIPT = '<script>alert("x")</script>'


@pytest.fixture
def users(feedback_content):
    from content.signals import ensure_roles

    ensure_roles()
    return make_role_users()


def _verkeer_ref():
    from content.models import ArticlePage

    return ArticlePage.objects.get(ref="article-wegwerkzaamheden-brink").ref


def _export(client, query=""):
    response = client.get(f"{LIST}?export=csv{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_the_feedback_menu_item_is_there_for_editors_and_not_for_kcc(client, users):
    client.force_login(users["redacteur"])
    assert '"/admin/feedback/"' in client.get("/admin/").content.decode()
    client.force_login(users["kcc"])
    assert '"/admin/feedback/"' not in client.get("/admin/").content.decode()
    assert client.get(LIST).status_code in {302, 403}


def test_a_web_editor_sees_a_comment_as_escaped_text(client, users):
    item = make_feedback(comment=f"{SCRIPT} <b>vet</b>")
    client.force_login(users["redacteur"])
    listing = client.get(LIST).content.decode()
    assert "Paspoort aanvragen" in listing
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in listing
    assert SCRIPT not in listing
    detail = client.get(f"{LIST}edit/{item.pk}/").content.decode()
    assert "&lt;b&gt;vet&lt;/b&gt;" in detail
    assert SCRIPT not in detail


def test_personal_data_sent_through_the_api_is_not_in_the_admin_or_the_csv(client, users, gql):
    gql(
        'mutation { submitFeedback(ref: "product-paspoort", helpful: false, comment: '
        '"Mail jan@example.nl, bel 06-12345678, BSN 123456782, 7411 AB 12") { received } }'
    )
    client.force_login(users["redacteur"])
    listing = client.get(LIST).content.decode()
    exported = "\n".join(",".join(row) for row in _export(client))
    from feedback.models import Feedback

    detail = client.get(f"{LIST}edit/{Feedback.objects.get().pk}/").content.decode()
    for text in (listing, exported, detail):
        assert "[e-mail]" in text
        for piece in ("jan@example.nl", "12345678", "123456782", "7411 AB 12"):
            assert piece not in text


def test_an_editor_filters_by_status_and_page(client, users):
    make_feedback(comment="open-op-paspoort")
    make_feedback(comment="klaar-op-paspoort", status="afgehandeld")
    make_feedback(ref="product-parkeervergunning", comment="open-op-parkeren")
    from content.models import ProductPage

    client.force_login(users["redacteur"])
    only_open = client.get(LIST, {"status": "open"}).content.decode()
    assert "open-op-paspoort" in only_open and "open-op-parkeren" in only_open
    assert "klaar-op-paspoort" not in only_open
    parkeren = ProductPage.objects.get(ref="product-parkeervergunning").pk
    one_page = client.get(LIST, {"page": parkeren}).content.decode()
    assert "open-op-parkeren" in one_page and "open-op-paspoort" not in one_page


def test_an_editor_handles_feedback_with_a_reply_note(client, users):
    item = make_feedback(comment="De prijs klopt niet.")
    client.force_login(users["redacteur"])
    response = client.post(
        f"{LIST}edit/{item.pk}/", {"status": "afgehandeld", "reply_note": "Prijs aangepast naar 2027."}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.reply_note, item.comment) == (
        "afgehandeld",
        "Prijs aangepast naar 2027.",
        "De prijs klopt niet.",
    )
    assert item.handled_at is not None


def test_an_editor_cannot_add_or_delete_feedback(client, users):
    item = make_feedback()
    client.force_login(users["redacteur"])
    assert client.get(f"{LIST}new/").status_code in {302, 403}
    assert client.post(f"{LIST}delete/{item.pk}/").status_code in {302, 403}
    from feedback.models import Feedback

    assert Feedback.objects.filter(pk=item.pk).exists()


def test_a_subsite_editor_sees_only_feedback_on_their_own_pages(client, users):
    own = make_feedback(ref=_verkeer_ref(), comment="over-de-brink")
    other = make_feedback(comment="over-het-paspoort")
    client.force_login(users["redacteur-verkeer"])
    listing = client.get(LIST).content.decode()
    assert "over-de-brink" in listing and "over-het-paspoort" not in listing
    assert client.get(f"{LIST}edit/{own.pk}/").status_code == 200
    assert client.get(f"{LIST}edit/{other.pk}/").status_code == 404
    assert client.post(f"{LIST}edit/{other.pk}/", {"status": "afgehandeld", "reply_note": "x"}).status_code == 404
    for view in ("history", "usage"):
        assert client.get(f"{LIST}{view}/{own.pk}/").status_code == 200, view
        assert client.get(f"{LIST}{view}/{other.pk}/").status_code == 404, view
    rows = _export(client)
    assert [row for row in rows[1:] if "over-het-paspoort" in row] == []


def test_the_csv_has_dutch_headings_and_no_formula_a_spreadsheet_would_run(client, users):
    make_feedback(comment='=HYPERLINK("http://evil.example","klik")', reply_note="+1 eens")
    client.force_login(users["eindredacteur"])
    heading, row = _export(client)
    assert heading[:2] == ["Ontvangen op", "Pagina"]
    assert "Opmerking" in heading and "Notitie bij de afhandeling" in heading
    record = dict(zip(heading, row, strict=True))
    assert record["Opmerking"] == '\'=HYPERLINK("http://evil.example","klik")'
    assert record["Notitie bij de afhandeling"] == "'+1 eens"
    assert record["Pagina"] == "Paspoort aanvragen"
    assert record["Antwoord"] == "Niet nuttig"
