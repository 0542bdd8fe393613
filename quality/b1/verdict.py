"""The Dutch B1 verdict, counted per sentence (docs/b1.md, "The verdict").

The score rewards short sentences, so a short text can score well while every sentence in it is
hard. Each sentence therefore gets a severity from its own issues (``ok``, ``minor`` or
``serious``). A text is not B1 when more than ``serious_sentence_share`` of its sentences is
serious (a text of at most ``short_text_sentences`` sentences: when any is), or when one sentence
stacks more than ``max_issues_per_sentence`` issues or two serious ones; and, as before, when an
error is left or the score is below ``min_score``. ``verdict_reason`` says why, in Dutch.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from . import messages
from .config import B1Config
from .hints import TIP_ORDER, sentence_hint
from .scoring import level

# Issue codes that make a sentence hard on their own. A passive is serious when its actor follows
# "door", a long word when it is also rare, a long sentence when it is an error: the check that
# finds the issue sets ``serious`` then.
SERIOUS_CODES = frozenset({"jargon", "nominalization", "difficult_word"})
DENSE_ABBREVIATIONS = 2  # this many unexplained abbreviations make a sentence serious
QUOTE_LENGTH = 60


def is_serious(issue: dict) -> bool:
    if issue["severity"] == "error":
        return True
    return issue.get("serious", issue["code"] in SERIOUS_CODES)


def annotate_sentences(sentences: list[dict], issues: list[dict], config: B1Config) -> None:
    """Give each report sentence its ``severity``, ``issue_codes``, ``stacked`` and ``hint``."""
    by_key: dict = defaultdict(list)
    for issue in issues:
        if issue["code"] != "long_paragraph":
            by_key[issue.get("key")].append(issue)
    for sentence in sentences:
        own = [i for i in by_key[sentence.get("key")] if sentence["start"] <= i["start"] < sentence["end"]]
        serious = [i for i in own if is_serious(i)]
        abbreviations = sum(1 for i in own if i["code"] == "abbreviation")
        dense = abbreviations >= DENSE_ABBREVIATIONS
        sentence["issue_codes"] = sorted({i["code"] for i in own}, key=_order)
        sentence["severity"] = "serious" if serious or dense else "minor" if own else "ok"
        sentence["serious_codes"] = sorted(
            {i["code"] for i in serious} | ({"abbreviation"} if dense else set()), key=_order
        )
        sentence["issue_count"] = len(own)
        sentence["stacked"] = len(own) > config.max_issues_per_sentence or len(serious) >= 2
        sentence["hint"] = sentence_hint(sentence["text"], own) if own else None


def _order(code: str) -> int:
    return TIP_ORDER.index(code) if code in TIP_ORDER else len(TIP_ORDER)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1].rstrip() + "…"


def _details(serious: list[dict], total: int) -> str:
    """'2 van de 3 zinnen zijn lijdend, 1 van de 3 zinnen heeft een moeilijk woord'."""
    counts = Counter(code for s in serious for code in s["serious_codes"])
    parts = [messages.sentences_with(code, counts[code], total) for code in sorted(counts, key=_order)]
    return ", ".join(parts[:3])


def judge(sentences: list[dict], config: B1Config) -> tuple[bool, str | None]:
    """Whether the sentences allow a B1 verdict, and the reason when they do not."""
    total = len(sentences)
    serious = [s for s in sentences if s["severity"] == "serious"]
    stacked = [s for s in sentences if s["stacked"]]
    if serious and total <= config.short_text_sentences:
        return False, messages.verdict_short_text(_details(serious, total))
    if total and len(serious) / total > config.serious_sentence_share:
        share = round(100 * len(serious) / total)
        return False, messages.verdict_share(
            _details(serious, total), share, round(100 * config.serious_sentence_share)
        )
    if stacked:
        first = stacked[0]
        names = [messages.PROBLEM_NAMES.get(code, code) for code in first["issue_codes"]]
        return False, messages.verdict_stacked(_quote(first["text"]), first["issue_count"], names)
    return True, None


def apply(report: dict, config: B1Config) -> dict:
    """Add the sentence verdict to a finished report: ``b1``, ``level`` and ``verdict_reason``."""
    sentences = report["sentences"]
    passes, reason = judge(sentences, config)
    if report["b1"] and not passes:
        report["b1"] = False
        report["level"], report["level_label"] = level(report["score"], False, config)
    elif not report["b1"] and reason is None:
        if any(i["severity"] == "error" for i in report["issues"]):
            reason = messages.verdict_error()
        else:
            reason = messages.verdict_score(report["score"], config.min_score)
    if report["b1"]:
        serious = sum(1 for s in sentences if s["severity"] == "serious")
        reason = messages.verdict_b1(serious, len(sentences), round(100 * config.serious_sentence_share))
    report["verdict_reason"] = reason
    report["stats"]["serious_sentences"] = sum(1 for s in sentences if s["severity"] == "serious")
    return report
