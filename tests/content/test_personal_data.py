"""The one personal-data rule: what is masked before free text is stored."""

import pytest

from content.personal_data import mask_personal_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail mij op jan.jansen@example.nl graag", "mail mij op [e-mail] graag"),
        ("bel 06-12345678", "bel [nummer]"),
        ("mijn bsn is 123456782", "mijn bsn is [nummer]"),
        ("bsn 1234.56.782", "bsn [nummer]"),
        ("ik woon op 7411 AB 12", "ik woon op [adres]"),
        ("postcode 7411AB, 3a kapot", "postcode [adres] kapot"),
        ("7411 ab 12-2 achterom", "[adres] achterom"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    ["paspoort 18 jaar", "afval in 7411 AB", "parkeervergunning 2027", "kosten 75 euro", "bus 12"],
)
def test_ordinary_words_and_short_numbers_stay(text):
    assert mask_personal_data(text) == text
