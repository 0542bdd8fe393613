"""Sentence structure: passive voice, verbs hidden in nouns, and references to articles of law.

These checks use word patterns, not a parser (see "Known limits" in docs/b1.md). A passive whose
actor follows "door" ("wordt door de gemeente beoordeeld") and a noun doing the work of a verb
("komt tot een beslissing", "betaling is vereist") make a sentence hard; the issue says so with
``serious`` and carries what the rewrite hint needs (``actor``, ``verb``).
"""

from __future__ import annotations

import re

from . import messages
from .checks import CLAUSE_BREAKERS, make_issue
from .lexicon import base_zipf, load_data, zipf
from .segment import Sentence, Token

_NOMINALIZATIONS = load_data("nominalizations_nl.json")
NOMINAL_NOUNS: dict[str, str] = _NOMINALIZATIONS["nouns"]
LIGHT_VERBS: dict[str, list[str]] = _NOMINALIZATIONS["light_verbs"]
LIGHT_VERB_FORMS = frozenset(form for forms in LIGHT_VERBS.values() for form in forms)
# Light verbs whose noun may stand anywhere in the clause ("de uitbetaling ... zal in juni plaatsvinden").
FAR_LIGHT_VERB_FORMS = frozenset(LIGHT_VERBS["plaatsvinden"] + LIGHT_VERBS["vereist zijn"])
ZIJN_LIGHT_VERB_FORMS = frozenset(LIGHT_VERBS["vereist zijn"])  # only with a form of "zijn"
MAKEN_FORMS = frozenset(LIGHT_VERBS.get("maken", []))
VINDEN_FORMS = frozenset({"vindt", "vinden", "vond", "vonden", "gevonden"})
# "komt tot een beslissing", "gaan over tot invordering", "geven opdracht tot verwijdering".
TOT_TRIGGERS = frozenset(LIGHT_VERBS["komen"] + LIGHT_VERBS["overgaan"] + ["over", "opdracht", "besluiten", "besluit"])
NOMINAL_SUFFIXES = ("ing", "atie", "name", "stelling")
NOT_NOMINAL = frozenset(_NOMINALIZATIONS["not_nominal"])
NEAR_WINDOW, FAR_WINDOW = 4, 10

PASSIVE_WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
PASSIVE_ZIJN = frozenset({"is", "zijn", "was", "waren", "ben", "bent"})
PARTICLES = (
    "aan af bij door in mee na om op over terug toe uit vast voor weg samen tegen vrij kwijt open dicht los "
    "goed stuk schoon kapot klaar neer rond thuis vol voort binnen buiten boven onder achter weer bekend "
    "teleur vooraf"
).split()
PARTICIPLE_RE = re.compile(
    rf"^(?:(?:{'|'.join(PARTICLES)})?ge[a-zë]{{2,}}"
    r"|(?:be|ver|ont|her|er|onder|over|achter|mis)[a-zë]{2,})(?:d|t|en)$"
)
# Participles that take "zijn" in the perfect tense (active: "het paspoort is verlopen") or read as adjectives.
NOT_PASSIVE_ENDINGS = tuple(
    (
        "gegaan gekomen gebleven gebeurd gelukt gevallen gestegen gedaald gegroeid gestorven geslaagd gezakt "
        "geweest geworden geboren verhuisd overleden vertrokken veranderd gestopt begonnen verlopen verdwenen "
        "ontstaan verschenen gebleken verstreken afgelopen toegenomen afgenomen opgehouden mislukt ontsnapt "
        "gestart geland gevlucht gereisd gevlogen gelopen gezwommen gefietst verdwaald gewend bekend verplicht "
        "gezond geschikt gerust bereid bedoeld gevestigd verboden getrouwd gescheiden verzekerd benieuwd "
        "verkeerd gesloten geopend betrokken gelegen gewoon beschikbaar tevreden verliefd gelijk verschuldigd "
        "verder onder over achter overal bestand"
    ).split()
)
NOT_WORDEN_PARTICIPLES = ("geboren", "geworden", "verder", "onder", "over", "achter", "overal", "bestand")
# Nouns that look like participles ("het bezit", "het besluit").
PARTICIPLE_LOOKALIKES = frozenset(
    "bezit bericht bestand beleid verbod verband gebied gezicht gedicht gevecht gewicht besluit gebit gerecht "
    "verzet verlet gehoor bedrijven gebouwen gemeenten onderwijs onderzoek overleg achterkant".split()
)
DETERMINERS = frozenset(
    "de het een die deze dit dat uw onze hun zijn haar mijn jouw geen alle veel weinig elke ieder enkele".split()
)
ACTOR_PRONOUNS = frozenset("u uzelf ons mij mijzelf hen hem haar jou jullie iedereen niemand iemand ze zij".split())
# Words that end the actor after "door": verbs, prepositions, adverbs of time and manner.
ACTOR_STOPS = (
    PASSIVE_WORDEN
    | PASSIVE_ZIJN
    | frozenset(
        "kan kunnen moet moeten mag mogen zal zullen wil willen te in op aan bij na met voor binnen tot van "
        "naar om uit over onder tegen zonder per via elke elk iedere ieder jaarlijks altijd snel eerst daarna "
        "nog al ook niet alleen wel meteen direct zo dan dus daarom gisteren vandaag morgen vaak soms nooit "
        "weer even graag later deze".split()
    )
)

# "art. 4:8", "artikel 2.1 lid 1 sub a", "artikelen 3 en 4"
REFERENCE_RE = re.compile(
    r"\b(?:art(?:ikel(?:en)?)?\.?|artt\.)\s*\d+(?:[.:]\d+)*[a-z]?"
    r"(?:(?:\s*,\s*|\s+)(?:lid|leden|onder|sub|aanhef\s+en\s+onder)\s+[0-9a-z]{1,4}\b)*",
    re.IGNORECASE,
)


def check_references(text: str, sentence: Sentence, covered: set[int]) -> list[dict]:
    """References to articles of a regulation: the reader cannot look them up, so say what they mean."""
    issues = []
    for match in REFERENCE_RE.finditer(text, sentence.start, sentence.end):
        start, end = match.start(), match.end()
        tokens = [t for t in sentence.tokens if start <= t.start < end]
        if not tokens or not any(t.kind == "number" for t in tokens):
            continue
        covered |= {t.start for t in tokens}
        message = messages.reference(text[start:end])
        issues.append(make_issue("jargon", "warning", start, end, text, message, messages.REFERENCE_ALTERNATIVE))
    return issues


def nominal_verb(noun: str) -> str | None:
    """The verb hidden in a noun: listed ("invordering" -> "laten betalen") or by its ending
    ("beoordeling" -> "beoordelen", "registratie" -> "registreren", "deelname" -> "deelnemen");
    None when the word is no such noun."""
    if noun in NOMINAL_NOUNS:
        return NOMINAL_NOUNS[noun]
    if len(noun) < 7 or noun in NOT_NOMINAL or not noun.endswith(NOMINAL_SUFFIXES):
        return None
    if noun.endswith("atie"):
        candidates = [noun[:-4] + "eren"]
    elif noun.endswith("name"):
        candidates = [noun[:-4] + "nemen"]
    else:
        stem = noun[:-3]
        candidates = [stem + "en", stem]  # beoordel|ing -> beoordelen, herzien|ing -> herzien
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1] + "en")
    verb = max(candidates, key=zipf)
    return verb if zipf(verb) >= 2.0 else None


def is_nominal(noun: str) -> bool:
    """A noun that does the work of a verb. A noun in -name or -stelling always is ("ingebruikname",
    "vaststelling"), even when its verb is too rare to suggest."""
    if nominal_verb(noun):
        return True
    return len(noun) >= 7 and noun not in NOT_NOMINAL and noun.endswith(("name", "stelling"))


def check_light_verb_nominalizations(
    text: str, sentence: Sentence, covered: set[int], tot_phrases: bool = False
) -> list[dict]:
    """A verb hidden in a noun next to a light verb: "de betaling verrichten", "vindt de controle
    plaats", "betaling is vereist", "voert een toetsing uit"; with ``tot_phrases`` only the
    constructions with "tot": "komt tot een beslissing", "gaan over tot afsluiting" (these run
    before the glossary's fixed phrases, so the noun's own verb is suggested)."""
    words = sentence.words
    lowers = [t.lower for t in words]
    has_vinden = any(w in VINDEN_FORMS for w in lowers)
    issues = []

    def add(low: int, high: int, noun_index: int) -> None:
        first, last = words[low], words[high]
        verb = nominal_verb(lowers[noun_index])
        found = text[first.start : last.end]
        issue = make_issue(
            "nominalization", "warning", first.start, last.end, text, messages.nominalization(found, verb, None), verb
        )
        issue["serious"] = True
        issue["noun"] = words[noun_index].text
        issues.append(issue)
        covered.update(t.start for t in words[low : high + 1])

    for i, lower in enumerate(lowers):
        if words[i].start in covered:
            continue
        if lower == "tot":
            if tot_phrases and i + 1 < len(words):
                # "tot [de] beslissing" after "komen", "overgaan" or "opdracht"
                noun = next((j for j in range(i + 1, min(len(words), i + 3)) if is_nominal(lowers[j])), None)
                trigger = [k for k in range(max(0, i - 4), i) if lowers[k] in TOT_TRIGGERS]
                if noun is not None and trigger and words[noun].start not in covered:
                    add(max(trigger), noun, noun)
            continue
        if tot_phrases or lower not in LIGHT_VERB_FORMS or (lower == "plaats" and not has_vinden):
            continue
        if lower in MAKEN_FORMS and "aan" in lowers[i + 1 :]:
            continue  # "maak een melding aan": aanmaken (create), not the light verb "maken"
        if lower in ZIJN_LIGHT_VERB_FORMS and not any(w in PASSIVE_ZIJN for w in lowers[max(0, i - 6) : i + 2]):
            continue
        window = FAR_WINDOW if lower in FAR_LIGHT_VERB_FORMS else NEAR_WINDOW
        nearby = [
            j
            for j in range(max(0, i - window), min(len(words), i + NEAR_WINDOW + 1))
            if j != i and words[j].start not in covered and is_nominal(lowers[j])
        ]
        if not nearby:
            continue
        j = min(nearby, key=lambda k: abs(k - i))
        low, high = min(i, j), max(i, j)
        if lower == "plaats":  # "vindt de controle plaats": include the "vindt"
            low = min([k for k in range(max(0, low - 4), low) if lowers[k] in VINDEN_FORMS], default=low)
        add(low, high, j)
    return issues


def is_participle(lowers: list[str], index: int, after_worden: bool = False) -> bool:
    """Whether the word at ``index`` is a past participle. After a form of "worden" a state such
    as "geopend" is a passive too ("wordt geopend"); after "zijn" it is not ("is geopend")."""
    lower = lowers[index]
    if lower in PARTICIPLE_LOOKALIKES or not PARTICIPLE_RE.match(lower):
        return False
    if lower.endswith(NOT_WORDEN_PARTICIPLES if after_worden else NOT_PASSIVE_ENDINGS):
        return False
    if index > 0 and lowers[index - 1] in DETERMINERS:
        return False  # "de verkiezingen", "het gebied": a noun
    if lower.endswith("en"):
        # Plural nouns: "gemeenten" (gemeente), "berichten" (bericht), "bedrijven" (bedrijf).
        singular = lower[:-2]
        candidates = (singular, lower[:-1], singular[:-1] + "f" if singular.endswith("v") else singular)
        return all(zipf(c) < 3 for c in candidates)
    return True


def find_actor(tokens: list[Token], lowers: list[str]) -> tuple[int, int] | None:
    """The words after "door" that name who acts in a passive sentence (first and last index)."""
    for k, lower in enumerate(lowers):
        if lower != "door" or k + 1 >= len(tokens) or tokens[k + 1].kind != "word":
            continue
        if lowers[k + 1] in ACTOR_PRONOUNS:
            return k + 1, k + 1
        end = k
        for m in range(k + 1, min(len(tokens), k + 6)):
            if tokens[m].kind != "word" or lowers[m] in ACTOR_STOPS or lowers[m] in CLAUSE_BREAKERS:
                break
            if m > k + 1 and is_participle(lowers, m):
                break
            end = m
            if lowers[m] not in DETERMINERS and base_zipf(lowers[m]) > 0 and m + 1 < len(tokens):
                following = lowers[m + 1]
                if following not in DETERMINERS and (following in ACTOR_STOPS or is_participle(lowers, m + 1)):
                    break
        if end > k and lowers[k + 1] not in ("middel", "te", "elkaar"):
            return k + 1, end
    return None


def check_passive(text: str, sentence: Sentence, config) -> list[dict]:
    """Auxiliary + past participle, also split ("wordt ... verstuurd") and reversed ("verstuurd
    wordt"). With an actor after "door" the passive is serious and the issue names the actor."""
    tokens = sentence.tokens
    lowers = [t.lower for t in tokens]
    issues, used = [], set()
    has_door = "door" in lowers
    for i, lower in enumerate(lowers):
        if lower not in PASSIVE_WORDEN and lower not in PASSIVE_ZIJN:
            continue
        hit = None
        at_clause_end = i + 1 == len(tokens) or tokens[i + 1].kind == "punct" or lowers[i + 1] in CLAUSE_BREAKERS
        worden = lower in PASSIVE_WORDEN
        if at_clause_end and i > 1 and tokens[i - 1].kind == "word" and is_participle(lowers, i - 1, worden):
            hit = i - 1  # "dat de brief verstuurd wordt"
        else:
            short = lower in PASSIVE_ZIJN and "door" not in lowers[i + 1 : i + config.passive_max_gap + 2]
            gap = min(config.passive_max_gap, 3) if short else config.passive_max_gap
            in_actor = False
            for j in range(i + 1, min(len(tokens), i + gap + 2)):
                in_actor = in_actor or lowers[j] == "door"
                if lowers[j] == "en" and in_actor:
                    continue  # "door burgemeester en wethouders": one actor, not a new clause
                if lowers[j] in CLAUSE_BREAKERS or (j > i + 1 and lowers[j] in PASSIVE_WORDEN | PASSIVE_ZIJN):
                    break
                if tokens[j].kind == "word" and is_participle(lowers, j, worden):
                    hit = j
                    break
        if hit is None or hit in used:
            continue
        used.add(hit)
        first, last = tokens[min(i, hit)], tokens[max(i, hit)]
        issue = make_issue(
            "passive", "warning", first.start, last.end, text, messages.passive(text[first.start : last.end])
        )
        actor = find_actor(tokens, lowers) if has_door else None
        if actor is not None:
            issue["actor"] = text[tokens[actor[0]].start : tokens[actor[1]].end]
            issue["participle"] = tokens[hit].text
            issue["serious"] = True
            issue["message"] = messages.passive_with_actor(issue["text"], issue["actor"])
        issues.append(issue)
    return issues
