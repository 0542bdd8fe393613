"""Dutch (and English) query understanding, shared by every engine.

One plan for every engine: a query becomes groups of alternatives (`search.engines.SearchRequest`)
before any engine sees it, so the engines differ in speed, not in what they find.

- Question words and filler ("hoe", "wanneer", "kan ik", "ik wil", "klant wil") are dropped,
  unless nothing else is left.
- A hyphenated word is searched as its parts next to each other and as one word
  (`e-bike` -> "e bike" | "ebike"); two words typed apart are also searched joined
  (`parkeer vergunning` -> also "parkeervergunning").
- Dutch participles and other verb forms get their infinitive as an alternative, which every
  engine stems the same way (`opgehaald` -> "ophalen", `verhuisd` -> "verhuizen").

Derived alternatives weigh less than the word as typed (`DERIVED_WEIGHT`) and are matched as
whole words, never as prefixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .analysis import is_stop_word, words
from .keywords import MAX_PHRASE_WORDS as MAX_KEYWORD_WORDS
from .thesaurus import MAX_PHRASE_WORDS as MAX_THESAURUS_WORDS
from .thesaurus import THESAURUS_WEIGHT

DERIVED_WEIGHT = 0.7
JOINED_WEIGHT = 0.8

# Question words and filler. Most short function words are stop words already (search.analysis).
FILLER = {
    "nl": frozenset(
        """
        waar wanneer welke welk hoeveel hoelang waarom wie mag mogen kun kunt graag even krijg
        lang duurt kost regelen vraag vragen iemand zou zouden moeten weet weten nodig
        klant klanten burger beller bellers inwoner inwoners mevrouw meneer belt vraagt zoekt wilt
        aanvragen regelen doorgeven melden indienen krijgen gemeente
        """.split()
    ),
    "en": frozenset(
        """
        where when which whom how why what can could would should may might get got want wants
        need needs please long take takes does cost caller resident customer asks wants
        apply applying request municipality
        """.split()
    ),
}

# Task verbs ("aanvragen", "melden", "apply") are in FILLER too: almost every product is something
# to apply for or report, and a page that says "Vraag ... aan" does not contain "aanvragen". So is
# "gemeente": in the municipality's own search it tells nothing ("wanneer strooit de gemeente").

# Separable prefixes of Dutch verbs: the participle puts "ge" after them (op-ge-haald).
SEPARABLE = (
    "aan af bij binnen buiten door in kwijt los mee na neer om onder op open over terug thuis toe uit vast voor weg"
).split()
INSEPARABLE = ("be", "ver", "ont", "her", "er")
# Strong participles and their infinitives (general Dutch grammar, not the content's words).
IRREGULAR = {
    "gebroken": "breken",
    "gestolen": "stelen",
    "gevonden": "vinden",
    "verloren": "verliezen",
    "overleden": "overlijden",
    "geboren": "geboorte",
    "gekregen": "krijgen",
    "gegeven": "geven",
    "gedaan": "doen",
    "gegaan": "gaan",
    "gebracht": "brengen",
    "gekocht": "kopen",
    "gezocht": "zoeken",
    "gedacht": "denken",
    "geschreven": "schrijven",
    "gebleven": "blijven",
    "gereden": "rijden",
    "gesloten": "sluiten",
    "gelegen": "liggen",
    "gezien": "zien",
    "getrokken": "trekken",
    "gesprongen": "springen",
    "gevallen": "vallen",
    "gehouden": "houden",
    "gestorven": "sterven",
    "getrouwd": "trouwen",
    "gescheiden": "scheiden",
    "verhuisd": "verhuizen",
    "vergeten": "vergeten",
    "verboden": "verbieden",
}
_VOWELS = set("aeiou")
_PARTICIPLE = re.compile(r"^(?P<prefix>" + "|".join(SEPARABLE) + r")?ge(?P<core>[a-z]{2,})(?P<end>[dt])$")
_INSEPARABLE_PARTICIPLE = re.compile(r"^(?P<core>(?:" + "|".join(INSEPARABLE) + r")[a-z]{3,})(?P<end>[dt])$")


def is_filler(word: str, language: str) -> bool:
    return word in FILLER.get(language, frozenset())


def hyphen_forms(word: str) -> list[str]:
    """A hyphenated word as its parts next to each other, and as one word: `ov-kaart` ->
    ["ov kaart", "ovkaart"]. Every engine splits a hyphenated word in its documents."""
    if "-" not in word:
        return []
    parts = [p for p in word.split("-") if p]
    return [" ".join(parts), "".join(parts)] if len(parts) > 1 else parts


def verb_forms(word: str, language: str) -> list[str]:
    """Forms a Dutch verb form may stand for: a participle's infinitive (`opgehaald` ->
    "ophalen"), an infinitive's present forms (`betalen` -> "betaal", "betaalt"), a third
    person's infinitive (`strooit` -> "strooien")."""
    if language != "nl" or len(word) < 5:
        return []
    found = participle_forms(word, language)
    if found:
        return found
    if word.endswith("en") and len(word) >= 6:
        return _present_forms(word[:-2])
    if word.endswith("t") and not word.endswith(("dt", "tt")) and word[-2] not in "aeou":
        return _infinitives(word[:-1])
    return []


def participle_forms(word: str, language: str) -> list[str]:
    """The infinitive of a Dutch participle: `opgehaald` -> ["ophalen"], `gestolen` -> ["stelen"]."""
    if language != "nl" or len(word) < 5:
        return []
    for prefix in ("", *SEPARABLE):
        rest = word[len(prefix) :] if word.startswith(prefix) else None
        if rest in IRREGULAR:
            return [prefix + IRREGULAR[rest]]
    match = _PARTICIPLE.match(word)
    if match:
        prefix = match.group("prefix") or ""
        return [prefix + form for form in _stems_of(match)]
    match = _INSEPARABLE_PARTICIPLE.match(word)
    if match and not word.endswith(("heid", "teit")):
        return _stems_of(match)
    return []


def _present_forms(stem: str) -> list[str]:
    """The forms of a Dutch infinitive that pages write: betalen -> betaal, betaalt;
    stoppen -> stop, stopt; leven -> leef, leeft."""
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        stem = stem[:-1]  # stoppen -> stop
    elif (
        len(stem) >= 3
        and stem[-1] not in _VOWELS | {"j", "w"}
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
        and not stem.endswith(("er", "el", "en", "ig"))  # unstressed: leveren -> lever
    ):
        stem = stem[:-1] + stem[-2] + stem[-1]  # betal -> betaal: an open syllable has a long vowel
    stem = stem[:-1] + {"v": "f", "z": "s"}.get(stem[-1], stem[-1])
    return [stem, stem + "t"] if not stem.endswith("t") else [stem]


def _stems_of(match) -> list[str]:
    """A participle ends in d or t after the stem, or in the stem's own d or t (gemeld, gezet)."""
    core = match.group("core")
    return list(dict.fromkeys([*_infinitives(core), *_infinitives(core + match.group("end"))]))


def _infinitives(stem: str) -> list[str]:
    """Possible infinitives of a Dutch verb stem: haal -> halen, leef -> leven, reis -> reizen,
    stop -> stoppen, lever -> leveren."""
    last = stem[-1]
    voiced = {"f": "v", "s": "z"}.get(last)
    if len(stem) >= 3 and stem[-2] in _VOWELS and stem[-3] == stem[-2] and last not in _VOWELS:
        base = stem[:-2] + stem[-1]  # a long vowel is written once in an open syllable
        found = [base + "en"] + ([base[:-1] + voiced + "en"] if voiced else [])
    elif (
        len(stem) >= 3
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
        and last not in _VOWELS | {"w", "j"}
        and not stem.endswith(("er", "el", "en"))
    ):
        found = [stem + last + "en", stem + "en"]  # a short vowel keeps its consonant doubled
    else:
        found = [stem + "en"] + ([stem[:-1] + voiced + "en"] if voiced else [])
    return list(dict.fromkeys(found))


def joined(left: str, right: str) -> str | None:
    """Two words typed apart, written as one (Dutch compounds): `grof` + `vuil` -> "grofvuil"."""
    if "-" in left or "-" in right or left.isdigit() or right.isdigit():
        return None
    return left + right if len(left) >= 2 and len(right) >= 3 else None


PREFIX_WEIGHT = 1.0
AS_TYPED_WEIGHT = JOINED_WEIGHT


def prefix_allowed(weight: float) -> bool:
    """Engines expand an alternative as a prefix (compounds) only when it is a word as typed;
    derived and thesaurus alternatives are matched as whole words."""
    return weight >= PREFIX_WEIGHT


def as_typed_groups(groups: list[list[str]], weights: dict[str, float]) -> list[list[str]] | None:
    """The groups without derived and thesaurus alternatives: pages that match these rank
    before pages found only through a derived form or the thesaurus, on every engine. None when
    the plan has nothing derived (then there is nothing to rank apart), or when a group has
    no word as typed (a thesaurus phrase nobody writes: nothing matches as typed)."""
    if not any(w < AS_TYPED_WEIGHT for w in weights.values()):
        return None
    typed = [[a for a in group if weights.get(a, 1.0) >= AS_TYPED_WEIGHT] for group in groups]
    return typed if all(typed) else None


@dataclass
class QueryPlan:
    groups: list[list[str]]
    keywords: list[str]
    best_bets: list[int]
    corrected: list[str]  # the query as it was understood, word by word
    plain: list[tuple[int, str]] = field(default_factory=list)  # (group position, word) to correct
    changed: bool = False
    borrowed_best_bets: list[int] = field(default_factory=list)  # see keywords.best_bets_in
    weights: dict[str, float] = field(default_factory=dict)  # alternative -> weight (default 1)

    def add_group(self, alternatives: list[tuple[str, float]]) -> int:
        group = []
        for text, weight in alternatives:
            if text not in group:
                group.append(text)
            if weight < self.weights.get(text, 1.0) and text not in group[:1]:
                self.weights[text] = weight
        self.groups.append(group)
        return len(self.groups) - 1

    def note_keyword(self, entry) -> None:
        if entry.term not in self.keywords:
            self.keywords.append(entry.term)
        self.best_bets += [p for p in entry.best_bets if p not in self.best_bets]
        self.borrowed_best_bets += [p for p in entry.borrowed_best_bets if p not in self.borrowed_best_bets]


def plan_query(text: str, index, thesaurus) -> QueryPlan:
    """The plan every engine searches: groups of alternatives, one per word or phrase.

    In order of precedence at each position: a keyword phrase (all its terms, best bets), a
    thesaurus phrase (the phrase as typed and the official terms, lower weight), filler and stop
    words (dropped), a plain word (with its hyphen and verb forms; typo correction comes later,
    see search.query.correct)."""
    language = index.language
    tokens = words(text)
    plan = QueryPlan(groups=[], keywords=[], best_bets=[], corrected=[])
    plain_at: dict[int, int] = {}  # token position -> group of a plain word
    i = 0
    while i < len(tokens):
        step = _keyword_at(plan, index, tokens, i) or _thesaurus_at(plan, index, thesaurus, tokens, i)
        if step:
            plan.corrected.append(" ".join(tokens[i : i + step]))
            i += step
            continue
        word = tokens[i]
        if not is_stop_word(word, language) and not is_filler(word, language):
            alternatives = [(word, 1.0)]
            alternatives += [(form, DERIVED_WEIGHT) for form in hyphen_forms(word)]
            alternatives += [(form, DERIVED_WEIGHT) for form in verb_forms(word, language)]
            position = plan.add_group(alternatives)
            plan.plain.append((position, word))
            plain_at[i] = position
        plan.corrected.append(word)
        i += 1
    for i, position in plain_at.items():
        # Compounds are nouns: a verb form is not joined to its neighbour ("container opgehaald").
        if i + 1 not in plain_at or participle_forms(tokens[i], language) or participle_forms(tokens[i + 1], language):
            continue
        if compound := joined(tokens[i], tokens[i + 1]):
            for group in (plan.groups[position], plan.groups[plain_at[i + 1]]):
                group.append(compound)
            plan.weights[compound] = JOINED_WEIGHT
    if not plan.groups:  # only stop words and filler: search them after all
        plan.groups = [[w] for w in tokens]
        plan.plain = []
    return plan


def _keyword_at(plan: QueryPlan, index, tokens: list[str], i: int) -> int:
    for n in range(min(MAX_KEYWORD_WORDS, len(tokens) - i), 0, -1):
        entry = index.lookup(" ".join(tokens[i : i + n]))
        if entry is not None:
            plan.add_group([(t, 1.0) for t in entry.terms])
            plan.note_keyword(entry)
            return n
    return 0


def _thesaurus_at(plan: QueryPlan, index, thesaurus, tokens: list[str], i: int) -> int:
    for n in range(min(MAX_THESAURUS_WORDS, len(tokens) - i), 0, -1):
        phrase = " ".join(tokens[i : i + n])
        if n == 1 and (is_stop_word(phrase, index.language) or is_filler(phrase, index.language)):
            continue
        terms = thesaurus.lookup(phrase)
        if terms:
            alternatives = [(phrase, 1.0)] + [(t, THESAURUS_WEIGHT) for t in terms]
            for term in terms:  # an official term that is a keyword brings the keyword's words
                entry = index.lookup(term)
                if entry is not None:
                    alternatives += [(t, THESAURUS_WEIGHT) for t in entry.terms]
            plan.add_group(alternatives)
            return n
    return 0
