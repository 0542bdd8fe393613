"""The plain-English checks. Each takes segmented text and returns issues in the shape of the
Dutch checks (``quality.b1.checks``), with a Dutch message for the editor."""

from __future__ import annotations

import re

from ..b1.checks import is_abbreviation, make_issue, match_phrases
from ..b1.segment import Sentence, Token
from . import messages
from .config import PlainEnglishConfig
from .lexicon import (
    BE_FORMS,
    ENGLISH_ABBREVIATIONS,
    GAP_WORDS,
    IRREGULAR_PARTICIPLES,
    JARGON_INDEX,
    KEEP_ABBREVIATIONS,
    NOT_PASSIVE,
    UPPERCASE_EXPANSIONS,
    syllables,
    zipf,
)

# "council's", "don't", "you're": the word without its clitic.
CLITIC_RE = re.compile(r"['’](?:s|t|re|ll|ve|d|m)$")
QUESTION_GAP = 4  # "Is my green bin emptied ...?": the subject stands between "is" and the participle
# Before these a participle is an adjective: "Is it a listed building?", "Is there a fixed fee?"
DETERMINERS = frozenset("a an the this that these those my your his her its our their no any some every each".split())


def check_sentence_length(text: str, sentence: Sentence, config: PlainEnglishConfig) -> list[dict]:
    count = len(sentence.words)
    if count > config.sentence_error_words:
        severity, message = "error", messages.sentence_too_long(count, config.sentence_error_words)
    elif count > config.sentence_warn_words:
        severity, message = "warning", messages.sentence_long(count, config.sentence_warn_words)
    else:
        return []
    return [make_issue("long_sentence", severity, sentence.start, sentence.end, text, message)]


def check_jargon(text: str, sentence: Sentence, allowed: frozenset[str], covered: set[int]) -> list[dict]:
    """Bureaucratic words and phrases with a plain alternative; adds the token starts they cover
    to ``covered``, so the word checks do not flag them again."""
    issues = []
    tokens = sentence.tokens
    for first, last, phrase in match_phrases(tokens, JARGON_INDEX):
        start, end = tokens[first].start, tokens[last].end
        if text[start:end].lower() in allowed:
            continue
        covered |= {t.start for t in tokens[first : last + 1]}
        message = messages.jargon(text[start:end], phrase.alternative, phrase.note)
        issues.append(make_issue("jargon", "warning", start, end, text, message, phrase.alternative))
    return issues


def _is_be(lower: str) -> bool:
    return lower in BE_FORMS or lower.endswith(("'re", "’re", "'m", "’m"))


def _is_participle(lower: str) -> bool:
    if lower in NOT_PASSIVE:
        return False
    if lower in IRREGULAR_PARTICIPLES:
        return True
    return len(lower) >= 4 and lower.endswith("ed") and lower.replace("-", "").isalpha()


def check_passive(text: str, sentence: Sentence, config: PlainEnglishConfig) -> list[dict]:
    """A form of "be" with a past participle: "is sent", "will be paid", "is not usually
    collected", "has been approved", and in a question "Is my bin emptied ...?"."""
    tokens = sentence.tokens
    lowers = [t.lower for t in tokens]
    issues, used = [], set()
    for i, lower in enumerate(lowers):
        if not _is_be(lower):
            continue
        question = i == 0
        limit = QUESTION_GAP if question else config.passive_max_gap
        hit = None
        for j in range(i + 1, min(len(tokens), i + limit + 2)):
            word = lowers[j]
            if tokens[j].kind != "word" or j in used:
                break
            if _is_participle(word):
                if lowers[j - 1] not in DETERMINERS:
                    hit = j
                break
            if not question and word not in GAP_WORDS and not word.endswith("ly"):
                break
        if hit is None:
            continue
        used.add(hit)
        start, end = tokens[i].start, tokens[hit].end
        issues.append(make_issue("passive", "warning", start, end, text, messages.passive(text[start:end])))
    return issues


def check_words(
    text: str,
    sentence: Sentence,
    covered: set[int],
    allowed: frozenset[str],
    config: PlainEnglishConfig,
    explained: set[str],
) -> list[dict]:
    """Abbreviations without an explanation, long rare words and words hardly any English reader
    knows (often a Dutch word left in the translation)."""
    issues = []
    words = sentence.words
    for position, token in enumerate(words):
        if token.start in covered or token.kind in ("number", "url") or token.lower in allowed:
            continue
        if token.kind == "abbr":
            if token.lower not in KEEP_ABBREVIATIONS:
                expansion = ENGLISH_ABBREVIATIONS.dotted.get(token.lower)
                message = messages.dotted_abbreviation(token.text, expansion)
                issues.append(make_issue("abbreviation", "warning", token.start, token.end, text, message, expansion))
            continue
        if any(c.isdigit() for c in token.text):
            continue
        if is_abbreviation(token, frequency=zipf):
            if token.text not in explained:
                expansion = UPPERCASE_EXPANSIONS.get(token.text)
                message = messages.abbreviation(token.text)
                issues.append(make_issue("abbreviation", "warning", token.start, token.end, text, message, expansion))
            continue
        if position > 0 and token.text[:1].isupper():
            continue  # a name: "Deventer", "Keizerstraat"
        issue = _word_difficulty(text, token, allowed, config)
        if issue:
            issues.append(issue)
    return issues


def _word_difficulty(text: str, token: Token, allowed: frozenset[str], config: PlainEnglishConfig) -> dict | None:
    word = CLITIC_RE.sub("", token.lower)
    if zipf(token.lower) >= config.long_word_zipf or zipf(word) >= config.long_word_zipf:
        return None
    parts = [p for p in re.split(r"[-/'’]", word) if len(p) > 2]
    if len(parts) > 1:  # "drop-off", "self-employed": hard only when a part is hardly English
        if any(p not in allowed and zipf(p) < config.difficult_word_zipf for p in parts):
            return _difficult(text, token)
        return None
    if len(word) <= 3:
        return None
    if syllables(word) > config.long_word_syllables:
        message = messages.long_word(token.text)
        return make_issue("long_word", "warning", token.start, token.end, text, message)
    if zipf(word) < config.difficult_word_zipf:
        return _difficult(text, token)
    return None


def _difficult(text: str, token: Token) -> dict:
    return make_issue("difficult_word", "warning", token.start, token.end, text, messages.difficult_word(token.text))
