"""Text analysis per language for the database engine and for query processing.

The distributed engines analyse text themselves (see `search.schema`); the database engine and
the query pipeline use these small functions, which mirror that analysis: lowercase, ASCII
folding, the language's stop words and its Snowball stemmer. Dutch and English have both; any
other configured language is folded only (no stop words, no stemming) on every engine, until
its analysis is added here, in `search.schema` and in migration 0006's text search configuration.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from content.languages import default_language

# The Snowball project's Dutch stop word list (the one OpenSearch's `_dutch_` list is based on).
DUTCH_STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
    een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
    iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog
    nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor
    want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
    """.split()
)

# PostgreSQL's `english` stop words (the Snowball list plus s, t, can, will, just, don, should,
# now); it holds every word of OpenSearch's shorter `_english_` list. The OpenSearch index is
# given this same list, so a word the planner keeps is never dropped by an engine.
ENGLISH_STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now
    """.split()
)


@dataclass(frozen=True)
class LanguageAnalysis:
    """How the text of one language is analysed: its stop words and Snowball stemmer."""

    code: str
    stop_words: frozenset[str] = frozenset()
    snowball: str | None = None  # the snowballstemmer algorithm; None: words are not stemmed


ANALYSES = {
    # `dutch_porter`: the Snowball Dutch stemmer that PostgreSQL's `dutch` configuration and
    # OpenSearch's `dutch` stemmer use (snowballstemmer 3 calls it so; its newer `dutch` strips
    # "ge-" and stems differently, so SQLite found what the other engines did not).
    "nl": LanguageAnalysis("nl", DUTCH_STOP_WORDS, "dutch_porter"),
    "en": LanguageAnalysis("en", ENGLISH_STOP_WORDS, "english"),
}

_WORD = re.compile(r"[0-9a-z]+(?:[-'][0-9a-z]+)*")


def analysis_for(language: str | None = None) -> LanguageAnalysis:
    """The analysis of a language code (None: the default language)."""
    code = language or default_language()
    return ANALYSES.get(code) or LanguageAnalysis(code)


def fold(text: str) -> str:
    """Lowercase and strip accents (ASCII folding): `Café` -> `cafe`, `één` -> `een`."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """Folded words of a text, in order. Hyphenated words stay one word (`e-mail`)."""
    return _WORD.findall(fold(text))


def stem(word: str, language: str | None = None) -> str:
    """The Snowball stem of one folded word: `uittreksels` -> `uittreksel`, in English
    `passports` -> `passport`."""
    return _stem(word, analysis_for(language).snowball)


@lru_cache(maxsize=50_000)
def _stem(word: str, algorithm: str | None) -> str:
    return _stemmer(algorithm).stemWord(word) if algorithm else word


_per_thread = threading.local()


def _stemmer(algorithm: str):
    """One stemmer per thread and algorithm: a Snowball stemmer keeps its word in its own state,
    so threads (gunicorn's gthread workers) must not share one."""
    stemmers = getattr(_per_thread, "stemmers", None)
    if stemmers is None:
        stemmers = _per_thread.stemmers = {}
    if algorithm not in stemmers:
        stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmers[algorithm]


def analyse(text: str, *, keep_stop_words: bool = False, language: str | None = None) -> list[str]:
    """Stems of the words of `text`, without stop words: what the index stores."""
    analysis = analysis_for(language)
    return [_stem(w, analysis.snowball) for w in words(text) if keep_stop_words or w not in analysis.stop_words]


def is_stop_word(word: str, language: str | None = None) -> bool:
    return fold(word) in analysis_for(language).stop_words


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), cut off above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


def allowed_typos(word: str) -> int:
    """Like Elasticsearch's fuzziness AUTO: 0 edits up to 2 letters, 1 up to 5, then 2."""
    if len(word) <= 2:
        return 0
    return 1 if len(word) <= 5 else 2
