"""The one rule that removes personal data from free text before it is stored.

Used for the search query log and for residents' and KCC feedback. What it removes:
e-mail addresses; numbers of five or more digits, also written with spaces, dots or dashes
in between (a BSN, a phone number, a case or bank number); and a Dutch postcode followed by a
house number (an address). A postcode alone (a neighbourhood) and short numbers ("18 jaar")
stay, so the text keeps its meaning.
"""

import re

EMAIL_MASK = "[e-mail]"
NUMBER_MASK = "[nummer]"
ADDRESS_MASK = "[adres]"

_EMAIL = re.compile(r"\S+@\S+")
_POSTCODE_WITH_NUMBER = re.compile(r"\b[1-9]\d{3}\s?[a-zA-Z]{2}\b[\s,]*\d{1,5}(?:\s?[a-zA-Z]\b|-\d+)?")
_NUMBER = re.compile(r"\d(?:[\s.\-/]*\d){4,}")


def mask_personal_data(text: str) -> str:
    """`text` with e-mail addresses, long numbers and postcode-plus-house-number masked."""
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _POSTCODE_WITH_NUMBER.sub(ADDRESS_MASK, text)
    return _NUMBER.sub(NUMBER_MASK, text)
