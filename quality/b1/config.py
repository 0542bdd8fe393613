"""Thresholds for the B1 analysis, with defaults from Dutch B1 writing guidance.

A municipality overrides any of them with the Django setting ``HUB_B1`` (a dict whose keys are the
field names below). Every key is documented in ``docs/b1.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class B1Config:
    # Sentences: warn above, error above, and the average to aim for.
    sentence_warn_words: int = 15
    sentence_error_words: int = 20
    target_avg_sentence_words: float = 12.0
    # More subordinate clauses than this in one sentence gives a warning (None switches it off).
    max_subordinate_clauses: int | None = 1
    # Paragraphs: about 6 lines of 12 words.
    paragraph_max_words: int = 70
    # Words: Zipf frequency (wordfreq, Dutch) below which a word counts as uncommon.
    difficult_word_zipf: float = 3.0
    # ... and makes its sentence serious (verdict.py) only below this: between the two it is an
    # uncommon word ("kluit", "taxatie") that the editor may explain.
    rare_word_zipf: float = 2.5
    long_word_syllables: int = 3
    long_word_zipf: float = 3.5
    # A compound is fine when every part is at least this common.
    compound_part_zipf: float = 3.3
    compound_min_part_length: int = 3
    # ... unless the whole compound is rarer than this and its parts are official (compounds.py).
    rare_compound_zipf: float = 2.6
    # Passive voice: how many words may sit between the auxiliary and the participle.
    passive_max_gap: int = 8
    # Verdict: a text is B1 when it has no error and its score reaches this ...
    min_score: int = 60
    # ... no more than this share of its sentences has a serious issue (a text of at most
    # ``short_text_sentences`` sentences may have none) ...
    serious_sentence_share: float = 0.2
    short_text_sentences: int = 3
    # ... and no sentence stacks more issues than this (or two serious ones).
    max_issues_per_sentence: int = 2
    # Turn an issue code into an error instead of a warning, e.g. ("jargon",).
    error_codes: tuple[str, ...] = ()
    # Switch single checks off, e.g. ("passive",).
    disabled_checks: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, values: dict) -> B1Config:
        return config_from_dict(cls, values, "HUB_B1")


def config_from_dict(cls, values: dict, setting: str):
    """A frozen config dataclass with ``values`` over its defaults; an unknown key raises
    ``ValueError`` naming the Django ``setting``, so a typo does not silently keep a default."""
    known = {f.name for f in fields(cls)}
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"Unknown {setting} setting(s): {', '.join(sorted(unknown))}")
    cleaned = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
    return replace(cls(), **cleaned)


def setting_overrides(setting: str) -> dict:
    """The dict in the Django setting ``setting``, or nothing when Django is not configured."""
    try:
        from django.conf import settings

        overrides = getattr(settings, setting, None) if settings.configured else None
    except ImportError:
        overrides = None
    return overrides or {}


def get_config() -> B1Config:
    """The configuration from ``settings.HUB_B1``, or the defaults when Django is not configured."""
    return B1Config.from_dict(setting_overrides("HUB_B1"))
