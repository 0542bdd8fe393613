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
