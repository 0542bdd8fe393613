"""Word knowledge for the B1 check: data files, word frequency, syllables and compounds.

Everything here is loaded once and cached, so a warm analysis does no file or model I/O.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

import pyphen
from wordfreq import zipf_frequency

DATA_DIR = Path(__file__).parent / "data"
VOWELS = frozenset("aeiouyáéíóúàèäëïöü")
SEPARABLE_PREFIXES = (
    "aan af bij door in mee na om op over terug toe uit vast voor weg samen tegen vrij kwijt binnen"
).split()
INSEPARABLE_PREFIXES = ("be", "ver", "ont", "her", "er", "ge")
SHORT_PART = 4  # parts this short are taken as written, without stripping an ending
VERB_STEM_MARGIN = 0.4  # a verb stem as first part of a compound may be this much rarer than a noun part
# Parts that make a word look like a compound of common words without being one.
NON_COMPOUND_PARTS = frozenset(
    "der des ten ter het een die dat van wat wie hun hen zij wij jij ons uw ook nog wel dan als maar men "
    "ver ont her tie ing ies ens ers els".split()
)


def load_data(name: str) -> dict:
    return _load_data(name)


@cache
def _load_data(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


_ABBREVIATIONS = _load_data("abbreviations_nl.json")
DOTTED_ABBREVIATIONS: dict[str, str] = _ABBREVIATIONS["dotted"]
SENTENCE_FINAL_ABBREVIATIONS = frozenset(_ABBREVIATIONS["sentence_final"])
UPPERCASE_EXPANSIONS: dict[str, str] = _ABBREVIATIONS["uppercase"]


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """Zipf frequency of a lower-case Dutch word (wordfreq), 0 for unknown words."""
    return zipf_frequency(word, "nl")


@lru_cache(maxsize=50_000)
def base_zipf(word: str) -> float:
    """The highest Zipf of the word and its likely base forms (plural, diminutive, conjugation)."""
    best = zipf(word)
    for suffix in ("tjes", "jes", "tje", "je", "en", "es", "s", "e", "t", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            best = max(best, zipf(word[: -len(suffix)]))
    if len(word) >= 6 and word.startswith("ge") and word[-1] in "dt":
        # A past participle: "geleegd" (legen), "gemeld" (melden).
        best = max(best, base_zipf(word[2:-1]))
    if len(word) >= 4 and (word[-1] not in VOWELS or word[-2:] in ("oi", "ei", "ui", "ai")):
        # A verb stem (imperative, "ik"-form): "sorteer" (sorteren), "meld" (melden), "strooi" (strooien).
        best = max(best, zipf(word + "en"))
        if word[-2] == word[-3] and word[-2] in VOWELS:
            best = max(best, zipf(word[:-2] + word[-1] + "en"))
    return best


_PYPHEN = pyphen.Pyphen(lang="nl_NL")
VOWEL_GROUP_RE = re.compile(r"[aeiouyáéíóúàè]+|[äëïöü][aeiouy]*")


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Dutch syllable count: the larger of pyphen's nl_NL hyphenation and a vowel-group count."""
    word = word.lower()
    by_hyphenation = len(_PYPHEN.positions(word)) + 1
    by_vowels = len(VOWEL_GROUP_RE.findall(word.replace("ij", "i")))
    return max(by_hyphenation, by_vowels, 1)


@lru_cache(maxsize=50_000)
def is_compound_of_common_words(word: str, part_zipf: float, min_part: int) -> bool:
    """True when ``word`` splits into parts that are each common ("afval|kalender|dag")."""
    return compound_parts(word, part_zipf, min_part) is not None


@lru_cache(maxsize=50_000)
def compound_parts(word: str, part_zipf: float, min_part: int) -> tuple[str, ...] | None:
    """The parts of ``word`` when it splits into parts that are each common, else None.

    ``afvalkalenderdag`` -> ``("afval", "kalender", "dag")``. A linking "s" or "e(n)" between parts
    is allowed and dropped ("omgeving|s|vergunning" -> ``("omgeving", "vergunning")``), and so is a
    verb stem as first part ("ophaal|dag"). Of the possible splits, the one with the fewest parts
    wins (then the longest first part), so a split never invents a short word inside a long one.
    """

    def common(part: str) -> bool:
        if len(part) < min_part or part in NON_COMPOUND_PARTS:
            return False
        # A short part must be common as written: "aans" is not "aan" with an ending.
        return (zipf(part) if len(part) <= SHORT_PART else base_zipf(part)) >= part_zipf

    def head_word(head: str) -> str | None:
        if common(head):
            return head
        if head[-1] in "se" and common(head[:-1]):
            return head[:-1]
        if head.endswith("en") and common(head[:-2]):
            return head[:-2]
        # A verb stem as first part: "ophaal|dag" (ophalen), "parkeer|vergunning" (parkeren),
        # "strooi|wagen" (strooien). Verbs are rarer than nouns in text, so a verb counts a little lower.
        verb_zipf = part_zipf - VERB_STEM_MARGIN
        infinitives = [head + "en"]
        if len(head) >= 4 and head[-2] == head[-3] and head[-2] in VOWELS:
            infinitives.append(head[:-2] + head[-1] + "en")  # ophaal -> ophalen
        common_verb = len(head) >= min_part and any(base_zipf(verb) >= verb_zipf for verb in infinitives)
        return head if common_verb else None

    @cache
    def splits(rest: str) -> tuple[str, ...] | None:
        best = None
        for cut in range(len(rest) - min_part, min_part - 1, -1):
            head, tail = rest[:cut], rest[cut:]
            first = head_word(head)
            if first is None:
                continue
            tail_parts = (tail,) if common(tail) else splits(tail)
            if tail_parts is None:
                continue
            candidate = (first, *tail_parts)
            if len(candidate) >= 4 and min(len(part) for part in candidate) < 5:
                continue  # "aan|lago|pleg|ging": many short pieces are a guess, not a compound
            if best is None or _split_rank(candidate) > _split_rank(best):
                best = candidate
        return best

    return splits(word)


def _split_rank(parts: tuple[str, ...]) -> tuple[int, float]:
    """Fewest parts first, then the split whose rarest part is most common: "norm|tabel" beats
    "normt|abel"."""
    return -len(parts), min(base_zipf(part) for part in parts)


# --- inflections for glossary terms --------------------------------------------------------


def _stems(infinitive: str) -> set[str]:
    stem = infinitive[:-2]
    stems = {stem}
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        stems = {stem[:-1]}  # verstrekk-en -> verstrek
    elif len(stem) >= 3 and stem[-1] not in VOWELS and stem[-2] in "aeou" and stem[-3] not in VOWELS:
        stems.add(stem[:-1] + stem[-2] + stem[-1])  # retourner-en -> retourneer (and keep vorder)
    return {s[:-1] + "f" if s.endswith("v") else s[:-1] + "s" if s.endswith("z") else s for s in stems}


def verb_forms(infinitive: str) -> set[str]:
    """Regular present, past and participle forms of a Dutch verb; over-generation is harmless."""
    if not infinitive.endswith("en") or len(infinitive) < 6:
        return set()
    forms = {infinitive}
    for stem in _stems(infinitive):
        forms |= {stem, stem + "t", stem + "te", stem + "ten", stem + "de", stem + "den"}
        if stem.endswith("t"):
            forms.add(stem)
        if infinitive.startswith(INSEPARABLE_PREFIXES):
            forms |= {stem + "d", stem + "t"}
        else:
            prefix = next((p for p in SEPARABLE_PREFIXES if stem.startswith(p) and len(stem) > len(p) + 2), "")
            rest = stem[len(prefix) :]
            forms |= {f"{prefix}ge{rest}d", f"{prefix}ge{rest}t"}
    return forms


def word_forms(word: str) -> set[str]:
    """The word and its likely inflections."""
    forms = {word} | verb_forms(word)
    if not forms - {word} and len(word) >= 4:
        forms |= {word + "e", word + "en", word + "s"}
        if word.endswith("e"):
            forms.add(word + "n")
    return forms
