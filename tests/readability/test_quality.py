"""Our own B1 quality set: the plain version of a message must always win."""

import pytest

from .conftest import PAIRS, codes

WORD_CODES = {"jargon", "difficult_word"}


def test_the_quality_set_is_big_enough():
    assert len(PAIRS["pairs"]) >= 25
    assert len(PAIRS["hard_words"]) >= 10
    assert len(PAIRS["plain_long_words"]) >= 15


@pytest.mark.parametrize("pair", PAIRS["pairs"], ids=lambda p: p["plain"][:40])
def test_the_plain_version_scores_higher_and_is_b1(analyze, pair):
    bureaucratic = analyze(pair["bureaucratic"])
    plain = analyze(pair["plain"])
    assert plain["score"] > bureaucratic["score"]
    assert plain["b1"] is True, plain["issues"]
    assert bureaucratic["issues"], "the bureaucratic version must be flagged"


def test_most_bureaucratic_versions_are_not_b1(analyze):
    verdicts = [analyze(p["bureaucratic"])["b1"] for p in PAIRS["pairs"]]
    assert verdicts.count(False) >= len(verdicts) * 0.9


@pytest.mark.parametrize("text", PAIRS["hard_words"])
def test_short_sentences_with_hard_words_are_not_b1(analyze, text):
    report = analyze(text)
    assert report["stats"]["words"] <= 10
    assert WORD_CODES & set(codes(report))
    assert report["b1"] is False


@pytest.mark.parametrize("text", PAIRS["hard_words"])
def test_short_sentences_with_hard_words_score_below_the_b1_threshold(analyze, text):
    report = analyze(text)
    assert report["score"] < 60


def test_flesch_douma_rates_several_hard_sentences_as_easy(analyze):
    easy_by_formula = [t for t in PAIRS["hard_words"] if analyze(t)["stats"]["flesch_douma"] >= 40]
    assert len(easy_by_formula) >= 3


@pytest.mark.parametrize("text", PAIRS["plain_long_words"])
def test_long_common_words_are_not_flagged(analyze, text):
    report = analyze(text)
    assert not {"long_word", "difficult_word"} & set(codes(report)), report["issues"]
    assert report["b1"] is True


@pytest.mark.parametrize("word", ["afvalkalender", "gemeentehuis", "rijbewijs", "paspoort", "parkeervergunning"])
def test_common_compounds_are_not_long_words(analyze, word):
    assert codes(analyze(f"Het gaat om uw {word}.")) == []
