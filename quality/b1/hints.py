"""A rewrite hint per flagged sentence: the words to change, quoted from the sentence, and what
to write instead (``sentences[].hint`` in the report; docs/b1.md)."""

from __future__ import annotations

import re

from . import messages
from .lexicon import DOTTED_ABBREVIATIONS, UPPERCASE_EXPANSIONS, zipf
from .structure import PARTICIPLE_RE, PARTICLES

MAX_TIPS = 3
# Issue codes in the order their tip is given: what makes a sentence hardest comes first.
TIP_ORDER = ("passive", "nominalization", "jargon", "difficult_word", "long_word", "abbreviation", "long_sentence")
SUBJECTS = {"ons": "wij", "u": "u", "uzelf": "u", "mij": "ik", "hen": "zij", "hem": "hij", "haar": "zij"}
PLURAL_SUBJECTS = frozenset({"wij", "zij"})
SPLIT_WORDS = ("omdat", "maar", "want", "terwijl", "zodat", "waarbij", "als", "en", "dan", "die", "dat")
_PARTICIPLE_PARTS = re.compile(
    rf"^(?P<particle>{'|'.join(sorted(PARTICLES, key=len, reverse=True))})?(?:ge)?(?P<stem>[a-zë]{{2,}}?)(?:d|t)$"
)
_INSEPARABLE = re.compile(r"^(?:be|ver|ont|her|er|onder|over|achter|mis)[a-zë]{2,}(?:d|t)$")


def _infinitive(stem: str) -> str | None:
    """The most common infinitive that fits a verb stem: "beoordeel" -> "beoordelen"."""
    candidates = [stem + "en"]
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        candidates.append(stem[:-2] + stem[-1] + "en")  # beoordeel -> beoordelen, leeg -> legen
    if stem.endswith("f"):
        candidates.append(stem[:-1] + "ven")
    if stem.endswith("s"):
        candidates.append(stem[:-1] + "zen")
    if (
        len(stem) >= 2
        and stem[-1] not in "aeiou"
        and stem[-2] in "aeiou"
        and (len(stem) < 3 or stem[-3] not in "aeiou")
    ):
        candidates.append(stem + stem[-1] + "en")  # stop -> stoppen
    best = max(candidates, key=zipf)
    return best if zipf(best) >= 2.5 else None


def active_sentence(actor: str, participle: str) -> str | None:
    """A start of the active sentence: ("de gemeente", "beoordeeld") -> "De gemeente beoordeelt …";
    None for participles we cannot turn back into a verb (irregular ones: "genomen")."""
    lower = participle.lower()
    particle, stem = "", None
    if _INSEPARABLE.match(lower) and not lower.startswith("ge"):
        stem = lower[:-1]
    else:
        match = _PARTICIPLE_PARTS.match(lower)
        if match and "ge" in lower:
            particle, stem = match["particle"] or "", match["stem"]
            if not lower[len(particle) :].startswith("ge"):
                return None
    if not stem or not PARTICIPLE_RE.match(lower):
        return None
    infinitive = _infinitive(stem)
    if infinitive is None:
        return None
    subject = SUBJECTS.get(actor.lower(), actor)
    if subject in PLURAL_SUBJECTS:
        verb = infinitive
    else:
        verb = stem if stem.endswith("t") else stem + "t"
    subject = subject[:1].upper() + subject[1:]
    tail = f" … {particle}" if particle else " …"
    return f"{subject} {verb}{tail}"


def _split_word(text: str) -> str | None:
    words = re.findall(r"\w+", text.lower())
    for index, word in enumerate(words):
        if index >= 4 and word in SPLIT_WORDS and index < len(words) - 3:
            return word
    return None


def _tip(issue: dict, sentence_text: str) -> str | None:
    code, found = issue["code"], issue["text"]
    if code == "passive":
        if "actor" in issue:
            return messages.hint_passive_actor(
                found, active_sentence(issue["actor"], issue["participle"]), issue["actor"]
            )
        return messages.hint_passive(found)
    if code == "nominalization":
        return messages.hint_nominalization(found, issue.get("suggestion"))
    if code == "jargon":
        return messages.hint_jargon(found, issue.get("suggestion"))
    if code == "difficult_word" and issue.get("parts"):
        return messages.hint_compound(found, issue["parts"])
    if code in ("difficult_word", "long_word"):
        return messages.hint_word(found)
    if code == "abbreviation":
        expansion = (
            issue.get("suggestion") or DOTTED_ABBREVIATIONS.get(found.lower()) or UPPERCASE_EXPANSIONS.get(found)
        )
        return messages.hint_abbreviation(found, expansion)
    if code == "long_sentence":
        return messages.hint_split(_split_word(sentence_text))
    return None


def _rank(code: str) -> int:
    return TIP_ORDER.index(code) if code in TIP_ORDER else len(TIP_ORDER)


def sentence_hint(sentence_text: str, issues: list[dict]) -> str | None:
    """One hint for a sentence from its issues, serious ones first, at most three tips."""
    ordered = sorted(
        issues,
        key=lambda i: (not i.get("serious", False), TIP_ORDER.index(i["code"]) if i["code"] in TIP_ORDER else 99),
    )
    tips: list[str] = []
    for issue in ordered:
        tip = _tip(issue, sentence_text)
        if tip and tip not in tips:
            tips.append(tip)
        if len(tips) == MAX_TIPS:
            break
    return " ".join(tips) or None
