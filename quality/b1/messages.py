"""Messages for the editor, in Dutch at B1 level. One place, so the tone stays the same."""

from __future__ import annotations


def sentence_long(count: int, limit: int) -> str:
    return f"Deze zin is lang: {count} woorden. Probeer er twee zinnen van te maken. Een goede zin heeft hoogstens {limit} woorden."  # noqa: E501


def sentence_too_long(count: int, limit: int) -> str:
    return f"Deze zin is te lang: {count} woorden. Maak er twee of meer zinnen van. Een zin mag niet meer dan {limit} woorden hebben."  # noqa: E501


def subordinate_clauses(count: int) -> str:
    return f"De zin heeft {count} bijzinnen. Gebruik hoogstens één bijzin in een zin."


def paragraph_long(count: int, limit: int) -> str:
    return (
        f"Deze alinea is lang: {count} woorden. Maak er twee alinea's van. "
        f"Een alinea heeft hoogstens {limit} woorden (ongeveer 6 regels)."
    )


def jargon(found: str, alternative: str | None, note: str | None, kind: str = "ambtelijke taal") -> str:
    message = f"'{found}' is {kind}."
    if alternative:
        message += f" Schrijf liever: '{alternative}'."
    if note:
        message += f" {note}"
    return message


def nominalization(found: str, verb: str | None, note: str | None) -> str:
    message = f"In '{found}' zit een werkwoord verstopt. Gebruik het werkwoord zelf."
    if verb:
        message += f" Bijvoorbeeld: '{verb}'."
    if note:
        message += f" {note}"
    return message


def passive(found: str) -> str:
    return (
        f"'{found}' is de lijdende vorm. Schrijf wie iets doet. "
        "Bijvoorbeeld: 'Wij sturen u een brief' in plaats van 'Er wordt een brief gestuurd'."
    )


def abbreviation(found: str) -> str:
    return (
        f"Leg de afkorting '{found}' uit. Schrijf de eerste keer het hele woord, "
        f"met de afkorting tussen haakjes erachter."
    )


def dotted_abbreviation(found: str, expansion: str | None) -> str:
    if expansion:
        return f"Schrijf '{found}' voluit: '{expansion}'."
    return f"Schrijf de afkorting '{found}' voluit."


def difficult_word(found: str) -> str:
    return f"'{found}' is een woord dat weinig mensen gebruiken. Kies een bekender woord of leg het uit."


def long_word(found: str) -> str:
    return f"'{found}' is een lang en moeilijk woord. Kies een korter, bekend woord of leg het uit."


def passive_with_actor(found: str, actor: str) -> str:
    return f"'{found}' is de lijdende vorm. Wie het doet, staat achter 'door': {actor}. Zet {actor} vooraan in de zin."


REFERENCE_ALTERNATIVE = "schrijf wat de regel zegt"


def reference(found: str) -> str:
    return (
        f"'{found}' is een verwijzing naar een artikel van een wet of regel. "
        "Lezers zoeken dat niet op. Schrijf in gewone woorden wat de regel zegt."
    )


def rare_compound(found: str, parts: tuple[str, ...]) -> str:
    return (
        f"'{found}' is een lang, ambtelijk woord ({' + '.join(parts)}) dat weinig mensen kennen. "
        "Schrijf het in meer woorden uit of leg het uit."
    )


# --- the verdict and the rewrite hints (quality/b1/verdict.py, quality/b1/hints.py) ---------

# Per issue code: what a hard sentence has, singular and plural ("1 van de 3 zinnen is lijdend").
SENTENCE_PROBLEMS = {
    "passive": ("is lijdend, met 'door' ervoor wie het doet", "zijn lijdend, met 'door' ervoor wie het doet"),
    "nominalization": (
        "verstopt een werkwoord in een zelfstandig naamwoord",
        "verstoppen een werkwoord in een zelfstandig naamwoord",
    ),  # noqa: E501
    "jargon": ("heeft ambtelijke woorden", "hebben ambtelijke woorden"),
    "difficult_word": ("heeft een moeilijk woord", "hebben een moeilijk woord"),
    "long_word": ("heeft een lang, onbekend woord", "hebben een lang, onbekend woord"),
    "abbreviation": ("zit vol afkortingen", "zitten vol afkortingen"),
    "long_sentence": ("is te lang", "zijn te lang"),
}
PROBLEM_NAMES = {
    "passive": "lijdende vorm",
    "nominalization": "verstopt werkwoord",
    "jargon": "ambtelijk woord",
    "difficult_word": "moeilijk woord",
    "long_word": "lang woord",
    "abbreviation": "afkorting",
    "long_sentence": "lange zin",
}


def sentences_with(code: str, count: int, total: int) -> str:
    singular, plural = SENTENCE_PROBLEMS[code]
    if total == 1:
        return f"de zin {singular}"
    return f"{count} van de {total} zinnen {singular if count == 1 else plural}"


def verdict_short_text(details: str) -> str:
    return f"Niet B1: {details}. Bij een korte tekst moet elke zin eenvoudig zijn."


def verdict_share(details: str, share: int, limit: int) -> str:
    return f"Niet B1: {details}. Dat is {share}% van de zinnen; de grens is {limit}%."


def verdict_stacked(sentence: str, count: int, problems: list[str]) -> str:
    return f"Niet B1: de zin '{sentence}' heeft {count} problemen tegelijk ({', '.join(problems)})."


def verdict_score(score: int, limit: int) -> str:
    return f"Niet B1: de score is {score}; een B1-tekst heeft minstens {limit}."


def verdict_error() -> str:
    return "Niet B1: er staat nog een rode fout in de tekst. Los die eerst op."


def verdict_b1(serious: int, total: int, limit: int) -> str:
    if not serious:
        return "Taalniveau B1: geen zin heeft een ernstig probleem."
    return (
        f"Taalniveau B1: {serious} van de {total} zinnen heeft een ernstig probleem; "
        f"dat is niet meer dan {limit}%. Verbeter die zin toch als het kan."
    )


def hint_passive_actor(found: str, active: str | None, actor: str) -> str:
    if active:
        return f"Begin met wie het doet: '{active}' in plaats van '{found}'."
    return f"Begin met wie het doet: '{actor[:1].upper()}{actor[1:]} …', en schrijf dan wat die doet in plaats van '{found}'."  # noqa: E501


def hint_passive(found: str) -> str:
    return f"Schrijf wie het doet, bijvoorbeeld 'wij' of 'u', in plaats van '{found}'."


def hint_nominalization(found: str, verb: str | None) -> str:
    if verb:
        return f"Gebruik het werkwoord: '{verb}' in plaats van '{found}'."
    return f"Gebruik het werkwoord zelf in plaats van '{found}'."


def hint_jargon(found: str, alternative: str | None) -> str:
    if alternative:
        return f"Schrijf '{alternative}' in plaats van '{found}'."
    return f"Schrijf '{found}' in gewone woorden."


def hint_compound(found: str, parts: list[str]) -> str:
    return f"Schrijf '{found}' in meer woorden uit (het bestaat uit {' + '.join(parts)})."


def hint_word(found: str) -> str:
    return f"Kies een bekender woord voor '{found}', of leg het uit."


def hint_abbreviation(found: str, expansion: str | None) -> str:
    if expansion:
        return f"Schrijf '{found}' voluit: '{expansion}'."
    return f"Schrijf voluit wat '{found}' betekent."


def hint_split(at: str | None) -> str:
    if at:
        return f"Maak er twee zinnen van, bijvoorbeeld bij '{at}'."
    return "Maak er twee zinnen van."
