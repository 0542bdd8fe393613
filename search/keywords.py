"""Controlled keywords at query time: expansion to synonyms and variants, and best bets.

Read from the database; each process keeps what it read until a Keyword or best-bet change
gives the keywords a new version token (see search.signals and KeywordsVersion), so an editor's
change works in the next search, in every process, without a reindex.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from .analysis import allowed_typos, edit_distance, fold, stem

MAX_PHRASE_WORDS = 3


@dataclass
class KeywordEntry:
    term: str
    terms: list[str]
    best_bets: list[int] = field(default_factory=list)


@dataclass
class KeywordIndex:
    entries: list[KeywordEntry]
    by_phrase: dict[str, int]
    by_stems: dict[str, int] = field(default_factory=dict)

    def lookup(self, phrase: str) -> KeywordEntry | None:
        """The keyword with this term, synonym or variant, also inflected (`uittreksels`)."""
        folded = fold(phrase).split()
        index = self.by_phrase.get(" ".join(folded))
        if index is None:
            index = self.by_stems.get(" ".join(stem(w) for w in folded))
        return None if index is None else self.entries[index]

    def near(self, word: str) -> KeywordEntry | None:
        """A keyword one of whose single-word terms is within typo distance of `word`."""
        word = fold(word)
        limit = allowed_typos(word)
        if not limit:
            return None
        best = None
        for phrase, index in self.by_phrase.items():
            if " " in phrase:
                continue
            distance = edit_distance(word, phrase, limit)
            if distance <= limit and (best is None or distance < best[0]):
                best = (distance, index)
        return None if best is None else self.entries[best[1]]

    def preferred(self, value: str) -> str | None:
        entry = self.lookup(value)
        return entry.term if entry else None


# The index this process built last, with the version token it was built at: folding and
# stemming every term again on each search would cost more than the search itself.
_built: tuple[str | None, KeywordIndex] | None = None


def keyword_index() -> KeywordIndex:
    """The keywords as the database holds them now (one primary-key query when unchanged)."""
    global _built
    from .models import KeywordsVersion

    token = KeywordsVersion.objects.filter(name="keywords").values_list("token", flat=True).first()
    if _built is None or _built[0] != token:
        _built = (token, _build(_load()))
    return _built[1]


def _build(data: list[dict]) -> KeywordIndex:
    entries = [KeywordEntry(**e) for e in data]
    by_phrase: dict[str, int] = {}
    by_stems: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for term in entry.terms:
            folded = fold(term).split()
            by_phrase.setdefault(" ".join(folded), i)
            by_stems.setdefault(" ".join(stem(w) for w in folded), i)
    return KeywordIndex(entries=entries, by_phrase=by_phrase, by_stems=by_stems)


def _load() -> list[dict]:
    from content.models import Keyword

    return [
        {
            "term": keyword.term,
            "terms": keyword.all_terms,
            "best_bets": [b.page_id for b in sorted(keyword.best_bets.all(), key=lambda b: b.sort_order or 0)],
        }
        for keyword in Keyword.objects.prefetch_related("best_bets")
    ]


def keywords_changed(**kwargs):
    """Give the keywords a new version token (inside the transaction of the change)."""
    from .models import KeywordsVersion

    KeywordsVersion.objects.update_or_create(name="keywords", defaults={"token": uuid.uuid4().hex})


def forget_keyword_index():
    """Drop this process's copy (tests: a rolled-back transaction can bring an old token back)."""
    global _built
    _built = None
