"""Plain-English analysis: English text gets the report of the Dutch B1 check (the same keys,
spans, score and verdict; docs/b1.md, section "English"), computed with English rules.

``analyze_text`` needs no database when ``editor_words`` is given (``()`` for none); without it
the editors' list of allowed words is read through the Dutch glossary's cache.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..b1.checks import check_paragraph_length, explained_abbreviations
from ..b1.glossary import current_glossary
from ..b1.scoring import compute_score, level
from ..b1.segment import html_to_text, segment
from ..report_format import combine_blocks, finish_report, remap_to_markup, run_checks
from . import checks
from .config import PlainEnglishConfig, get_config
from .lexicon import ALLOWED, ENGLISH_ABBREVIATIONS, flesch

LANGUAGE = "en"
ISSUE_CODES = (
    "long_sentence",
    "jargon",
    "passive",
    "difficult_word",
    "long_word",
    "abbreviation",
    "long_paragraph",
)
# Reading-ease figures averaged per word over a page's blocks, and their value without words.
FORMULAS = {"flesch_reading_ease": 100.0, "flesch_kincaid_grade": 0.0}
LEVEL_LABELS = {
    "easy": "Eenvoudig Engels: goed te lezen",
    "B1": "Eenvoudig Engels: te lezen voor de meeste mensen",
    "B1-": "Bijna eenvoudig Engels: los eerst de rode punten op",
    "B2": "Moeilijk Engels: lastig voor veel lezers",
    "C1": "Erg moeilijk Engels: voor veel lezers niet te volgen",
}


def _allowed(editor_words: Iterable[str] | None) -> frozenset[str]:
    if editor_words is None:
        editor_words = current_glossary().extra_allowed
    return ALLOWED | {word.strip().lower() for word in editor_words if word.strip()}


def analyze_text(
    text: str, *, config: PlainEnglishConfig | None = None, editor_words: Iterable[str] | None = None
) -> dict:
    """Analyse English plain text (or simple Markdown); spans are character offsets into ``text``."""
    config = config or get_config()
    allowed = _allowed(editor_words)
    text = text or ""
    paragraphs = segment(text, ENGLISH_ABBREVIATIONS)
    explained = explained_abbreviations(text)

    def sentence_checks(sentence) -> list[dict]:
        covered: set[int] = set()  # token starts already flagged as jargon
        return [
            *checks.check_sentence_length(text, sentence, config),
            *checks.check_jargon(text, sentence, allowed, covered),
            *checks.check_passive(text, sentence, config),
            *checks.check_words(text, sentence, covered, allowed, config, explained),
        ]

    issues, report_sentences, sentence_words, long_sentences = run_checks(
        text,
        paragraphs,
        config,
        ISSUE_CODES,
        # the Dutch rule and message, with the English limit
        paragraph_checks=lambda paragraph: check_paragraph_length(text, paragraph, config),
        sentence_checks=sentence_checks,
    )

    word_count = sum(s["word_count"] for s in report_sentences)
    ease, grade = flesch(sentence_words)
    stats = {
        "sentences": len(report_sentences),
        "words": word_count,
        "paragraphs": len(paragraphs),
        "avg_sentence_length": round(word_count / len(report_sentences), 1) if report_sentences else 0.0,
        "flesch_reading_ease": round(ease, 1),
        "flesch_kincaid_grade": round(grade, 1),
        "long_sentences": long_sentences,
    }
    return _finish(stats, issues, report_sentences, config)


def _score(stats: dict, counts, config: PlainEnglishConfig) -> tuple[int, dict]:
    return compute_score(stats, counts, config, formula="flesch_reading_ease", easy=config.reading_ease_target)


def _level(score: int, plain: bool, config: PlainEnglishConfig) -> tuple[str, str]:
    return level(score, plain, config, LEVEL_LABELS)


def _finish(stats: dict, issues: list[dict], sentences: list[dict], config: PlainEnglishConfig) -> dict:
    report = finish_report(stats, issues, sentences, config, issue_codes=ISSUE_CODES, score=_score, level=_level)
    return {"language": LANGUAGE, **report}


def analyze_html(
    markup: str, *, config: PlainEnglishConfig | None = None, editor_words: Iterable[str] | None = None
) -> dict:
    """Analyse English HTML. Spans point into ``markup``; texts are the plain text."""
    plain, starts, ends = html_to_text(markup or "")
    return remap_to_markup(analyze_text(plain, config=config, editor_words=editor_words), starts, ends)


def analyze_texts(
    blocks: Iterable[tuple[str, str]],
    *,
    config: PlainEnglishConfig | None = None,
    editor_words: Iterable[str] | None = None,
) -> dict:
    """One verdict for an English page made of blocks: ``[(key, text), ...]`` -> page report, as
    ``quality.b1.analysis.analyze_texts`` does for Dutch."""
    config = config or get_config()
    allowed_words = tuple(_allowed(editor_words))
    reports: dict[str, dict] = {}
    for key, text in blocks:
        if key in reports:
            raise ValueError(f"Duplicate block key {key!r}")
        reports[key] = analyze_text(text, config=config, editor_words=allowed_words)
    issues, sentences, stats = combine_blocks(reports, FORMULAS)
    page = _finish(stats, issues, sentences, config)
    page["blocks"] = reports
    return page
