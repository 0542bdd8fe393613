"""From counts to a 0-100 score (higher is easier) and a Dutch label.

The score starts at 100 and loses points for each signal. Flesch-Douma is only one of them and
weighs little: B1 is mostly about words and structure, and the formula rates short sentences
full of ambtelijke taal as easy. See docs/b1.md for the reasoning behind each weight.
"""

from __future__ import annotations

import textstat

from .config import B1Config

textstat.set_lang("nl")

# Points per "hard word", measured against the share of words that are hard.
WORD_WEIGHTS = {"jargon": 1.5, "difficult_word": 1.0, "long_word": 0.8, "abbreviation": 0.8}
# Points per structure problem, measured per sentence.
STRUCTURE_WEIGHTS = {"passive": 1.0, "nominalization": 1.5}
HARD_WORD_FACTOR = 250  # a 10-word sentence with one jargon word loses 37.5 points
STRUCTURE_FACTOR = 25  # one passive in every sentence costs 25 points
MIN_WORDS_FOR_DENSITY = 8
FLESCH_DOUMA_EASY = 65  # at or above: no points lost


def flesch_douma(sentence_words: list[list[str]]) -> float:
    """Flesch-Douma reading ease (textstat, Dutch), on our own sentence and word segmentation.

    The text is rebuilt as one plain line per sentence, so abbreviations, decimals and list
    markers cannot confuse textstat's own sentence counter.
    """
    lines = [" ".join(words) + "." for words in sentence_words if words]
    if not lines:
        return 100.0
    return float(textstat.flesch_reading_ease(" ".join(lines)))


def compute_score(
    stats: dict,
    issue_counts: dict[str, int],
    config: B1Config,
    *,
    formula: str = "flesch_douma",
    easy: float = FLESCH_DOUMA_EASY,
) -> tuple[int, dict]:
    """The score and the points lost per signal (for the report's ``stats.penalties``).

    ``formula`` names the reading-ease figure in ``stats`` and ``easy`` the value from which it
    costs nothing: Flesch-Douma for Dutch; another language's check passes its own."""
    sentences = max(stats["sentences"], 1)
    words = stats["words"]
    if words == 0:
        return 100, {}
    long_sentences = stats["long_sentences"]
    penalties = {
        "sentence_length": min(30.0, 2.5 * max(0.0, stats["avg_sentence_length"] - config.target_avg_sentence_words)),
        "long_sentences": min(20.0, 10 * (long_sentences["warning"] + 2 * long_sentences["error"]) / sentences),
        "words": min(
            60.0,
            HARD_WORD_FACTOR
            * sum(WORD_WEIGHTS[c] * issue_counts.get(c, 0) for c in WORD_WEIGHTS)
            / max(words, MIN_WORDS_FOR_DENSITY),
        ),
        "structure": min(
            35.0,
            STRUCTURE_FACTOR
            * sum(STRUCTURE_WEIGHTS[c] * issue_counts.get(c, 0) for c in STRUCTURE_WEIGHTS)
            / sentences,
        ),
        "paragraphs": min(10.0, 5.0 * issue_counts.get("long_paragraph", 0)),
        formula: min(15.0, max(0.0, (easy - stats[formula]) * 0.3)),
    }
    penalties = {k: round(v, 1) for k, v in penalties.items()}
    score = round(max(0.0, min(100.0, 100.0 - sum(penalties.values()))))
    return score, penalties


# The label per level code; "easy" is a B1 text that scores 80 or more.
LEVEL_LABELS = {
    "easy": "Taalniveau B1: goed te lezen",
    "B1": "Taalniveau B1: te lezen voor de meeste mensen",
    "B1-": "Bijna B1: verbeter eerst de zinnen die de controle noemt",
    "B2": "Boven B1: moeilijk voor veel lezers",
    "C1": "Ver boven B1: erg moeilijk om te lezen",
}


def level(score: int, b1: bool, config: B1Config, labels: dict[str, str] = LEVEL_LABELS) -> tuple[str, str]:
    """A short level code and the Dutch label shown to the editor."""
    if b1:
        return "B1", labels["easy"] if score >= 80 else labels["B1"]
    if score >= config.min_score:
        return "B1-", labels["B1-"]
    if score >= config.min_score - 25:
        return "B2", labels["B2"]
    return "C1", labels["C1"]
