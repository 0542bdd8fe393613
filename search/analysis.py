"""Dutch text analysis for the database engine and for query processing.

The distributed engines analyse text themselves (see `search.schema`); the database engine and
the query pipeline use these small functions, which mirror that analysis: lowercase, ASCII
folding, Dutch stop words and the Dutch Snowball stemmer.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

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

_WORD = re.compile(r"[0-9a-z]+(?:[-'][0-9a-z]+)*")
_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lowercase and strip accents (ASCII folding): `Café` -> `cafe`, `één` -> `een`."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """Folded words of a text, in order. Hyphenated words stay one word (`e-mail`)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Dutch Snowball stem of one folded word: `uittreksels` -> `uittrek`."""
    return _stemmer.stemWord(word)


def analyse(text: str, *, keep_stop_words: bool = False) -> list[str]:
    """Stems of the words of `text`, without stop words: what the index stores."""
    return [stem(w) for w in words(text) if keep_stop_words or w not in DUTCH_STOP_WORDS]


def is_stop_word(word: str) -> bool:
    return fold(word) in DUTCH_STOP_WORDS


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
