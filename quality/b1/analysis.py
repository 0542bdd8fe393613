"""Dutch B1 analysis: the report that ``b1_check``, the API and the admin share.

``analyze_text`` needs no database: pass ``glossary=Glossary.from_data_files()`` (or your own
``Glossary``). Without it, the data files are merged with the editors' glossary from the database
when Django is set up.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..report_format import combine_blocks, finish_report, remap_to_markup, run_checks
from . import checks, structure, verdict
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

    def sentence_checks(sentence) -> list[dict]:
        covered: set[int] = set()  # token starts already explained by a phrase issue
        return [
            *checks.check_sentence_length(text, sentence, config),
            *structure.check_references(text, sentence, covered),
            *structure.check_light_verb_nominalizations(text, sentence, covered, tot_phrases=True),
            *checks.check_phrases(text, sentence, glossary, "nominalization", covered),
            *structure.check_light_verb_nominalizations(text, sentence, covered),
            *checks.check_phrases(text, sentence, glossary, "jargon", covered),
            *structure.check_passive(text, sentence, config),
            *checks.check_words(text, sentence, covered, glossary, config, explained),
        ]

    issues, report_sentences, sentence_words, long_sentences = run_checks(
        text,
        paragraphs,
        config,
        ISSUE_CODES,
        paragraph_checks=lambda paragraph: checks.check_paragraph_length(text, paragraph, config),
        sentence_checks=sentence_checks,
    )

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
    """The shared report, with the Dutch verdict: counted per sentence (``quality.b1.verdict``)."""
    verdict.annotate_sentences(sentences, issues, config)
    report = finish_report(stats, issues, sentences, config, issue_codes=ISSUE_CODES, score=compute_score, level=level)
    return verdict.apply(report, config)


def analyze_html(markup: str, *, config: B1Config | None = None, glossary: Glossary | None = None) -> dict:
    """Analyse HTML (e.g. Wagtail rich text). Spans point into ``markup``; texts are the plain text."""
    plain, starts, ends = html_to_text(markup or "")
    return remap_to_markup(analyze_text(plain, config=config, glossary=glossary), starts, ends)


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

    issues, sentences, stats = combine_blocks(reports, {"flesch_douma": 100.0})
    page = _finish(stats, issues, sentences, config)
    page["blocks"] = reports
    return page
