"""The B1 checks. Each takes segmented text and returns issues as plain dicts."""

from __future__ import annotations

import re

from . import messages
from .compounds import is_plain_word, rare_compound
from .config import B1Config
from .glossary import Glossary, Phrase
from .lexicon import (
    DOTTED_ABBREVIATIONS,
    UPPERCASE_EXPANSIONS,
    base_zipf,
    is_compound_of_common_words,
    syllables,
    zipf,
)
from .segment import Paragraph, Sentence, Token

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
        if first > 0 and tokens[first].text[:1].isupper() and tokens[first - 1].kind == "word":
            continue  # part of a name: "Verklaring Omtrent het Gedrag"
        covered |= span
        start, end = tokens[first].start, tokens[last].end
        message = make(text[start:end], phrase.alternative, phrase.note)
        issue = make_issue(code, "warning", start, end, text, message, phrase.alternative)
        if phrase.minor:
            issue["serious"] = False
        issues.append(issue)
    return issues


def is_abbreviation(token: Token, frequency=zipf, shouting: bool = True) -> bool:
    """Letters mostly in capitals (VOG, KvK) that are not a common word written in capitals;
    ``frequency`` is the Zipf frequency of the language (Dutch by default)."""
    letters = [c for c in token.text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if not (2 <= len(letters) <= 8 and upper >= 2 and upper * 2 >= len(letters)):
        return False
    # All capitals inside a sentence ("het OM") is an abbreviation even when the letters spell a
    # common word; a shouted word at the start of a line ("LET OP") is not.
    return frequency(token.lower) < 4.5 or (upper == len(letters) and not shouting)


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
    capitals = sum(1 for t in words if len(t.text) > 1 and t.text.isupper())
    shouting = capitals * 2 >= len(words)
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
        if is_abbreviation(token, shouting=shouting):
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
        return _difficult(text, token, messages.difficult_word(token.text))
    word = token.lower
    if len(word) <= 3 or is_plain_word(word):
        return None
    compound = rare_compound(word, config)
    if compound is not None:
        issue = _difficult(text, token, messages.rare_compound(token.text, compound))
        issue["parts"] = list(compound)
        return issue
    rare = _is_uncommon(word, config.rare_word_zipf, config)
    if syllables(word) > config.long_word_syllables and _is_uncommon(word, config.long_word_zipf, config):
        issue = make_issue("long_word", "warning", token.start, token.end, text, messages.long_word(token.text))
        issue["serious"] = rare
        return issue
    if _is_uncommon(word, config.difficult_word_zipf, config):
        return _difficult(text, token, messages.difficult_word(token.text), serious=rare)
    return None


def _difficult(text: str, token: Token, message: str, serious: bool = True) -> dict:
    issue = make_issue("difficult_word", "warning", token.start, token.end, text, message)
    issue["serious"] = serious
    return issue


def _is_uncommon(word: str, threshold: float, config: B1Config) -> bool:
    if len(word) <= 2 or base_zipf(word) >= threshold:
        return False
    return not is_compound_of_common_words(word, config.compound_part_zipf, config.compound_min_part_length)
