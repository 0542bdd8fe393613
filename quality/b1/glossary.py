"""The glossary: jargon with plain alternatives, and words that are always allowed.

The data files in ``data/`` are the base. Editors extend them in the admin (``GlossaryTerm`` and
``AllowedWord`` snippets); ``current_glossary()`` merges both and caches the result until a
snippet is saved or deleted.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .lexicon import load_data, word_forms

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Phrase:
    """One matchable word sequence and the issue it raises."""

    words: tuple[str, ...]
    term: str
    alternative: str | None
    note: str | None
    minor: bool = False  # an official product name: flagged, but not serious (docs/b1.md)


@dataclass
class Glossary:
    """Jargon terms (``{"term", "alternative", "note"}``) and allowed words for one analysis."""

    terms: list[dict] = field(default_factory=list)
    allowed: Iterable[str] = ()
    nominalizations: list[dict] = field(default_factory=list)
    # The allowed words added to the data files (the editors' list): other languages' checks
    # honour these, not the Dutch data file.
    extra_allowed: tuple[str, ...] = ()

    @classmethod
    def from_data_files(cls, terms: Iterable[dict] = (), allowed: Iterable[str] = ()) -> Glossary:
        """The data-file glossary, plus extra ``terms`` and ``allowed`` words (no database)."""
        base_terms = load_data("jargon_nl.json")["terms"]
        base_allowed = [entry["word"] for entry in load_data("allowed_nl.json")["words"]]
        phrases = load_data("nominalizations_nl.json")["phrases"]
        allowed = tuple(allowed)
        return cls(
            terms=[*base_terms, *terms],
            allowed=[*base_allowed, *allowed],
            nominalizations=list(phrases),
            extra_allowed=allowed,
        )

    @cached_property
    def allowed_lower(self) -> frozenset[str]:
        return frozenset(word.strip().lower() for word in self.allowed if word.strip())

    def is_allowed(self, word: str) -> bool:
        return word.lower() in self.allowed_lower

    @cached_property
    def jargon_index(self) -> dict[str, list[Phrase]]:
        return build_phrase_index(self.terms, self.allowed_lower)

    @cached_property
    def nominalization_index(self) -> dict[str, list[Phrase]]:
        return build_phrase_index(self.nominalizations, frozenset())


def build_phrase_index(
    entries: Iterable[dict], allowed: frozenset[str], forms: Callable[[str], set[str]] = word_forms
) -> dict[str, list[Phrase]]:
    """First word -> phrases starting with it, longest first, covering inflected forms (``forms``
    gives a word's inflections; Dutch by default)."""
    index: dict[str, list[Phrase]] = {}
    seen: set[tuple[str, ...]] = set()
    for entry in entries:
        term = (entry.get("term") or "").strip().lower()
        if not term or term in allowed:
            continue
        words = term.split()
        options = [sorted(forms(w)) if len(words) == 1 or len(w) >= 6 else [w] for w in words]
        extra = [tuple(form.lower().split()) for form in entry.get("forms", ())]
        for variant in itertools.chain(itertools.product(*options), extra):
            if variant in seen:
                continue
            seen.add(variant)
            phrase = Phrase(
                variant,
                entry["term"],
                entry.get("alternative") or None,
                entry.get("note") or None,
                bool(entry.get("minor")),
            )
            index.setdefault(variant[0], []).append(phrase)
    for phrases in index.values():
        phrases.sort(key=lambda p: -len(p.words))
    return index


# --- data files merged with the database ---------------------------------------------------

# Saves in this process invalidate at once; other worker processes pick changes up within this time.
GLOSSARY_TTL_SECONDS = 300
_lock = threading.Lock()
_cached: tuple[Glossary, float] | None = None


def invalidate_glossary_cache(**_kwargs) -> None:
    """Forget the merged glossary; connected to save/delete of the glossary snippets."""
    global _cached
    with _lock:
        _cached = None


def current_glossary() -> Glossary:
    """Data files plus the editors' entries from the database, cached until they change."""
    global _cached
    cached = _cached
    if cached is not None and cached[1] > time.monotonic():
        return cached[0]
    terms, allowed = _database_entries()
    glossary = Glossary.from_data_files(terms=terms, allowed=allowed)
    with _lock:
        _cached = (glossary, time.monotonic() + GLOSSARY_TTL_SECONDS)
    return glossary


def _database_entries() -> tuple[list[dict], list[str]]:
    """Editors' glossary entries, or none when no database is configured or reachable."""
    try:
        from django.apps import apps
        from django.conf import settings

        if not settings.configured or not apps.ready or not apps.is_installed("quality"):
            return [], []
        from django.db import DatabaseError

        from ..models import AllowedWord, GlossaryTerm
    except ImportError:
        return [], []
    try:
        terms = [
            {"term": t.term, "alternative": t.alternative, "note": t.note}
            for t in GlossaryTerm.objects.only("term", "alternative", "note")
        ]
        allowed = list(AllowedWord.objects.values_list("word", flat=True))
    except (DatabaseError, RuntimeError) as error:
        # RuntimeError: database access blocked (e.g. a unit test without a database).
        logger.warning("B1 glossary: database entries not loaded, using the data files only (%s)", error)
        return [], []
    return terms, allowed
