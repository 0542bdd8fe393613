"""The B1 checks. Each takes segmented text and returns issues as plain dicts."""

from __future__ import annotations

import re

from . import messages
from .config import B1Config
from .glossary import Glossary, Phrase
from .lexicon import (
    DOTTED_ABBREVIATIONS,
    UPPERCASE_EXPANSIONS,
    base_zipf,
    is_compound_of_common_words,
    load_data,
    syllables,
    zipf,
)
from .segment import Paragraph, Sentence, Token

_NOMINALIZATIONS = load_data("nominalizations_nl.json")
NOMINAL_NOUNS: dict[str, str] = _NOMINALIZATIONS["nouns"]
LIGHT_VERB_FORMS = frozenset(form for forms in _NOMINALIZATIONS["light_verbs"].values() for form in forms)
VINDEN_FORMS = frozenset({"vindt", "vinden", "vond", "vonden", "gevonden"})

PASSIVE_WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
PASSIVE_ZIJN = frozenset({"is", "zijn", "was", "waren", "ben", "bent"})
PARTICIPLE_RE = re.compile(
    r"^(?:(?:aan|af|bij|door|in|mee|na|om|op|over|terug|toe|uit|vast|voor|weg|samen|tegen|vrij|kwijt)?ge[a-zë]{2,}"
    r"|(?:be|ver|ont|her|er)[a-zë]{2,})(?:d|t|en)$"
)
# Participles that take "zijn" in the perfect tense (active: "het paspoort is verlopen") or read as adjectives.
NOT_PASSIVE_ENDINGS = tuple(
    (
        "gegaan gekomen gebleven gebeurd gelukt gevallen gestegen gedaald gegroeid gestorven geslaagd gezakt "
        "geweest geworden geboren verhuisd overleden vertrokken veranderd gestopt begonnen verlopen verdwenen "
        "ontstaan verschenen gebleken verstreken afgelopen toegenomen afgenomen opgehouden mislukt ontsnapt "
        "gestart geland gevlucht gereisd gevlogen gelopen gezwommen gefietst verdwaald gewend bekend verplicht "
        "gezond geschikt gerust bereid bedoeld gevestigd verboden getrouwd gescheiden verzekerd benieuwd "
        "verkeerd gesloten geopend betrokken gelegen gewoon beschikbaar tevreden verliefd gelijk verschuldigd"
    ).split()
)
# Nouns that look like participles ("het bezit", "het besluit").
PARTICIPLE_LOOKALIKES = frozenset(
    "bezit bericht bestand beleid verbod verband gebied gezicht gedicht gevecht gewicht besluit gebit gerecht "
    "verzet verlet gehoor bedrijven gebouwen gemeenten".split()
)
DETERMINERS = frozenset(
    "de het een die deze dit dat uw onze hun zijn haar mijn jouw geen alle veel weinig elke ieder enkele".split()
)
SUBORDINATORS = frozenset(
    "omdat doordat zodat terwijl wanneer indien nadat voordat totdat hoewel zodra tenzij opdat mits "
    "waarin waarbij waarmee waarvoor waarop waardoor waarna waaruit waarover ofschoon aangezien".split()
)
AFTER_COMMA_SUBORDINATORS = frozenset({"dat", "die", "als", "wat", "wie", "of"})
CLAUSE_BREAKERS = frozenset(",;:()") | SUBORDINATORS | {"dat", "die", "en", "maar", "of", "want"}
STREET_SUFFIXES = (
    "straat", "weg", "laan", "plein", "singel", "gracht", "kade", "dijk", "steeg", "markt", "hof", "park", "pad",
)  # fmt: skip


def make_issue(code, severity, start, end, text, message, suggestion=None) -> dict:
    return {
        "code": code,
        "severity": severity,
        "start": start,
        "end": end,
        "text": text[start:end],
        "message": message,
        "suggestion": suggestion,
    }


def check_sentence_length(text: str, sentence: Sentence, config: B1Config) -> list[dict]:
    count = len(sentence.words)
    clauses = count_subordinate_clauses(sentence)
    too_many_clauses = config.max_subordinate_clauses is not None and clauses > config.max_subordinate_clauses
    if count > config.sentence_error_words:
        severity, message = "error", messages.sentence_too_long(count, config.sentence_error_words)
    elif count > config.sentence_warn_words:
        severity, message = "warning", messages.sentence_long(count, config.sentence_warn_words)
    elif too_many_clauses:
        severity, message = "warning", ""
    else:
        return []
    if too_many_clauses:
        message = (message + " " + messages.subordinate_clauses(clauses)).strip()
    return [make_issue("long_sentence", severity, sentence.start, sentence.end, text, message)]


def count_subordinate_clauses(sentence: Sentence) -> int:
    count, previous = 0, ""
    for token in sentence.tokens:
        lower = token.lower
        if lower in SUBORDINATORS or (lower in AFTER_COMMA_SUBORDINATORS and previous == ","):
            count += 1
        previous = lower
    return count


def check_paragraph_length(text: str, paragraph: Paragraph, config: B1Config) -> list[dict]:
    count = sum(len(s.words) for s in paragraph.sentences)
    if paragraph.is_list_item or count <= config.paragraph_max_words:
        return []
    return [
        make_issue(
            "long_paragraph",
            "warning",
            paragraph.start,
            paragraph.end,
            text,
            messages.paragraph_long(count, config.paragraph_max_words),
        )
    ]


def match_phrases(tokens: list[Token], index: dict[str, list[Phrase]]) -> list[tuple[int, int, Phrase]]:
    """Non-overlapping (first token, last token, phrase) matches, longest first."""
    words = [t.lower for t in tokens]
    found, i, count = [], 0, len(words)
    while i < count:
        for phrase in index.get(words[i], ()):
            size = len(phrase.words)
            if size > 1 and (i + 1 >= count or words[i + 1] != phrase.words[1]):
                continue
            if size == 1 or tuple(words[i : i + size]) == phrase.words:
                found.append((i, i + size - 1, phrase))
                i += size - 1
                break
        i += 1
    return found


def check_phrases(text: str, sentence: Sentence, glossary: Glossary, code: str, covered: set[int]) -> list[dict]:
    """Jargon or fixed nominalisation phrases; adds the token starts they cover to ``covered``."""
    issues = []
    tokens = sentence.tokens
    index = glossary.jargon_index if code == "jargon" else glossary.nominalization_index
    make = messages.jargon if code == "jargon" else messages.nominalization
    for first, last, phrase in match_phrases(tokens, index):
        span = {t.start for t in tokens[first : last + 1]}
        if span & covered:
            continue
        covered |= span
        start, end = tokens[first].start, tokens[last].end
        message = make(text[start:end], phrase.alternative, phrase.note)
        issues.append(make_issue(code, "warning", start, end, text, message, phrase.alternative))
    return issues


def check_light_verb_nominalizations(text: str, sentence: Sentence, covered: set[int]) -> list[dict]:
    """A hidden verb: a noun like "betaling" with a light verb like "verrichten" or "vindt ... plaats"."""
    words = sentence.words
    lowers = [t.lower for t in words]
    has_vinden = any(w in VINDEN_FORMS for w in lowers)
    issues = []
    for i, lower in enumerate(lowers):
        if lower not in LIGHT_VERB_FORMS or words[i].start in covered or (lower == "plaats" and not has_vinden):
            continue
        nearby = [j for j in range(max(0, i - 4), min(len(words), i + 5)) if lowers[j] in NOMINAL_NOUNS]
        nearby = [j for j in nearby if words[j].start not in covered]
        if not nearby:
            continue
        j = min(nearby, key=lambda k: abs(k - i))
        low, high = min(i, j), max(i, j)
        if lower == "plaats":  # "vindt de controle plaats": include the "vindt"
            low = min([k for k in range(max(0, low - 4), low) if lowers[k] in VINDEN_FORMS], default=low)
        first, last = words[low], words[high]
        verb = NOMINAL_NOUNS[lowers[j]]
        issues.append(
            make_issue(
                "nominalization",
                "warning",
                first.start,
                last.end,
                text,
                messages.nominalization(text[first.start : last.end], verb, None),
                verb,
            )
        )
        covered |= {t.start for t in words[low : high + 1]}
    return issues


def _is_participle(lowers: list[str], index: int) -> bool:
    lower = lowers[index]
    if lower in PARTICIPLE_LOOKALIKES or not PARTICIPLE_RE.match(lower) or lower.endswith(NOT_PASSIVE_ENDINGS):
        return False
    if index > 0 and lowers[index - 1] in DETERMINERS:
        return False  # "de verkiezingen", "het gebied": a noun
    if lower.endswith("en"):
        # Plural nouns: "gemeenten" (gemeente), "berichten" (bericht), "bedrijven" (bedrijf).
        singular = lower[:-2]
        candidates = (singular, lower[:-1], singular[:-1] + "f" if singular.endswith("v") else singular)
        return all(zipf(c) < 3 for c in candidates)
    return True


def check_passive(text: str, sentence: Sentence, config: B1Config) -> list[dict]:
    """Auxiliary + past participle, also split ("wordt ... verstuurd") and reversed ("verstuurd wordt")."""
    tokens = sentence.tokens
    lowers = [t.lower for t in tokens]
    issues, used = [], set()
    for i, lower in enumerate(lowers):
        if lower not in PASSIVE_WORDEN and lower not in PASSIVE_ZIJN:
            continue
        hit = None
        at_clause_end = i + 1 == len(tokens) or tokens[i + 1].kind == "punct" or lowers[i + 1] in CLAUSE_BREAKERS
        if at_clause_end and i > 1 and tokens[i - 1].kind == "word" and _is_participle(lowers, i - 1):
            hit = i - 1  # "dat de brief verstuurd wordt"
        else:
            gap = config.passive_max_gap if lower in PASSIVE_WORDEN else min(config.passive_max_gap, 3)
            for j in range(i + 1, min(len(tokens), i + gap + 2)):
                if lowers[j] in CLAUSE_BREAKERS or (j > i + 1 and lowers[j] in PASSIVE_WORDEN | PASSIVE_ZIJN):
                    break
                if tokens[j].kind == "word" and _is_participle(lowers, j):
                    hit = j
                    break
        if hit is None:
            continue
        used.add(hit)
        first, last = tokens[min(i, hit)], tokens[max(i, hit)]
        issues.append(
            make_issue(
                "passive", "warning", first.start, last.end, text, messages.passive(text[first.start : last.end])
            )
        )
    return issues


def is_abbreviation(token: Token, frequency=zipf) -> bool:
    """Letters mostly in capitals (VOG, KvK) that are not a common word written in capitals;
    ``frequency`` is the Zipf frequency of the language (Dutch by default)."""
    letters = [c for c in token.text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return 2 <= len(letters) <= 8 and upper >= 2 and upper * 2 >= len(letters) and frequency(token.lower) < 4.5


def explained_abbreviations(text: str) -> set[str]:
    """Abbreviations written next to their meaning: "burgerservicenummer (BSN)" or "BSN (burgerservicenummer)"."""
    explained = set(re.findall(r"\w[\w\s-]{3,}\(\s*([A-Za-z]{2,8})\s*\)", text))
    explained |= set(re.findall(r"\b([A-Za-z]{2,8})\s*\(\s*\w[\w\s-]{3,}\)", text))
    return explained


def check_words(
    text: str,
    sentence: Sentence,
    covered: set[int],
    glossary: Glossary,
    config: B1Config,
    explained: set[str],
) -> list[dict]:
    """Unexplained abbreviations, uncommon words and long uncommon words."""
    issues = []
    words = sentence.words
    for position, token in enumerate(words):
        if token.start in covered or token.kind in ("number", "url") or glossary.is_allowed(token.text):
            continue
        if token.kind == "abbr":
            expansion = DOTTED_ABBREVIATIONS.get(token.lower)
            issues.append(
                make_issue(
                    "abbreviation",
                    "warning",
                    token.start,
                    token.end,
                    text,
                    messages.dotted_abbreviation(token.text, expansion),
                    expansion,
                )  # fmt: skip
            )
            continue
        if any(c.isdigit() for c in token.text):
            continue
        if is_abbreviation(token):
            if token.text not in explained:
                expansion = UPPERCASE_EXPANSIONS.get(token.text)
                issues.append(
                    make_issue(
                        "abbreviation",
                        "warning",
                        token.start,
                        token.end,
                        text,
                        messages.abbreviation(token.text),
                        expansion,
                    )  # fmt: skip
                )
            continue
        if position > 0 and token.text[:1].isupper():
            continue  # a name: "Keizerstraat", "Jansen"
        following = words[position + 1] if position + 1 < len(words) else None
        if token.lower.endswith(STREET_SUFFIXES) and following is not None and following.kind == "number":
            continue  # a street name at the start of a sentence
        issue = _word_difficulty(text, token, glossary, config)
        if issue:
            issues.append(issue)
    return issues


def _word_difficulty(text: str, token: Token, glossary: Glossary, config: B1Config) -> dict | None:
    parts = [p for p in re.split(r"[-/'’]", token.lower) if p]
    if len(parts) > 1:
        hard = [p for p in parts if not glossary.is_allowed(p) and _is_uncommon(p, config.difficult_word_zipf, config)]
        if not hard:
            return None
        return make_issue(
            "difficult_word", "warning", token.start, token.end, text, messages.difficult_word(token.text)
        )
    word = token.lower
    if len(word) <= 3:
        return None
    if syllables(word) > config.long_word_syllables and _is_uncommon(word, config.long_word_zipf, config):
        return make_issue("long_word", "warning", token.start, token.end, text, messages.long_word(token.text))
    if _is_uncommon(word, config.difficult_word_zipf, config):
        return make_issue(
            "difficult_word", "warning", token.start, token.end, text, messages.difficult_word(token.text)
        )
    return None


def _is_uncommon(word: str, threshold: float, config: B1Config) -> bool:
    if len(word) <= 2 or base_zipf(word) >= threshold:
        return False
    return not is_compound_of_common_words(word, config.compound_part_zipf, config.compound_min_part_length)
