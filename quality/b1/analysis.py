"""Dutch B1 analysis: the report that ``b1_check``, the API and the admin share.

``analyze_text`` needs no database: pass ``glossary=Glossary.from_data_files()`` (or your own
``Glossary``). Without it, the data files are merged with the editors' glossary from the database
when Django is set up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from . import checks
from .config import B1Config, get_config
from .glossary import Glossary, current_glossary
from .scoring import compute_score, flesch_douma, level
from .segment import html_to_text, segment

ISSUE_CODES = (
    "long_sentence",
    "jargon",
    "passive",
    "nominalization",
    "difficult_word",
    "long_word",
    "abbreviation",
    "long_paragraph",
)


def analyze_text(text: str, *, config: B1Config | None = None, glossary: Glossary | None = None) -> dict:
    """Analyse plain text (or simple Markdown); spans are character offsets into ``text``."""
    config = config or get_config()
    glossary = glossary or current_glossary()
    text = text or ""
    paragraphs = segment(text)
    explained = checks.explained_abbreviations(text)
    disabled = set(config.disabled_checks)

    issues: list[dict] = []
    report_sentences: list[dict] = []
    sentence_words: list[list[str]] = []
    long_sentences = {"warning": 0, "error": 0}
    for paragraph in paragraphs:
        issues += checks.check_paragraph_length(text, paragraph, config)
        for sentence in paragraph.sentences:
            words = sentence.words
            report_sentences.append(
                {
                    "text": text[sentence.start : sentence.end],
                    "start": sentence.start,
                    "end": sentence.end,
                    "word_count": len(words),
                }
            )
            sentence_words.append([w.text for w in words])
            length_issues = checks.check_sentence_length(text, sentence, config)
            for issue in length_issues:
                long_sentences[issue["severity"]] += 1
            covered: set[int] = set()  # token starts already explained by a phrase issue
            issues += length_issues
            issues += checks.check_phrases(text, sentence, glossary, "nominalization", covered)
            issues += checks.check_light_verb_nominalizations(text, sentence, covered)
            issues += checks.check_phrases(text, sentence, glossary, "jargon", covered)
            issues += checks.check_passive(text, sentence, config)
            issues += checks.check_words(text, sentence, covered, glossary, config, explained)

    issues = [i for i in issues if i["code"] not in disabled]
    for issue in issues:
        if issue["code"] in config.error_codes:
            issue["severity"] = "error"
    issues.sort(key=lambda i: (i["start"], ISSUE_CODES.index(i["code"])))

    word_count = sum(s["word_count"] for s in report_sentences)
    stats = {
        "sentences": len(report_sentences),
        "words": word_count,
        "paragraphs": len(paragraphs),
        "avg_sentence_length": round(word_count / len(report_sentences), 1) if report_sentences else 0.0,
        "flesch_douma": round(flesch_douma(sentence_words), 1),
        "long_sentences": long_sentences,
    }
    return _finish(stats, issues, report_sentences, config)


def _finish(stats: dict, issues: list[dict], sentences: list[dict], config: B1Config) -> dict:
    counts = Counter(i["code"] for i in issues)
    stats["issue_counts"] = {code: counts.get(code, 0) for code in ISSUE_CODES}
    score, penalties = compute_score(stats, counts, config)
    stats["penalties"] = penalties
    b1 = score >= config.min_score and not any(i["severity"] == "error" for i in issues)
    level_code, label = level(score, b1, config)
    return {
        "score": score,
        "b1": b1,
        "level": level_code,
        "level_label": label,
        "sentences": sentences,
        "issues": issues,
        "stats": stats,
    }


def analyze_html(markup: str, *, config: B1Config | None = None, glossary: Glossary | None = None) -> dict:
    """Analyse HTML (e.g. Wagtail rich text). Spans point into ``markup``; texts are the plain text."""
    plain, starts, ends = html_to_text(markup or "")
    report = analyze_text(plain, config=config, glossary=glossary)

    def remap(item: dict) -> None:
        if item["end"] > item["start"]:
            item["start"], item["end"] = starts[item["start"]], ends[item["end"] - 1]

    for item in report["sentences"] + report["issues"]:
        remap(item)
    return report


def analyze_texts(
    blocks: Iterable[tuple[str, str]], *, config: B1Config | None = None, glossary: Glossary | None = None
) -> dict:
    """One verdict for a page made of blocks: ``[(key, text), ...]`` -> page report.

    The page score is computed from the counts of all blocks together, so a short block does not
    weigh as much as a long one. ``blocks`` holds each block's own report; ``issues`` and
    ``sentences`` carry a ``key`` so the editor can find the block.
    """
    config = config or get_config()
    glossary = glossary or current_glossary()
    reports: dict[str, dict] = {}
    for key, text in blocks:
        if key in reports:
            raise ValueError(f"Duplicate block key {key!r}")
        reports[key] = analyze_text(text, config=config, glossary=glossary)

    issues = [{**issue, "key": key} for key, r in reports.items() for issue in r["issues"]]
    sentences = [{**s, "key": key} for key, r in reports.items() for s in r["sentences"]]
    word_count = sum(r["stats"]["words"] for r in reports.values())
    sentence_count = len(sentences)
    weighted_fd = sum(r["stats"]["flesch_douma"] * r["stats"]["words"] for r in reports.values())
    stats = {
        "sentences": sentence_count,
        "words": word_count,
        "paragraphs": sum(r["stats"]["paragraphs"] for r in reports.values()),
        "avg_sentence_length": round(word_count / sentence_count, 1) if sentence_count else 0.0,
        "flesch_douma": round(weighted_fd / word_count, 1) if word_count else 100.0,
        "long_sentences": {
            severity: sum(r["stats"]["long_sentences"][severity] for r in reports.values())
            for severity in ("warning", "error")
        },
    }
    page = _finish(stats, issues, sentences, config)
    page["blocks"] = reports
    return page
