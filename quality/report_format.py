"""The report format that every language check shares (docs/b1.md): the same keys, the same
verdict rule, spans mapped back into HTML, and one verdict for a page of blocks.

The Dutch B1 check (``quality.b1``) and the plain-English check (``quality.plain_english``) each
count their own signals; this module turns those counts into the report that ``b1_check``, the
API, the stored revision report and the admin read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence


def run_checks(
    text: str,
    paragraphs: Iterable,
    config,
    issue_codes: Sequence[str],
    *,
    paragraph_checks: Callable[[object], list[dict]],
    sentence_checks: Callable[[object], list[dict]],
) -> tuple[list[dict], list[dict], list[list[str]], dict]:
    """Run a language's checks over segmented text (``quality.b1.segment``).

    Returns the issues (with ``config.disabled_checks`` left out and ``config.error_codes`` made
    errors, in text order), the report's sentences, the words of each sentence (for the
    reading-ease formula) and the number of long sentences per severity."""
    issues: list[dict] = []
    sentences: list[dict] = []
    sentence_words: list[list[str]] = []
    long_sentences = {"warning": 0, "error": 0}
    for paragraph in paragraphs:
        issues += paragraph_checks(paragraph)
        for sentence in paragraph.sentences:
            words = sentence.words
            sentences.append(
                {
                    "text": text[sentence.start : sentence.end],
                    "start": sentence.start,
                    "end": sentence.end,
                    "word_count": len(words),
                }
            )
            sentence_words.append([w.text for w in words])
            found = sentence_checks(sentence)
            for issue in found:
                if issue["code"] == "long_sentence":
                    long_sentences[issue["severity"]] += 1
            issues += found
    disabled = set(config.disabled_checks)
    issues = [i for i in issues if i["code"] not in disabled]
    for issue in issues:
        if issue["code"] in config.error_codes:
            issue["severity"] = "error"
    issues.sort(key=lambda i: (i["start"], issue_codes.index(i["code"])))
    return issues, sentences, sentence_words, long_sentences


def finish_report(
    stats: dict,
    issues: list[dict],
    sentences: list[dict],
    config,
    *,
    issue_codes: Sequence[str],
    score: Callable[[dict, Counter, object], tuple[int, dict]],
    level: Callable[[int, bool, object], tuple[str, str]],
) -> dict:
    """The report of analysed text: counts per issue code, the score and the points lost, and the
    verdict (``b1``: no error left and the score reaches ``config.min_score``)."""
    counts = Counter(i["code"] for i in issues)
    stats["issue_counts"] = {code: counts.get(code, 0) for code in issue_codes}
    value, penalties = score(stats, counts, config)
    stats["penalties"] = penalties
    verdict = value >= config.min_score and not any(i["severity"] == "error" for i in issues)
    level_code, label = level(value, verdict, config)
    return {
        "score": value,
        "b1": verdict,
        "level": level_code,
        "level_label": label,
        "sentences": sentences,
        "issues": issues,
        "stats": stats,
    }


def remap_to_markup(report: dict, starts: list[int], ends: list[int]) -> dict:
    """Point the spans of a report on the plain text of some HTML back into the HTML
    (``starts``/``ends`` from ``quality.b1.segment.html_to_text``)."""
    for item in report["sentences"] + report["issues"]:
        if item["end"] > item["start"]:
            item["start"], item["end"] = starts[item["start"]], ends[item["end"] - 1]
    return report


def combine_blocks(reports: dict[str, dict], formulas: dict[str, float]) -> tuple[list[dict], list[dict], dict]:
    """Issues, sentences and page statistics of block reports ``{key: report}``.

    Issues and sentences carry the ``key`` of their block. Counts are added up, so the page score
    weighs each block by its length; each reading-ease figure in ``formulas`` is averaged per word
    (the value is what a page without words gets)."""
    issues = [{**issue, "key": key} for key, r in reports.items() for issue in r["issues"]]
    sentences = [{**s, "key": key} for key, r in reports.items() for s in r["sentences"]]
    word_count = sum(r["stats"]["words"] for r in reports.values())
    sentence_count = len(sentences)
    stats = {
        "sentences": sentence_count,
        "words": word_count,
        "paragraphs": sum(r["stats"]["paragraphs"] for r in reports.values()),
        "avg_sentence_length": round(word_count / sentence_count, 1) if sentence_count else 0.0,
    }
    for formula, empty in formulas.items():
        weighted = sum(r["stats"][formula] * r["stats"]["words"] for r in reports.values())
        stats[formula] = round(weighted / word_count, 1) if word_count else empty
    stats["long_sentences"] = {
        severity: sum(r["stats"]["long_sentences"][severity] for r in reports.values())
        for severity in ("warning", "error")
    }
    return issues, sentences, stats
