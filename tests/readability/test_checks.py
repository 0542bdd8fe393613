import pytest

from quality.b1.analysis import ISSUE_CODES

from .conftest import codes, issue_texts

LONG_SENTENCE = (
    "Als u een nieuw paspoort wilt hebben moet u eerst online een afspraak maken en daarna met een pasfoto "
    "en uw oude paspoort naar ons toe komen."
)


def only(report, code):
    found = [i for i in report["issues"] if i["code"] == code]
    assert found, f"no {code} in {codes(report)}"
    return found


def test_every_issue_points_at_its_own_text(analyze):
    text = "Indien u het formulier retourneert, wordt uw aanvraag door ons beoordeeld. Neem o.a. uw WOZ-brief mee."
    report = analyze(text)
    assert report["issues"]
    for issue in report["issues"]:
        assert text[issue["start"] : issue["end"]] == issue["text"]
        assert issue["code"] in ISSUE_CODES
        assert issue["severity"] in ("warning", "error")
        assert issue["message"]


def test_a_sentence_above_twenty_words_is_an_error(analyze):
    report = analyze(LONG_SENTENCE)
    issue = only(report, "long_sentence")[0]
    assert issue["severity"] == "error"
    assert issue["text"] == LONG_SENTENCE
    assert f"{len(LONG_SENTENCE.split())} woorden" in issue["message"]
    assert report["b1"] is False


def test_a_sentence_of_sixteen_words_is_a_warning(analyze):
    text = "Maak eerst online een afspraak en neem dan uw oude paspoort en een nieuwe pasfoto mee."
    assert len(text.split()) == 16
    assert only(analyze(text), "long_sentence")[0]["severity"] == "warning"


def test_a_sentence_of_fifteen_words_is_fine(analyze):
    text = "Maak eerst online een afspraak en neem dan uw paspoort en een nieuwe pasfoto mee."
    assert "long_sentence" not in codes(analyze(text))


def test_sentence_thresholds_come_from_the_config(analyze):
    text = "Maak eerst online een afspraak bij de balie van de gemeente."
    assert "long_sentence" not in codes(analyze(text))
    issue = only(analyze(text, sentence_warn_words=5, sentence_error_words=8), "long_sentence")[0]
    assert issue["severity"] == "error"


def test_two_subordinate_clauses_in_one_sentence_give_a_warning(analyze):
    text = "U krijgt een brief omdat u verhuist, nadat wij uw melding hebben gezien."
    issue = only(analyze(text), "long_sentence")[0]
    assert "bijzinnen" in issue["message"]
    assert "long_sentence" not in codes(analyze(text, max_subordinate_clauses=None))


def test_jargon_gets_the_plain_alternative(analyze):
    report = analyze("Wij sturen de brief middels de post.")
    issue = only(report, "jargon")[0]
    assert issue["text"] == "middels"
    assert issue["suggestion"] == "met / via"
    assert "ambtelijke taal" in issue["message"]


def test_jargon_phrases_match_across_words_and_case(analyze):
    report = analyze("In Het Kader Van de veiligheid is de weg dicht.")
    assert issue_texts(report, "jargon") == ["In Het Kader Van"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Wij verstrekken u een pas.", "verstrekken"),
        ("De gemeente verstrekt een pas.", "verstrekt"),
        ("De pas is verstrekt.", "verstrekt"),
        ("U retourneert het formulier.", "retourneert"),
        ("Het werk vangt aan op maandag.", "vangt aan"),
    ],
)
def test_jargon_verbs_are_found_in_their_inflected_forms(analyze, text, found):
    assert found in issue_texts(analyze(text), "jargon")


def test_passive_voice_is_found(analyze):
    issue = only(analyze("Uw aanvraag wordt beoordeeld."), "passive")[0]
    assert issue["text"] == "wordt beoordeeld"


def test_split_passive_spans_the_words_in_between(analyze):
    text = "De brief wordt binnen twee weken naar u verstuurd."
    assert issue_texts(analyze(text), "passive") == ["wordt binnen twee weken naar u verstuurd"]


def test_passive_at_the_end_of_a_subordinate_clause_is_found(analyze):
    assert issue_texts(analyze("Wij bellen u als de pas gemaakt wordt."), "passive") == ["gemaakt wordt"]


@pytest.mark.parametrize(
    "text",
    [
        "Uw paspoort is verlopen.",
        "Het gemeentehuis is op maandag gesloten.",
        "Mijn buurman is verhuisd.",
        "Er zijn verkiezingen in maart.",
        "Zijn bericht is aangekomen.",
        "Wij sturen u een brief.",
    ],
)
def test_active_sentences_and_states_are_not_passive(analyze, text):
    assert "passive" not in codes(analyze(text))


@pytest.mark.parametrize(
    ("text", "found", "verb"),
    [
        ("Wij nemen uw aanvraag in behandeling.", "nemen uw aanvraag in behandeling", "behandelen"),
        ("Het doen van een melding kan online.", "Het doen van een melding", "melden"),
        ("U moet binnen zes weken overgaan tot betaling.", "overgaan tot betaling", "betalen"),
        ("Wij dragen zorg voor de bomen.", "dragen zorg voor", "zorgen voor"),
        ("Daarna vindt de controle plaats.", "vindt de controle plaats", "controleren"),
        ("U kunt de betaling verrichten aan de balie.", "betaling verrichten", "betalen"),
    ],
)
def test_nominalisations_get_the_hidden_verb(analyze, text, found, verb):
    issue = only(analyze(text), "nominalization")[0]
    assert issue["text"] == found
    assert issue["suggestion"] == verb


def test_making_an_appointment_is_not_a_nominalisation(analyze):
    assert "nominalization" not in codes(analyze("Maak een afspraak. Dien uw bezwaar in."))


def test_uncommon_word_is_difficult(analyze):
    issue = only(analyze("Wij doen dit uit piëteit."), "difficult_word")[0]
    assert issue["text"] == "piëteit"


def test_uncommon_long_word_is_long_word(analyze):
    issue = only(analyze("Dit geldt voor de subsidiëringssystematiek."), "long_word")[0]
    assert issue["text"] == "subsidiëringssystematiek"


def test_word_frequency_threshold_comes_from_the_config(analyze):
    text = "De kliko staat op de stoep."
    assert "difficult_word" not in codes(analyze(text))
    assert "difficult_word" in codes(analyze("De stoeprand is laag.", difficult_word_zipf=5.5))


def test_names_numbers_and_street_names_are_not_difficult(analyze):
    report = analyze("Keizerstraat 12 is dicht. Bel met mevrouw Wijnbergen op 0570 693 000. Ga naar Zwolle.")
    assert not {"difficult_word", "long_word"} & set(codes(report))


def test_unexplained_letter_abbreviation_is_flagged_with_its_expansion(analyze):
    issue = only(analyze("Vraag een VOG aan."), "abbreviation")[0]
    assert issue["text"] == "VOG"
    assert "Verklaring Omtrent het Gedrag" in issue["suggestion"]


def test_an_explained_abbreviation_is_fine(analyze):
    report = analyze("Vraag een Verklaring Omtrent het Gedrag (VOG) aan. De VOG kost geld.")
    assert "abbreviation" not in codes(report)


def test_allowed_abbreviations_and_shouting_are_fine(analyze):
    assert "abbreviation" not in codes(analyze("Log in met DigiD. Zet uw BSN erop. LET OP: bel het KCC."))


def test_dotted_abbreviation_gets_the_full_words(analyze):
    issue = only(analyze("Neem o.a. uw pas mee."), "abbreviation")[0]
    assert (issue["text"], issue["suggestion"]) == ("o.a.", "onder andere")


def test_a_long_paragraph_is_flagged(analyze):
    sentence = "Neem uw oude paspoort mee naar de balie. "
    text = sentence * 10 + "\n\nKort."
    issue = only(analyze(text), "long_paragraph")[0]
    assert issue["start"] == 0
    assert issue["end"] == len(sentence * 10) - 1
    assert "long_paragraph" not in codes(analyze(text, paragraph_max_words=100))


def test_list_items_do_not_count_as_one_long_paragraph(analyze):
    text = "\n".join(f"- Neem uw oude paspoort en uw pasfoto mee nummer {n}" for n in range(10))
    assert "long_paragraph" not in codes(analyze(text))


def test_error_codes_and_disabled_checks_come_from_the_config(analyze):
    text = "Wij sturen de brief middels de post. De brief wordt verstuurd."
    strict = analyze(text, error_codes=("jargon",))
    assert only(strict, "jargon")[0]["severity"] == "error"
    assert strict["b1"] is False
    assert "passive" not in codes(analyze(text, disabled_checks=("passive",)))


def test_empty_text_is_b1(analyze):
    report = analyze("")
    assert (report["score"], report["b1"], report["sentences"], report["issues"]) == (100, True, [], [])
