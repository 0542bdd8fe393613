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
        ("ik woon op 7411AB12", "ik woon op [adres]"),
        ("bel +31 6 12345678 na vijven", "bel [nummer] na vijven"),
        ("bel +31 (0)6-1234 5678", "bel [nummer]"),
        ("bel 0031 612345678", "bel [nummer]"),
        ("bel (06) 1234 5678", "bel [nummer]"),
        ("bel (0570) 12 34 56", "bel [nummer]"),
        ("bel 06\u201112345678 of 06\u201312345678", "bel [nummer] of [nummer]"),
        ("bsn 123 456 782 klopt", "bsn [nummer] klopt"),
        ("BSN: 12345678 (8 cijfers)", "BSN: [nummer] (8 cijfers)"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "paspoort 18 jaar",
        "afval in 7411 AB",
        "parkeervergunning 2027",
        "kosten 75 euro",
        "bus 12",
        "bel 112",
        "(2027) nieuw",
        "+3 graden",
    ],
)
def test_ordinary_words_and_short_numbers_stay(text):
    assert mask_personal_data(text) == text
