"""Rare compounds: official words built from common parts ("bestemmingsplanwijziging").

The word-frequency check looks at a compound's parts, so a word such as
"bestemmingsplan|wijziging" passes because "bestemmingsplan" and "wijziging" are both common. Few
readers know the whole word, though. A compound counts as difficult when the whole word is rare
(Zipf below ``rare_compound_zipf``) and its parts are heavy: abstract nouns by their ending
(-ing, -atie, -heid, ...), parts that only officials use (``heavy_parts``: aanslag, beschikking,
verordening, ...) or a bound prefix (her|beoordeling). Long words every resident knows are in
``plain_words`` and never flagged. The lists are in ``data/compounds_nl.json``; docs/b1.md
explains the rule and why we split with word frequencies rather than a spelling dictionary.
"""

from __future__ import annotations

from functools import lru_cache

from .config import B1Config
from .lexicon import base_zipf, compound_parts, load_data

_DATA = load_data("compounds_nl.json")
ABSTRACT_SUFFIXES = tuple(_DATA["abstract_suffixes"])
MIN_ABSTRACT_LENGTH = int(_DATA["min_abstract_length"])
CONCRETE_NOUNS = frozenset(_DATA["concrete_nouns"])
HEAVY_PARTS = frozenset(_DATA["heavy_parts"])
BOUND_PREFIXES = tuple(_DATA["bound_prefixes"])
PLAIN_WORDS = frozenset(_DATA["plain_words"])
MIN_FLATTEN_LENGTH = 8  # a part this long may itself be a compound ("bestemmings|plan")


def is_plain_word(word: str) -> bool:
    """A long word every resident knows (never flagged as difficult, long or rare)."""
    return word.lower() in PLAIN_WORDS


def _base(part: str) -> str:
    """A part without a linking or plural ending: "heffings" -> "heffing", "voorschriften" -> "voorschrift"."""
    for ending in ("en", "s", "e"):
        if part.endswith(ending) and len(part) - len(ending) >= 4:
            bare = part[: -len(ending)]
            if bare in HEAVY_PARTS or bare in CONCRETE_NOUNS or bare.endswith(ABSTRACT_SUFFIXES):
                return bare
    return part


def part_weight(part: str) -> int:
    """How much a part makes a compound official: 2 for a heavy part, 1 for an abstract noun."""
    part = _base(part)
    if part in HEAVY_PARTS:
        return 2
    if part in CONCRETE_NOUNS or len(part) < MIN_ABSTRACT_LENGTH:
        return 0
    return 1 if part.endswith(ABSTRACT_SUFFIXES) else 0


def _is_fragment(part: str) -> bool:
    """A piece that is only an ending ("ings" in "wijzig|ings"): not a part of its own."""
    bare = part.rstrip("s")
    return len(bare) <= 4 and bare in ABSTRACT_SUFFIXES


def _flatten(parts: tuple[str, ...], config: B1Config) -> list[str]:
    """Split long parts that are compounds themselves: "bestemmings|plan" in "bestemmingsplanwijziging"."""
    flat: list[str] = []
    for part in parts:
        inner = None
        if len(part) >= MIN_FLATTEN_LENGTH and _base(part) not in HEAVY_PARTS | CONCRETE_NOUNS:
            inner = compound_parts(part, config.compound_part_zipf, config.compound_min_part_length)
            if inner and any(_is_fragment(piece) for piece in inner):
                inner = None
        flat.extend(inner if inner and len(inner) > 1 else (part,))
    return flat


@lru_cache(maxsize=20_000)
def _rare_compound(word: str, config: B1Config) -> tuple[str, ...] | None:
    if word in PLAIN_WORDS or base_zipf(word) >= config.rare_compound_zipf:
        return None
    parts = compound_parts(word, config.compound_part_zipf, config.compound_min_part_length)
    if parts is None or len(parts) < 2:
        return None
    flat = _flatten(parts, config)
    weight = sum(part_weight(p) for p in flat)
    if flat[0] in BOUND_PREFIXES:
        weight += 1
    if weight >= 2 or (len(flat) >= 3 and weight >= 1):
        return parts
    return None


def rare_compound(word: str, config: B1Config) -> tuple[str, ...] | None:
    """The parts of ``word`` (lower case) when it is a compound that few readers know, else None."""
    return _rare_compound(word, config)
