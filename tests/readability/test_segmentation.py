from quality.b1.segment import segment, tokenize

from .conftest import codes


def sentence_texts(report):
    return [s["text"] for s in report["sentences"]]


def test_abbreviations_with_periods_do_not_end_a_sentence(analyze):
    report = analyze("Neem o.a. uw paspoort mee, bijv. een oude. Dat is d.w.z. verplicht. Bel nr. 14 0570.")
    assert sentence_texts(report) == [
        "Neem o.a. uw paspoort mee, bijv. een oude.",
        "Dat is d.w.z. verplicht.",
        "Bel nr. 14 0570.",
    ]


def test_decimals_and_times_stay_inside_one_sentence(analyze):
    report = analyze("Een paspoort kost € 84,30 of 1.000 euro. Wij zijn open van 8.30 tot 17.00 uur.")
    assert [s["word_count"] for s in report["sentences"]] == [7, 8]


def test_sentence_spans_point_into_the_input(analyze):
    text = "  Kom op tijd.\nNeem uw pas mee!  Bel ons?"
    report = analyze(text)
    for sentence in report["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    assert sentence_texts(report) == ["Kom op tijd.", "Neem uw pas mee!", "Bel ons?"]


def test_bullet_lines_and_headings_are_separate_sentences(analyze):
    text = "# Wat neemt u mee\n\nNeem mee:\n- uw paspoort\n- een pasfoto\n* het formulier\n1. uw pinpas"
    assert sentence_texts(analyze(text)) == [
        "Wat neemt u mee",
        "Neem mee:",
        "uw paspoort",
        "een pasfoto",
        "het formulier",
        "uw pinpas",
    ]


def test_a_sentence_wrapped_over_two_lines_stays_one_sentence(analyze):
    report = analyze("Kom met uw pas\nnaar de balie in het gemeentehuis.")
    assert report["stats"]["sentences"] == 1


def test_an_initial_does_not_end_a_sentence(analyze):
    assert len(analyze("Bel met J. Jansen van de gemeente.")["sentences"]) == 1


def test_urls_and_markdown_links_are_not_words(analyze):
    report = analyze("Kijk op [onze site](https://www.deventer.nl/afval) voor **meer** uitleg.")
    assert report["stats"]["sentences"] == 1
    assert "difficult_word" not in codes(report)


def test_tokenizer_keeps_dotted_abbreviations_whole():
    tokens = tokenize("Neem bijv. uw pas mee, d.w.z. een ID-kaart.")
    assert [t.text for t in tokens if t.kind == "abbr"] == ["bijv.", "d.w.z."]
    assert "ID-kaart" in [t.text for t in tokens]


def test_blank_lines_separate_paragraphs():
    paragraphs = segment("Eerste alinea. Nog een zin.\n\nTweede alinea.")
    assert [len(p.sentences) for p in paragraphs] == [2, 1]


def test_html_is_analysed_with_spans_into_the_markup(glossary):
    from quality.b1.analysis import analyze_html

    markup = "<p>Wij sturen u <b>middels</b> een brief.</p><ul><li>Kom op tijd</li><li>Neem uw pas mee</li></ul>"
    report = analyze_html(markup, glossary=glossary)
    assert [s["text"] for s in report["sentences"]] == [
        "Wij sturen u middels een brief.",
        "Kom op tijd",
        "Neem uw pas mee",
    ]
    jargon = next(i for i in report["issues"] if i["code"] == "jargon")
    assert markup[jargon["start"] : jargon["end"]] == "middels"
    first = report["sentences"][0]
    assert markup[first["start"] : first["end"]] == "Wij sturen u <b>middels</b> een brief."


def test_html_entities_and_scripts_are_handled(glossary):
    from quality.b1.analysis import analyze_html

    report = analyze_html("<p>Caf&eacute;&nbsp;open.</p><script>var x = 'teneinde';</script>", glossary=glossary)
    assert [s["text"] for s in report["sentences"]] == ["Café open."]
    assert "jargon" not in [i["code"] for i in report["issues"]]
