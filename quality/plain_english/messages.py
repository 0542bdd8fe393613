"""Messages for the editor about English text. The admin is Dutch, so they are in Dutch at B1
level, in the tone of the Dutch messages (``quality.b1.messages``)."""

from __future__ import annotations

from ..b1 import messages as dutch


def sentence_long(count: int, limit: int) -> str:
    return (
        f"Deze Engelse zin is lang ({count} woorden). Probeer er twee zinnen van te maken. "
        f"Een goede Engelse zin heeft hoogstens {limit} woorden."
    )


def sentence_too_long(count: int, limit: int) -> str:
    return (
        f"Deze Engelse zin is te lang ({count} woorden). Maak er twee of meer zinnen van. "
        f"Een Engelse zin mag niet meer dan {limit} woorden hebben."
    )


def jargon(found: str, alternative: str | None, note: str | None) -> str:
    return dutch.jargon(found, alternative, note, kind="ambtelijk Engels")


def passive(found: str) -> str:
    return (
        f"'{found}' is de lijdende vorm (passive). Schrijf wie iets doet. "
        "Bijvoorbeeld: 'We send you a letter' in plaats van 'A letter is sent to you'."
    )


def abbreviation(found: str) -> str:
    return (
        f"Leg de afkorting '{found}' uit. Schrijf de eerste keer de Engelse woorden voluit, "
        f"met de afkorting tussen haakjes erachter."
    )


def dotted_abbreviation(found: str, expansion: str | None) -> str:
    if expansion:
        return f"Schrijf liever '{expansion}' dan '{found}'."
    return f"Schrijf de afkorting '{found}' voluit."


def long_word(found: str) -> str:
    return (
        f"'{found}' is een lang Engels woord dat weinig mensen gebruiken. Kies een korter, bekend woord of leg het uit."
    )


def difficult_word(found: str) -> str:
    return (
        f"'{found}' kennen weinig Engelse lezers. Is het een Nederlands woord? "
        "Vertaal het, of leg het de eerste keer uit."
    )
