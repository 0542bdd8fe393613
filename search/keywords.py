"""Controlled keywords at query time: expansion to synonyms and variants, and best bets.

Read from the database; each process keeps what it read until a Keyword or best-bet change
gives the keywords a new version token (see search.signals and KeywordsVersion), so an editor's
change works in the next search, in every process, without a reindex. The token is read through
the shared cache (Redis when several instances run; no database query per search) and from the
database when the cache misses or is away.

One index per language: a search in English expands English terms with the English keywords
(the translations of the Dutch ones), folded and stemmed in English. A keyword without best bets
of its own borrows those of its original; the planner turns them into pages of the search's
language at query time (`best_bets_in`), so a translation published later is found at once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction

from content.generation import shared_cache_available
from content.languages import default_language, language_of, locale_id_for

from .analysis import allowed_typos, edit_distance, fold, stem

MAX_PHRASE_WORDS = 3


@dataclass
class KeywordEntry:
    term: str
    terms: list[str]
    best_bets: list[int] = field(default_factory=list)
    # Best bets of the keyword's original, when it has none of its own: pages of another
    # language, each replaced by its translation in the search's language (see best_bets_in).
    borrowed_best_bets: list[int] = field(default_factory=list)


@dataclass
class KeywordIndex:
    entries: list[KeywordEntry]
    by_phrase: dict[str, int]
    by_stems: dict[str, int] = field(default_factory=dict)
    language: str | None = None  # None: the default language
    # Exact terms of the default language's keywords, to this language's translation of them:
    # a keyword filter or a word like "kliko" in an English search finds the English keyword.
    # (Empty for the default language: a Dutch search expands as it always did.)
    by_translated_phrase: dict[str, int] = field(default_factory=dict)
    token: str | None = None  # the version token it was built at (the thesaurus follows it)

    def lookup(self, phrase: str) -> KeywordEntry | None:
        """The keyword with this term, synonym or variant, also inflected (`uittreksels`)."""
        folded = fold(phrase).split()
        joined = " ".join(folded)
        index = self.by_phrase.get(joined)
        if index is None:
            index = self.by_stems.get(" ".join(stem(w, self.language) for w in folded))
        if index is None:
            index = self.by_translated_phrase.get(joined)
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


# What this process read last, with the version token it was read at, and the index per
# language built from it: folding and stemming every term again on each search would cost more
# than the search itself.
_built: tuple[str | None, list[dict], dict[str, KeywordIndex]] | None = None


def keyword_index(language: str | None = None) -> KeywordIndex:
    """The keywords of `language` (None: the default language) as the database holds them now
    (one primary-key query when unchanged)."""
    global _built
    token = version_token()
    if _built is None or _built[0] != token:
        _built = (token, _load(), {})
    language = language or default_language()
    indexes = _built[2]
    if language not in indexes:
        indexes[language] = _build(_built[1], language)
        indexes[language].token = token
    return indexes[language]


def _build(data: list[dict], language: str) -> KeywordIndex:
    own = [k for k in data if k["language"] == language]
    by_key = {k["translation_key"]: i for i, k in enumerate(own)}
    originals = {k["translation_key"]: k for k in data if k["language"] == default_language()}
    entries = []
    for keyword in own:
        original = originals.get(keyword["translation_key"], keyword)
        borrowed = [] if keyword["best_bets"] or original is keyword else original["best_bets"]
        entries.append(KeywordEntry(keyword["term"], keyword["terms"], keyword["best_bets"], borrowed))
    by_phrase: dict[str, int] = {}
    by_stems: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for term in entry.terms:
            folded = fold(term).split()
            by_phrase.setdefault(" ".join(folded), i)
            by_stems.setdefault(" ".join(stem(w, language) for w in folded), i)
    translated: dict[str, int] = {}
    for keyword in data if language != default_language() else []:
        if keyword["language"] == default_language() and keyword["translation_key"] in by_key:
            for term in keyword["terms"]:
                translated.setdefault(" ".join(fold(term).split()), by_key[keyword["translation_key"]])
    return KeywordIndex(entries, by_phrase, by_stems, language=language, by_translated_phrase=translated)


def _load() -> list[dict]:
    from content.models import Keyword

    return [
        {
            "term": keyword.term,
            "terms": keyword.all_terms,
            "language": language_of(keyword),
            "translation_key": keyword.translation_key,
            "best_bets": [b.page_id for b in sorted(keyword.best_bets.all(), key=lambda b: b.sort_order or 0)],
        }
        for keyword in Keyword.objects.prefetch_related("best_bets")
    ]


def best_bets_in(language: str | None, own: list[int], borrowed: list[int]) -> list[int]:
    """The best bets of a search in `language`: the keywords' own, then the translations in
    `language` of the borrowed ones (one query, only when something is borrowed)."""
    if not borrowed:
        return own
    from django.db.models import Q
    from wagtail.models import Page

    locale_id = locale_id_for(language or default_language())
    keys = Page.objects.filter(pk__in=borrowed).values("translation_key")
    rows = Page.objects.filter(Q(pk__in=borrowed) | Q(locale_id=locale_id, translation_key__in=keys))
    rows = list(rows.values_list("pk", "translation_key", "locale_id"))
    key_of = {pk: key for pk, key, _ in rows}
    in_language = {key: pk for pk, key, locale in rows if locale == locale_id}
    found = [p for p in (in_language.get(key_of.get(b)) for b in borrowed) if p is not None]
    return list(dict.fromkeys([*own, *found]))


VERSION_KEY = "search:keywords-version"


def version_token() -> str:
    """The keywords' version token: from the shared cache, else from the database (and cached)."""
    from .models import KeywordsVersion

    cached = cache.get(VERSION_KEY)
    shared = shared_cache_available()  # False: that answer came from this process's memory
    if cached is not None and shared:
        return cached
    token = KeywordsVersion.objects.filter(name="keywords").values_list("token", flat=True).first() or ""
    if shared:
        cache.add(VERSION_KEY, token, None)
    return token


def forget_version_token(**kwargs) -> None:
    """Drop the cached token (after a change, and when the shared cache answers again)."""
    cache.delete(VERSION_KEY)


def keywords_changed(**kwargs):
    """Give the keywords a new version token (inside the transaction of the change). The cached
    copy goes now and again after the commit: a search in between may have cached the old one."""
    from .models import KeywordsVersion

    KeywordsVersion.objects.update_or_create(name="keywords", defaults={"token": uuid.uuid4().hex})
    forget_version_token()
    transaction.on_commit(forget_version_token)


def forget_keyword_index():
    """Drop this process's copy (tests: a rolled-back transaction can bring an old token back)."""
    global _built
    _built = None
    from .thesaurus import forget_thesaurus

    forget_thesaurus()
