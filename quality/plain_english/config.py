"""Thresholds for the plain-English check, with defaults from plain-English writing guidance.

A municipality overrides any of them with the Django setting ``HUB_PLAIN_ENGLISH`` (a dict whose
keys are the field names below), as ``HUB_B1`` does for Dutch. Every key is in ``docs/b1.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..b1.config import config_from_dict, setting_overrides


@dataclass(frozen=True)
class PlainEnglishConfig:
    # Sentences: warn above, error above, and the average to aim for.
    sentence_warn_words: int = 20
    sentence_error_words: int = 25
    target_avg_sentence_words: float = 15.0
    # Paragraphs: about 6 lines.
    paragraph_max_words: int = 80
    # Words: Zipf frequency (wordfreq, English). A long word has more than `long_word_syllables`
    # syllables and is below `long_word_zipf`; a word below `difficult_word_zipf` is hardly
    # English at all (often a Dutch word left in a translation).
    long_word_syllables: int = 3
    long_word_zipf: float = 3.0
    difficult_word_zipf: float = 2.0
    # Passive voice: how many words ("not", "usually", ...) may sit between "be" and the participle.
    passive_max_gap: int = 3
    # Flesch reading ease at or above which the formula costs no points (60-70 is plain English).
    reading_ease_target: float = 60.0
    # Verdict: a text is plain enough when it has no error and its score reaches this.
    min_score: int = 60
    # Turn an issue code into an error instead of a warning, e.g. ("jargon",).
    error_codes: tuple[str, ...] = ()
    # Switch single checks off, e.g. ("passive",).
    disabled_checks: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, values: dict) -> PlainEnglishConfig:
        return config_from_dict(cls, values, "HUB_PLAIN_ENGLISH")


def get_config() -> PlainEnglishConfig:
    """The configuration from ``settings.HUB_PLAIN_ENGLISH``, or the defaults without Django."""
    return PlainEnglishConfig.from_dict(setting_overrides("HUB_PLAIN_ENGLISH"))
