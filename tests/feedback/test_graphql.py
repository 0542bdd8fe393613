"""`submitFeedback` and `submitKccFeedback` through the real GraphQL endpoint: what is stored,
what is refused with which code (and then nothing is stored), and the limit per resident."""

import pytest
from django.test import override_settings

from tests.api.conftest import error_codes

pytestmark = pytest.mark.django_db

SUBMIT = """mutation Submit($ref: String!, $helpful: Boolean!, $comment: String, $language: String,
    $channel: Channel) {
  submitFeedback(ref: $ref, helpful: $helpful, comment: $comment, language: $language, channel: $channel) {
    received personalDataRemoved
  }
}"""
SUBMIT_KCC = """mutation Kcc($ref: String!, $verdict: KccVerdict!, $note: String, $channel: Channel) {
  submitKccFeedback(ref: $ref, verdict: $verdict, note: $note, channel: $channel) { received personalDataRemoved }
}"""
PERSONAL = (
    "Klopt niet. Mail jan.jansen@example.nl of bel 06-12345678 of +31 6 8765 4321, "
    "mijn BSN is 123456782 en ik woon op 7411 AB 12."
)
PERSONAL_PIECES = ("jan.jansen", "example.nl", "12345678", "8765", "123456782", "7411 AB 12", "7411")


@pytest.fixture
def content(feedback_content):
    from content.signals import ensure_roles

    ensure_roles()


def _stored():
    from feedback.models import Feedback

    return list(Feedback.objects.select_related("page").order_by("pk"))


def _send(gql, variables, **headers):
    return gql(SUBMIT, {"ref": "product-paspoort", "helpful": True, **variables}, **headers)


def test_a_resident_says_a_page_was_helpful(gql, content):
    result = _send(gql, {"helpful": True})
    assert result["data"]["submitFeedback"] == {"received": True, "personalDataRemoved": False}
    [item] = _stored()
    assert (item.page.specific.ref, item.kind, item.helpful, item.channel, item.language, item.status) == (
        "product-paspoort",
        "resident",
        True,
        "web",
        "nl",
        "open",
    )
    assert result["_response"]["Cache-Control"].startswith("private")


def test_the_app_sends_feedback_on_its_own_channel(gql, content):
    _send(gql, {"helpful": False, "channel": "APP", "comment": "Ik mis de prijs."})
    [item] = _stored()
    assert (item.channel, item.helpful, item.comment) == ("app", False, "Ik mis de prijs.")


def test_personal_data_is_removed_before_the_comment_is_stored(gql, content):
    result = _send(gql, {"helpful": False, "comment": PERSONAL})
    assert result["data"]["submitFeedback"]["personalDataRemoved"] is True
    [item] = _stored()
    for piece in PERSONAL_PIECES:
        assert piece not in item.comment
    assert item.comment.startswith("Klopt niet. Mail [e-mail] of bel [nummer] of [nummer]")
    assert "[adres]" in item.comment


def test_personal_data_is_nowhere_in_the_database(gql, content):
    """Not in the feedback table, and not in any other table either (no log, no cache table)."""
    from django.db import connection

    _send(gql, {"helpful": False, "comment": PERSONAL})
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            quoted = connection.ops.quote_name(table)
            for column in columns:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quoted} WHERE CAST({connection.ops.quote_name(column)} AS TEXT) "  # noqa: S608
                    "LIKE %s OR CAST(" + connection.ops.quote_name(column) + " AS TEXT) LIKE %s",
                    ["%jan.jansen%", "%123456782%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column}")
    assert found == []


def test_html_and_script_are_stored_as_the_plain_text_that_was_typed(gql, content):
    comment = '<script>alert("x")</script><b>vet</b> & <img src=x onerror=alert(1)>'
    _send(gql, {"helpful": False, "comment": comment})
    assert _stored()[0].comment == comment


def test_control_and_invisible_characters_are_taken_out(gql, content):
    _send(gql, {"helpful": False, "comment": "Te\x07st\x1b[31m\u202eeman\u200b  met\ttab\r\nregel"})
    assert _stored()[0].comment == "Test[31meman met tab\nregel"


def test_a_nul_character_is_refused_and_nothing_is_stored(gql, content):
    result = _send(gql, {"helpful": False, "comment": "nul\x00teken"})
    assert error_codes(result) == ["BAD_INPUT"]
    assert _stored() == []


def test_a_comment_of_10000_characters_is_refused_and_nothing_is_stored(gql, content):
    result = _send(gql, {"helpful": False, "comment": "a" * 10_000})
    assert error_codes(result) == ["COMMENT_TOO_LONG"]
    assert result["errors"][0]["extensions"]["maxLength"] == 1000
    assert result["data"] is None
    assert _stored() == []


def test_a_comment_of_exactly_the_limit_is_stored(gql, content):
    result = _send(gql, {"helpful": True, "comment": "b" * 1000})
    assert result["data"]["submitFeedback"]["received"] is True
    assert len(_stored()[0].comment) == 1000


@pytest.mark.parametrize(
    "ref", ["bestaat-niet", "product-concept", "answer-intern-noodpaspoort", "", "x" * 500], ids=str.__len__
)
def test_an_unknown_draft_or_internal_page_is_refused_for_an_anonymous_caller(gql, content, ref):
    result = _send(gql, {"ref": ref, "helpful": False, "comment": "Hallo"})
    assert error_codes(result) == ["NOT_FOUND"]
    assert _stored() == []


def test_an_internal_page_is_refused_in_the_public_form_even_for_staff(gql, content, staff_token):
    result = _send(gql, {"ref": "answer-intern-noodpaspoort", "helpful": False}, token=staff_token)
    assert error_codes(result) == ["NOT_FOUND"]
    assert _stored() == []


def test_the_public_form_is_not_for_the_kcc_channel(gql, content):
    result = _send(gql, {"helpful": False, "channel": "KCC"})
    assert error_codes(result) == ["BAD_INPUT"]
    assert _stored() == []


def test_feedback_on_the_english_version_is_stored_for_the_english_page(gql, content):
    _send(gql, {"helpful": True, "language": "en"})
    _send(gql, {"ref": "product-passport", "helpful": False})
    assert [(i.page.specific.ref, i.language) for i in _stored()] == [("product-passport", "en")] * 2


def test_a_language_without_a_version_or_not_configured_is_refused(gql, content):
    assert error_codes(_send(gql, {"ref": "answer-paspoort-kwijt", "language": "en"})) == ["NOT_FOUND"]
    assert error_codes(_send(gql, {"language": "xx"})) == ["LANGUAGE_NOT_CONFIGURED"]
    assert _stored() == []


def test_a_mutation_over_get_is_refused(gql, content):
    result = gql(SUBMIT, {"ref": "product-paspoort", "helpful": True}, method="get")
    assert error_codes(result) == ["BAD_INPUT"]
    assert _stored() == []


def test_a_wrong_type_is_a_coded_error_not_a_500(gql, content):
    result = gql(SUBMIT, {"ref": "product-paspoort", "helpful": "ja"})
    assert error_codes(result) == ["BAD_INPUT"]
    result = gql(SUBMIT, {"ref": ["product-paspoort"], "helpful": True, "comment": {"a": 1}})
    assert set(error_codes(result)) == {"BAD_INPUT"}
    assert _stored() == []


@override_settings(HUB_FEEDBACK={**__import__("django.conf").conf.settings.HUB_FEEDBACK, "RATE_LIMIT": 3})
def test_a_resident_behind_a_trusted_front_end_is_limited_by_their_own_address(gql, content):
    resident = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    for _ in range(3):
        assert "errors" not in _send(gql, {"helpful": True}, **resident)
    result = _send(gql, {"helpful": True}, **resident)
    assert error_codes(result) == ["RATE_LIMITED"]
    assert result["errors"][0]["extensions"]["retryAfter"] == 3600
    # another resident through the same front-end is not limited
    other = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    assert "errors" not in _send(gql, {"helpful": True}, **other)
    assert len(_stored()) == 4


@override_settings(HUB_FEEDBACK={**__import__("django.conf").conf.settings.HUB_FEEDBACK, "RATE_LIMIT": 3})
def test_a_forwarded_header_from_an_untrusted_host_does_not_count(gql, content):
    """A caller who is not a configured front-end cannot escape the limit by making up addresses."""
    for number in range(3):
        headers = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": f"198.51.100.{number}"}
        assert "errors" not in _send(gql, {"helpful": True}, **headers)
    result = _send(gql, {"helpful": True}, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert error_codes(result) == ["RATE_LIMITED"]
    assert len(_stored()) == 3


@override_settings(HUB_FEEDBACK={**__import__("django.conf").conf.settings.HUB_FEEDBACK, "RATE_LIMIT": 2})
def test_the_limit_keeps_no_address_in_the_cache(gql, content):
    from django.core.cache import cache

    _send(gql, {"helpful": True}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.77")
    if hasattr(cache, "probe"):  # the shared cache (Redis): its keys
        keys = " ".join(k.decode() for k in cache._cache.get_client().keys("*"))
    else:
        keys = " ".join(str(key) for key in cache._cache)
    assert "feedback:rate:resident" in keys
    assert "198.51.100.77" not in keys


def test_a_kcc_employee_marks_an_internal_answer_as_out_of_date(gql, content, staff_token):
    result = gql(
        SUBMIT_KCC,
        {"ref": "answer-intern-noodpaspoort", "verdict": "VEROUDERD", "note": "Bel mij: 06-12345678."},
        token=staff_token,
    )
    assert result["data"]["submitKccFeedback"] == {"received": True, "personalDataRemoved": True}
    [item] = _stored()
    assert (item.kind, item.verdict, item.helpful, item.channel, item.comment) == (
        "kcc",
        "verouderd",
        None,
        "kcc",
        "Bel mij: [nummer].",
    )


def test_kcc_feedback_is_refused_for_anyone_but_kcc_staff(gql, content, client):
    from django.contrib.auth.models import Group, User
    from wagtail.models import APIToken

    from content.roles import WEB_EDITORS

    variables = {"ref": "product-paspoort", "verdict": "KLOPT_NIET", "note": "x"}
    assert error_codes(gql(SUBMIT_KCC, variables)) == ["FORBIDDEN"]
    editor = User.objects.create_user("webredacteur")
    editor.groups.add(Group.objects.get(name=WEB_EDITORS))
    _, token = APIToken.create_token(user=editor, name="test")
    assert error_codes(gql(SUBMIT_KCC, variables, token=token)) == ["FORBIDDEN"]
    assert error_codes(gql(SUBMIT_KCC, variables, token="hub_made-up-token")) == ["UNAUTHENTICATED"]
    assert _stored() == []


def test_kcc_feedback_on_a_draft_or_unknown_page_or_a_public_channel_is_refused(gql, content, staff_token):
    for ref in ("product-concept", "bestaat-niet"):
        result = gql(SUBMIT_KCC, {"ref": ref, "verdict": "KLOPT_NIET"}, token=staff_token)
        assert error_codes(result) == ["NOT_FOUND"]
    result = gql(SUBMIT_KCC, {"ref": "product-paspoort", "verdict": "KLOPT_NIET", "channel": "WEB"}, token=staff_token)
    assert error_codes(result) == ["BAD_INPUT"]
    result = gql(SUBMIT_KCC, {"ref": "product-paspoort", "verdict": "FOUT"}, token=staff_token)
    assert error_codes(result) == ["BAD_INPUT"]
    assert _stored() == []


def test_a_kcc_note_of_10000_characters_is_refused(gql, content, staff_token):
    result = gql(
        SUBMIT_KCC, {"ref": "product-paspoort", "verdict": "KLOPT_NIET", "note": "n" * 10_000}, token=staff_token
    )
    assert error_codes(result) == ["COMMENT_TOO_LONG"]
    assert _stored() == []
