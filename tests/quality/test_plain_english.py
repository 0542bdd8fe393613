"""The plain-English check: English text gets the report of the Dutch B1 check, computed with
English rules; the check follows the page's language, in the stored report, the live check and
b1_check, and the Dutch check never runs on English text."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from quality.plain_english.analysis import ISSUE_CODES, analyze_html, analyze_text, analyze_texts
from quality.plain_english.config import PlainEnglishConfig
from quality.plain_english.lexicon import syllables

LONG_PASSIVE = (
    "Once the completed form has been received by our office, your application will be reviewed "
    "and you will be informed of the outcome by post within eight weeks."
)
BUREAUCRATIC = "Applicants must furnish proof of residence prior to the issuance of a parking permit."
PLAIN = (
    "You can get a parking permit if you live in the city centre. Apply online with DigiD. "
    "A permit costs €120 a year. We send it to you by post."
)
ENGLISH_PAGE = {
    "format": "hub-import/1",
    "items": [
        {
            "ref": "product-passport-check",
            "type": "product",
            "language": "en",
            "translation_of": "product-paspoort",
            "title": "Apply for a passport",
            "summary": "How to apply for a Dutch passport in Deventer.",
            "blocks": [
                {"type": "text", "value": "Make an appointment at the town hall. Bring a recent photo."},
                {"type": "text", "value": LONG_PASSIVE},
            ],
        }
    ],
}


def check(text, **config):
    """The English report of `text`, without the database (no editors' words)."""
    return analyze_text(text, config=PlainEnglishConfig(**config), editor_words=())


def codes(report):
    return [issue["code"] for issue in report["issues"]]


def of_code(report, code):
    return [issue for issue in report["issues"] if issue["code"] == code]


# --- the analysis ----------------------------------------------------------------------------


def test_a_long_passive_sentence_is_an_error_with_each_passive_named():
    report = check(LONG_PASSIVE)
    assert report["b1"] is False
    length = of_code(report, "long_sentence")[0]
    assert length["severity"] == "error"
    assert length["message"].startswith(f"Deze Engelse zin is te lang ({len(LONG_PASSIVE.split())} woorden).")
    assert [i["text"] for i in of_code(report, "passive")] == [
        "been received",
        "be reviewed",
        "be informed",
    ]
    assert all("lijdende vorm" in i["message"] for i in of_code(report, "passive"))


def test_bureaucratic_english_is_not_plain_even_in_a_short_sentence():
    report = check(BUREAUCRATIC)
    assert len(BUREAUCRATIC.split()) < 20 and "long_sentence" not in codes(report)
    jargon = {i["text"]: i["suggestion"] for i in of_code(report, "jargon")}
    assert jargon["prior to"] == "before"
    assert jargon["furnish"] == "give / send"
    assert "Applicants" in jargon
    assert report["b1"] is False
    assert report["score"] < 60


def test_a_short_plain_text_passes_without_remarks():
    report = check(PLAIN)
    assert report["issues"] == []
    assert report["b1"] is True
    assert report["score"] >= 90
    assert report["level"] == "B1" and "Eenvoudig Engels" in report["level_label"]
    assert report["stats"]["flesch_reading_ease"] > 70


def test_the_report_has_the_keys_the_admin_and_the_api_read():
    report = check(BUREAUCRATIC + " " + LONG_PASSIVE)
    assert {"score", "b1", "sentences", "issues", "stats", "level", "level_label"} <= set(report)
    assert report["language"] == "en"
    assert 0 <= report["score"] <= 100
    text = BUREAUCRATIC + " " + LONG_PASSIVE
    for issue in report["issues"]:
        assert text[issue["start"] : issue["end"]] == issue["text"]
        assert issue["code"] in ISSUE_CODES and issue["severity"] in ("warning", "error")
        assert issue["message"] and "suggestion" in issue


def test_numbers_times_and_explained_abbreviations_are_no_problem():
    text = (
        "The fee is €84.75. We are open from 8.30 a.m. to 5 p.m. on weekdays. "
        "Bring your citizen service number (BSN). It is on your health insurance card."
    )
    report = check(text)
    assert [s["text"] for s in report["sentences"]] == [
        "The fee is €84.75.",
        "We are open from 8.30 a.m. to 5 p.m. on weekdays.",
        "Bring your citizen service number (BSN).",
        "It is on your health insurance card.",
    ]
    assert report["issues"] == []


def test_unexplained_and_dotted_abbreviations_get_the_words_to_write():
    report = check("Bring a letter, e.g. your WOZ assessment. Bring ID etc. too.")
    found = {i["text"]: i["suggestion"] for i in of_code(report, "abbreviation")}
    assert found == {"e.g.": "for example", "WOZ": "property value (WOZ value)", "etc.": "and so on"}
    assert len(report["sentences"]) == 2  # "e.g." and "etc." followed by a small word end nothing


def test_list_items_count_as_sentences_of_their_own():
    items = [
        "your passport or ID card",
        "a recent passport photo that meets the rules",
        "the old driving licence if you still have it",
        "a bank card to pay the fee at the desk",
    ]
    listed = check("What to bring:\n\n" + "\n".join(f"- {item}" for item in items))
    assert "long_sentence" not in codes(listed)
    assert len(listed["sentences"]) == 5
    run_on = check("What to bring: " + ", ".join(items) + ".")
    assert of_code(run_on, "long_sentence")[0]["severity"] == "error"


def test_a_dutch_word_left_in_the_english_text_is_flagged():
    report = check("Put the kliko on the street before 7.30 in the morning.")
    assert [i["text"] for i in of_code(report, "difficult_word")] == ["kliko"]
    assert "Nederlands woord" in of_code(report, "difficult_word")[0]["message"]


def test_a_long_rare_word_is_flagged_and_a_long_common_one_is_not():
    report = check("We aim for the expeditious handling of every application from the municipality.")
    assert [i["text"] for i in of_code(report, "long_word")] == ["expeditious"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The office is closed on Sundays.",
        "You are married in the town hall.",
        "Are you interested in a permit?",
        "You need to be there at nine.",
        "There are a hundred parking spaces.",
        "Is it a listed building?",
    ],
)
def test_states_and_adjectives_after_be_are_not_passive(sentence):
    assert "passive" not in codes(check(sentence))


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Your green bin is emptied every two weeks.", "is emptied"),
        ("The permit is not usually sent by post.", "is not usually sent"),
        ("Is my bin emptied on public holidays?", "Is my bin emptied"),
        ("Your request is being processed.", "is being processed"),
        ("You're asked to bring a photo.", "You're asked"),
    ],
)
def test_passives_are_found_with_words_in_between(sentence, found):
    assert [i["text"] for i in of_code(check(sentence), "passive")] == [found]


def test_thresholds_are_settings():
    text = "Make an appointment online and bring your old passport and a new photo to the desk."
    assert "long_sentence" not in codes(check(text))
    assert (
        of_code(check(text, sentence_warn_words=8, sentence_error_words=12), "long_sentence")[0]["severity"] == "error"
    )
    assert "passive" not in codes(check("Your bin is emptied.", disabled_checks=("passive",)))
    with pytest.raises(ValueError, match="HUB_PLAIN_ENGLISH"):
        PlainEnglishConfig.from_dict({"sentence_warn_wrds": 10})


def test_html_spans_point_into_the_markup():
    markup = "<p>Bring your <b>documentation</b> to the desk.</p>"
    report = analyze_html(markup, editor_words=())
    issue = of_code(report, "jargon")[0]
    assert markup[issue["start"] : issue["end"]] == "documentation"


def test_a_page_report_weighs_blocks_by_their_length():
    page = analyze_texts([("title", "Apply for a passport"), ("body", LONG_PASSIVE)], editor_words=())
    assert set(page["blocks"]) == {"title", "body"}
    assert {i["key"] for i in page["issues"]} == {"body"}
    assert page["stats"]["words"] == 4 + len(LONG_PASSIVE.split())
    assert page["b1"] is False


def test_editors_allowed_words_are_never_flagged():
    assert codes(analyze_text("Put the kliko outside.", editor_words=["kliko"])) == []


@pytest.mark.parametrize(
    ("word", "count"),
    [("passport", 2), ("municipality", 6), ("closed", 1), ("collected", 3), ("table", 2), ("area", 3), ("make", 1)],
)
def test_english_syllables(word, count):
    assert syllables(word) == count


def test_the_english_check_leaves_the_dutch_reading_ease_alone():
    from quality.b1.analysis import analyze_text as dutch

    dutch_text = "Wij sturen u de nieuwe pas binnen vijf werkdagen toe."
    before = dutch(dutch_text)["stats"]["flesch_douma"]
    check(PLAIN + " " + LONG_PASSIVE)
    assert dutch(dutch_text)["stats"]["flesch_douma"] == before


# --- the check follows the language ----------------------------------------------------------


@pytest.fixture
def english_page(hub_content, import_json, monkeypatch):
    """An English translation of a Dutch page, imported while the Dutch-only checks would fail."""

    def dutch_check_ran(*args, **kwargs):
        raise AssertionError("the Dutch B1 check ran on English text")

    monkeypatch.setattr("quality.b1.structure.check_light_verb_nominalizations", dutch_check_ran)
    monkeypatch.setattr("quality.b1.analysis.flesch_douma", dutch_check_ran)
    import_json(ENGLISH_PAGE)
    from content.models import ProductPage

    return ProductPage.objects.get(ref="product-passport-check")


def test_an_english_page_stores_the_report_of_the_english_check(english_page):
    from content.models import PageReadability

    stored = PageReadability.objects.get(revision=english_page.latest_revision)
    assert stored.report["language"] == "en"
    assert "flesch_reading_ease" in stored.report["stats"] and "flesch_douma" not in stored.report["stats"]
    assert {i["text"] for i in stored.report["issues"] if i["code"] == "passive"} == {
        "been received",
        "be reviewed",
        "be informed",
    }
    assert stored.b1 is False and stored.b1 == stored.report["b1"]


def test_a_dutch_page_still_gets_the_dutch_report(hub_content):
    from content.models import PageReadability, ProductPage

    dutch = ProductPage.objects.get(ref="product-paspoort")
    report = PageReadability.objects.get(revision=dutch.live_revision).report
    assert "flesch_douma" in report["stats"] and "language" not in report


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("eindredacteur-en", "en@example.org", "wachtwoord-123")
    client.force_login(user)
    return client


def live(client, payload):
    return client.post(reverse("hub_b1_check"), json.dumps(payload), content_type="application/json")


def test_the_live_check_uses_the_language_it_is_sent(admin_client):
    response = live(admin_client, {"text": "Your bin is emptied every week.", "language": "en"})
    assert response.status_code == 200
    report = response.json()
    assert report["language"] == "en"
    assert [i["text"] for i in report["issues"]] == ["is emptied"]


def test_the_live_check_defaults_to_the_default_language(admin_client):
    report = live(admin_client, {"text": "Wij sturen de brief middels de post."}).json()
    assert "language" not in report and [i["code"] for i in report["issues"]] == ["jargon"]


def test_the_live_check_refuses_a_language_that_is_not_configured(admin_client):
    response = live(admin_client, {"text": "Your bin is emptied.", "language": "pl"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "LANGUAGE_NOT_CONFIGURED"


def test_the_live_check_refuses_a_configured_language_without_a_check(admin_client, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")]
    response = live(admin_client, {"text": "Die Tonne wird geleert.", "language": "de"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "LANGUAGE_NOT_CHECKED"


def test_the_edit_form_tells_the_live_check_the_page_language(admin_client, english_page):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk])).content.decode()
    assert 'data-hub-b1-language="en"' in html
    assert "Deze Engelse pagina is nog niet eenvoudig genoeg." in html


# --- b1_check --------------------------------------------------------------------------------


def run_command(*args, stdin):
    out = io.StringIO()
    import sys

    old, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command("b1_check", *args, stdout=out)
    finally:
        sys.stdin = old
    return out.getvalue()


def test_b1_check_checks_english_with_language_en(db):
    report = json.loads(run_command("-", "--json", "--language", "en", stdin=BUREAUCRATIC))
    assert report["language"] == "en" and report["b1"] is False
    output = run_command("--language", "en", stdin=PLAIN)
    assert "Eenvoudig Engels: ja" in output and "Flesch reading ease" in output


def test_b1_check_refuses_a_language_without_a_check(db):
    with pytest.raises(CommandError, match="No language check for 'pl'") as error:
        run_command("--language", "pl", stdin=PLAIN)
    assert error.value.returncode == 2


def test_every_setting_of_the_english_check_is_documented():
    from dataclasses import fields
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "b1.md").read_text(encoding="utf-8")
    english = docs[docs.index("## English") :]
    assert [f.name for f in fields(PlainEnglishConfig) if f"`{f.name}`" not in english] == []
