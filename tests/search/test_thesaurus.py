"""Query understanding and the municipal thesaurus: the plan every engine gets, the thesaurus as
data and the editors' additions (at once, from the search report), on every engine, without
leaks."""

import json

import pytest
from django.urls import reverse

from search.keywords import keyword_index
from search.models import ThesaurusEntry
from search.query import search
from search.thesaurus import DATA_DIR, entry_count, thesaurus
from search.understanding import hyphen_forms, plan_query, verb_forms
from tests.search.test_conformance import INTERNAL_TEXTS, refs, visible_text

pytestmark = pytest.mark.django_db


def _plan(text, language="nl"):
    index = keyword_index(language)
    return plan_query(text, index, thesaurus(index.language, index.token))


def test_the_thesaurus_holds_at_least_300_everyday_phrases_with_official_terms():
    assert entry_count("nl") >= 300
    for language in ("nl", "en"):
        data = json.loads((DATA_DIR / f"thesaurus_{language}.json").read_text(encoding="utf-8"))
        assert data["format"] == "hub-thesaurus/1" and data["language"] == language
        for concept in data["concepts"]:
            assert concept["terms"] and concept["phrases"], concept


def test_question_words_and_filler_are_dropped_content_words_stay(db):
    plan = _plan("waar kan ik lege batterijen inleveren")
    words = {alternative for group in plan.groups for alternative in group}
    assert not {"waar", "kan", "ik"} & words
    assert "lege batterijen" in words or "batterijen" in words


def test_a_query_of_only_question_words_is_still_searched(db):
    assert _plan("waar wanneer").groups == [["waar"], ["wanneer"]]


def test_participles_and_infinitives_bring_the_forms_the_pages_use():
    assert "ophalen" in verb_forms("opgehaald", "nl")
    assert "aanvragen" in verb_forms("aangevraagd", "nl")
    assert "inleveren" in verb_forms("ingeleverd", "nl")
    assert "verhuizen" in verb_forms("verhuisd", "nl")
    assert "melden" in verb_forms("gemeld", "nl")
    assert {"betaal", "betaalt"} <= set(verb_forms("betalen", "nl"))
    assert verb_forms("container", "nl") == []
    assert verb_forms("opgehaald", "en") == []


def test_hyphenated_words_are_searched_as_parts_and_as_one_word():
    assert hyphen_forms("e-bike") == ["e bike", "ebike"]
    assert hyphen_forms("ov-kaart") == ["ov kaart", "ovkaart"]
    assert hyphen_forms("paspoort") == []


def test_derived_and_thesaurus_alternatives_weigh_less_than_the_words_as_typed(db):
    plan = _plan("vuilnisbak opgehaald")
    assert plan.groups[0][0] == "vuilnisbak" and "minicontainer" in plan.groups[0]
    assert plan.weights["minicontainer"] < 1 and "vuilnisbak" not in plan.weights
    assert plan.weights["ophalen"] < 1


def test_two_words_typed_apart_are_also_searched_as_one(db):
    plan = _plan("parkeer vergunning")
    assert all("parkeervergunning" in group for group in plan.groups)


def test_an_everyday_word_finds_the_page_with_the_official_term(engine, public):
    # "bankstel" is only in the thesaurus; the grofvuil page never uses it.
    assert "product-grofvuil" in refs(search("bankstel", viewer=public))


def test_a_page_with_the_word_as_typed_ranks_before_a_thesaurus_match(engine, public):
    # "stort" stands for "milieustraat"; no page says "stort", so the grofvuil page (which says
    # "milieustraat") is found; a page that has the typed word in its title would come first.
    assert refs(search("vuilnisbak", viewer=public))[0] == "product-afvalcontainer"


def test_an_editors_thesaurus_entry_works_in_the_next_search(engine, public):
    assert search("snorfiets", viewer=public).total == 0
    ThesaurusEntry.objects.create(phrase="snorfiets", terms="rijbewijs")
    assert refs(search("snorfiets", viewer=public))[0] == "product-rijbewijs"
    ThesaurusEntry.objects.filter(phrase="snorfiets").delete()
    assert search("snorfiets", viewer=public).total == 0


def test_thesaurus_expansion_never_brings_internal_pages_or_text_to_the_public(engine, public, staff_kcc):
    ThesaurusEntry.objects.create(phrase="nooddocument", terms="noodpaspoort, marechaussee, geheim")
    response = search("nooddocument", viewer=public)
    assert "answer-intern-noodpaspoort" not in refs(response)
    text = visible_text(response)
    for secret in INTERNAL_TEXTS:
        assert secret.lower() not in text
    assert "answer-intern-noodpaspoort" in refs(search("nooddocument", viewer=staff_kcc))


def test_the_search_report_offers_toevoegen_aan_de_thesaurus(admin_client):
    from search.analytics import log_search

    log_search("snorfiets", site="deventer", channel="web", result_count=0, staff=False)
    html = admin_client.get(reverse("search_reports:queries"), {"without_results": "true"}).content.decode()
    assert "toevoegen aan de thesaurus" in html
    assert reverse("search_reports:thesaurus_add") + "?phrase=snorfiets" in html


def test_an_editor_adds_a_query_to_the_thesaurus_from_the_report(admin_client):
    url = reverse("search_reports:thesaurus_add")
    form = admin_client.get(url, {"phrase": "snorfiets"})
    assert form.status_code == 200 and 'value="snorfiets"' in form.content.decode()
    response = admin_client.post(url, {"phrase": "snorfiets", "terms": "rijbewijs, bromfiets", "language": "nl"})
    assert response.status_code == 302
    entry = ThesaurusEntry.objects.get(phrase="snorfiets")
    assert entry.term_list == ["rijbewijs", "bromfiets"]
    # The same words again add terms, never a second entry or an error.
    admin_client.post(url, {"phrase": "snorfiets", "terms": "scooter", "language": "nl"})
    assert ThesaurusEntry.objects.get(phrase="snorfiets").term_list == ["rijbewijs", "bromfiets", "scooter"]


@pytest.mark.parametrize(
    "data",
    [
        {"phrase": "", "terms": "rijbewijs", "language": "nl"},
        {"phrase": "snorfiets", "terms": " , ", "language": "nl"},
        {"phrase": "snorfiets", "terms": "rijbewijs", "language": "xx"},
        {"phrase": "x" * 500, "terms": "rijbewijs", "language": "nl"},
    ],
)
def test_bad_thesaurus_input_gives_a_dutch_form_error_not_a_500(admin_client, data):
    response = admin_client.post(reverse("search_reports:thesaurus_add"), data)
    assert response.status_code == 200
    assert not ThesaurusEntry.objects.exists()


def test_without_permission_nobody_adds_to_the_thesaurus(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("redacteur", password="wachtwoord-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(reverse("search_reports:thesaurus_add"), {"phrase": "a", "terms": "b", "language": "nl"})
    assert response.status_code in (302, 403)
    assert not ThesaurusEntry.objects.exists()


@pytest.mark.parametrize(
    "query",
    ["-", "e--bike", "ge-", "'", "gegegegegegeged", "a-b-c-d-e-f", "hoe wat waar", "ik wil", "ov-", "-kaart", "ß ø é"],
)
def test_odd_queries_are_understood_without_an_error(engine, public, query):
    response = search(query, viewer=public)
    assert response.total >= 0
