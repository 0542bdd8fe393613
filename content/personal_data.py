"""The one rule that removes personal data from free text before it is stored.

Used for the search query log and for residents' and KCC feedback. What it removes:
e-mail addresses; numbers of five or more digits, also written with spaces, dots or dashes
in between (a BSN, a phone number, a case or bank number), with a phone number's country code
or its area code in brackets; and a Dutch postcode followed by a house number (an address).
A postcode alone (a neighbourhood) and short numbers ("18 jaar") stay, so the text keeps its
meaning.
"""

import re

EMAIL_MASK = "[e-mail]"
NUMBER_MASK = "[nummer]"
ADDRESS_MASK = "[adres]"

_EMAIL = re.compile(r"\S+@\S+")
_POSTCODE_WITH_NUMBER = re.compile(r"\b[1-9]\d{3}\s?[a-zA-Z]{2}(?![a-zA-Z])[\s,]*\d{1,5}(?:\s?[a-zA-Z]\b|-\d+)?")
# Between the digits of one number: spaces, dots, slashes and every kind of dash people type.
_SEPARATOR = r"[\s.\-/\u2010-\u2015\u2212]"
# A phone number's country code ("+31 ", "0031 ", "+31 (0)") or area code in brackets ("(06) "),
# masked together with the number that follows.
_PHONE_PREFIX = rf"(?:(?:\+|00)\d{{1,3}}{_SEPARATOR}*(?:\(0\){_SEPARATOR}*)?|\(0\d{{1,3}}\){_SEPARATOR}*)"
_NUMBER = re.compile(rf"{_PHONE_PREFIX}?\d(?:{_SEPARATOR}*\d){{4,}}")


def mask_personal_data(text: str) -> str:
    """`text` with e-mail addresses, long numbers and postcode-plus-house-number masked."""
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _POSTCODE_WITH_NUMBER.sub(ADDRESS_MASK, text)
    return _NUMBER.sub(NUMBER_MASK, text)
