"""The municipal thesaurus: everyday words and phrases mapped to the official terms.

The hub's own list is data (`search/data/thesaurus_<language>.json`, format `hub-thesaurus/1`:
concepts of `terms` and the `phrases` residents type for them); editors add entries in the admin
(`ThesaurusEntry`, from the search report). Both apply at query time, beside the keywords'
synonyms, as alternatives that weigh less than the words as typed (`THESAURUS_WEIGHT`). Each
process keeps the index it built until the keywords' version token changes: saving or deleting
an entry gives it a new value, so an editor's addition works in the next search.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from content.languages import default_language

from .analysis import fold, stem

DATA_DIR = Path(__file__).resolve().parent / "data"
FORMAT = "hub-thesaurus/1"
THESAURUS_WEIGHT = 0.5
MAX_PHRASE_WORDS = 4


@dataclass
class Thesaurus:
    language: str
    by_phrase: dict[str, list[str]] = field(default_factory=dict)
    by_stems: dict[str, list[str]] = field(default_factory=dict)

    def add(self, phrase: str, terms: list[str]) -> None:
        folded = _words(phrase)
        if not folded:
            return
        for index, key in ((self.by_phrase, " ".join(folded)), (self.by_stems, self._stems(folded))):
            known = index.setdefault(key, [])
            known += [t for t in terms if t not in known and fold(t) != " ".join(folded)]

    def lookup(self, phrase: str) -> list[str]:
        """The official terms for a phrase as typed (folded), or inflected (`vuilnisbakken`)."""
        folded = _words(phrase)
        return self.by_phrase.get(" ".join(folded)) or self.by_stems.get(self._stems(folded)) or []

    def _stems(self, folded: list[str]) -> str:
        return " ".join(stem(w, self.language) for w in folded)

    def __len__(self):
        return len(self.by_phrase)


def _words(phrase: str) -> list[str]:
    """Folded words; a hyphen separates words, as every engine's tokenizer does (`gft-bak`)."""
    return fold(phrase).replace("-", " ").split()


@cache
def _data(language: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    path = DATA_DIR / f"thesaurus_{language}.json"
    if not path.exists():
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path} is not {FORMAT}")
    return tuple(
        (phrase, tuple(concept["terms"])) for concept in data["concepts"] for phrase in concept.get("phrases", [])
    )


def entry_count(language: str) -> int:
    """How many phrases the hub's own list holds for `language`."""
    return len(_data(language))


_built: dict[str, tuple[str | None, Thesaurus]] = {}


def thesaurus(language: str | None, token: str | None) -> Thesaurus:
    """The thesaurus of `language`: the hub's list and the editors' additions, as of `token`
    (the keywords' version token, read once per search by `search.keywords.keyword_index`)."""
    language = language or default_language()
    cached = _built.get(language)
    if cached is not None and cached[0] == token:
        return cached[1]
    from .models import ThesaurusEntry

    built = Thesaurus(language)
    for phrase, terms in _data(language):
        built.add(phrase, list(terms))
    for entry in ThesaurusEntry.objects.filter(language=language):
        built.add(entry.phrase, entry.term_list)
    _built[language] = (token, built)
    return built


def forget_thesaurus():
    _built.clear()
