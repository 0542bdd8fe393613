"""Word knowledge for the plain-English check: data files, English word frequency, syllables,
verb forms, and the Flesch formulas. Loaded once and cached, like the Dutch lexicon.

The Flesch formulas use textstat's English constants, but on our own sentences, words and
syllables, and without textstat's global language setting (the Dutch check sets it to "nl").
textstat counts English syllables with NLTK's CMU dictionary, which it downloads on first use:
a network call while an editor types, and impossible where the hub runs without internet. So
syllables are counted here, from pyphen's en_US hyphenation and a vowel-group count.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

import pyphen
from textstat.backend.utils import get_lang_cfg
from wordfreq import zipf_frequency

from ..b1.glossary import build_phrase_index
from ..b1.segment import Abbreviations

DATA_DIR = Path(__file__).parent / "data"
VOWELS = frozenset("aeiouy")


@cache
def load_data(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


_ABBREVIATIONS = load_data("abbreviations_en.json")
ENGLISH_ABBREVIATIONS = Abbreviations(_ABBREVIATIONS["dotted"], frozenset(_ABBREVIATIONS["sentence_final"]))
UPPERCASE_EXPANSIONS: dict[str, str] = _ABBREVIATIONS["uppercase"]
KEEP_ABBREVIATIONS = frozenset(_ABBREVIATIONS["keep"])
ALLOWED = frozenset(word.lower() for word in load_data("allowed_en.json")["words"])

_PASSIVE = load_data("passive_en.json")
BE_FORMS = frozenset(_PASSIVE["be"])
IRREGULAR_PARTICIPLES = frozenset(_PASSIVE["irregular_participles"])
NOT_PASSIVE = frozenset(_PASSIVE["not_passive"])
GAP_WORDS = frozenset(_PASSIVE["gap_words"])


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """Zipf frequency of a lower-case English word (wordfreq), 0 for unknown words."""
    return zipf_frequency(word, "en")


_PYPHEN = pyphen.Pyphen(lang="en_US")
VOWEL_GROUP_RE = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """English syllable count: the larger of pyphen's en_US hyphenation and a vowel-group count
    that knows the silent e ("make"), the silent -ed ("closed") and -es ("homes")."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 1
    groups = len(VOWEL_GROUP_RE.findall(word))
    if groups > 1 and len(word) > 3:
        before = word[-3]
        if word.endswith("e") and not (word.endswith("le") and before not in VOWELS) and word[-2] not in VOWELS:
            groups -= 1  # make, whole (but table)
        elif word.endswith("ed") and before not in VOWELS and before not in "td":
            groups -= 1  # closed (but collected, emptied)
        elif word.endswith("es") and before not in VOWELS and before not in "sxzcgh":
            groups -= 1  # homes (but boxes, places, pages)
    groups += len(re.findall(r"(?<![ct])ia", word)) + word.endswith("ea") * (len(word) > 3)  # media, area
    by_hyphenation = len(_PYPHEN.positions(word)) + 1
    return max(groups, by_hyphenation, 1)


def verb_forms(verb: str) -> set[str]:
    """Regular forms of an English verb (-s, -ed, -ing, doubled final consonant); over-generation
    is harmless."""
    forms = {verb, verb + "s"}
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in VOWELS:
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    else:
        forms |= {verb + "es", verb + "ed", verb + "ing"}
        if len(verb) >= 3 and verb[-1] not in VOWELS | {"w", "x"} and verb[-2] in VOWELS and verb[-3] not in VOWELS:
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # submitted, incurred
    return forms


def _jargon_entries() -> list[dict]:
    entries = []
    for entry in load_data("jargon_en.json")["terms"]:
        if entry.get("verb"):
            first, *rest = entry["term"].split()
            entry = {**entry, "forms": [" ".join([form, *rest]) for form in sorted(verb_forms(first))]}
        entries.append(entry)
    return entries


# Phrases are matched as written; verbs also in the forms listed above.
JARGON_INDEX = build_phrase_index(_jargon_entries(), frozenset(), forms=lambda word: {word})

# textstat's English Flesch constants; Flesch-Kincaid's are fixed in the formula.
FRE_BASE = get_lang_cfg("en", "fre_base")
FRE_SENTENCE_LENGTH = get_lang_cfg("en", "fre_sentence_length")
FRE_SYLLABLES_PER_WORD = get_lang_cfg("en", "fre_syll_per_word")


def flesch(sentence_words: list[list[str]]) -> tuple[float, float]:
    """Flesch reading ease (higher is easier; 60-70 is plain English) and Flesch-Kincaid grade
    (school years) of sentences given as their words."""
    words = [word for sentence in sentence_words for word in sentence]
    sentences = sum(1 for sentence in sentence_words if sentence)
    if not words:
        return 100.0, 0.0
    per_sentence = len(words) / sentences
    per_word = sum(syllables(word) for word in words) / len(words)
    ease = FRE_BASE - FRE_SENTENCE_LENGTH * per_sentence - FRE_SYLLABLES_PER_WORD * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return ease, grade
