import pytest

from quality.b1.analysis import analyze_text
from quality.b1.config import B1Config
from quality.b1.glossary import Glossary, current_glossary, invalidate_glossary_cache
from quality.b1.lexicon import load_data, verb_forms

from .conftest import codes


def test_the_jargon_file_has_at_least_150_entries_with_alternatives():
    terms = load_data("jargon_nl.json")["terms"]
    assert len(terms) >= 150
    assert all(t["term"].strip() and t["alternative"].strip() for t in terms)
    assert len({t["term"] for t in terms}) == len(terms)
    for term, alternative in [
        ("in het kader van", "bij / voor"),
        ("middels", "met / via"),
        ("indien", "als"),
        ("ten behoeve van", "voor"),
        ("aanvangen", "beginnen"),
        ("verstrekken", "geven"),
        ("retourneren", "terugsturen"),
    ]:
        assert {"term": term, "alternative": alternative}.items() <= next(t for t in terms if t["term"] == term).items()


def test_regular_verb_forms_are_derived():
    assert {"verstrek", "verstrekt", "verstrekte", "verstrekken"} <= verb_forms("verstrekken")
    assert {"retourneer", "retourneert", "geretourneerd"} <= verb_forms("retourneren")
    assert {"aanvang", "aanvangt"} <= verb_forms("aanvangen")


def test_a_passed_glossary_adds_terms_and_allowed_words():
    glossary = Glossary.from_data_files(
        terms=[{"term": "burgerzaken", "alternative": "de balie", "note": ""}],
        allowed=["Wijnbergen", "stadsdeelwethouder"],
    )
    report = analyze_text("Ga naar burgerzaken. De stadsdeelwethouder helpt.", glossary=glossary, config=B1Config())
    jargon = [i for i in report["issues"] if i["code"] == "jargon"]
    assert [(i["text"], i["suggestion"]) for i in jargon] == [("burgerzaken", "de balie")]
    assert "long_word" not in codes(report)


def test_an_allowed_word_switches_off_a_jargon_term():
    glossary = Glossary.from_data_files(allowed=["indien"])
    assert "jargon" not in codes(analyze_text("Indien u wilt, bel ons.", glossary=glossary, config=B1Config()))


def test_analysis_works_without_a_database(caplog):
    # No django_db mark: database access is blocked, so only the data files are used.
    invalidate_glossary_cache()
    report = analyze_text("Wij sturen de brief middels de post.", config=B1Config())
    assert "jargon" in codes(report)
    invalidate_glossary_cache()


@pytest.mark.django_db
def test_editors_glossary_entries_are_merged_and_picked_up_after_saving():
    from quality.models import AllowedWord, GlossaryTerm

    invalidate_glossary_cache()
    assert "stadsloket" not in {t["term"] for t in current_glossary().terms}

    term = GlossaryTerm.objects.create(term="stadsloket", alternative="balie", note="Zo heet het niet meer.")
    AllowedWord.objects.create(word="Wijnbergen")
    report = analyze_text("Ga naar het stadsloket.", config=B1Config())
    issue = next(i for i in report["issues"] if i["code"] == "jargon")
    assert (issue["text"], issue["suggestion"]) == ("stadsloket", "balie")
    assert "Zo heet het niet meer." in issue["message"]
    assert current_glossary().is_allowed("wijnbergen")
    assert "middels" in {t["term"] for t in current_glossary().terms}  # the data files stay

    term.delete()
    assert "jargon" not in codes(analyze_text("Ga naar het stadsloket.", config=B1Config()))
    invalidate_glossary_cache()


@pytest.mark.django_db
def test_glossary_models_read_well_in_the_admin():
    from quality.models import AllowedWord, GlossaryTerm

    assert str(GlossaryTerm(term="middels")) == "middels"
    assert str(AllowedWord(word="DigiD")) == "DigiD"
    assert GlossaryTerm._meta.verbose_name_plural == "ambtelijke woorden"
    assert AllowedWord._meta.verbose_name_plural == "toegestane woorden"


@pytest.mark.django_db
def test_editors_find_the_glossary_in_the_admin(client, django_user_model):
    from quality.models import GlossaryTerm

    GlossaryTerm.objects.create(term="stadsloket", alternative="balie")
    admin = django_user_model.objects.create_superuser("redacteur", "r@example.org", "geheim")
    client.force_login(admin)
    listing = client.get("/admin/snippets/readability/glossaryterm/")
    assert listing.status_code == 200
    assert "stadsloket" in listing.content.decode()
    assert "Taal (B1)" in client.get("/admin/").content.decode()
    assert client.get("/admin/snippets/readability/allowedword/add/").status_code == 200
    invalidate_glossary_cache()
