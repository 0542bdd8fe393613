"""An answer page as a VAC (vraag-antwoordcombinatie): the `record.data` of its object in KISS.

A pure mapping from the content model; valid against the VAC object type (`kiss/vac-schema.json`).
Every answer page becomes a VAC, public and internal alike: KISS is a staff system. What a
resident may hear goes in `antwoord`; what only staff may read (the internal note, KCC scripts,
links to internal pages) goes in `toelichting`, the field meant for the KCC employee.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join

from content.rendering import render_for_channel

from .fields import PUBLIC_KCC, STAFF_KCC, VAC_DOELGROEP, Mapping, afdelingen, related, trefwoorden
from .html import blocks_html, paragraphs, split_for_staff

# AnswerPage.status -> VAC status. A live answer "in bewerking" is not to be used yet.
STATUS = {"actueel": "actief", "verouderd": "non-actief", "concept": "non-actief"}
RETIRED = "te-verwijderen"  # an unpublished, expired or deleted answer


def vac_data(answer, mapping: Mapping, *, retired: bool = False) -> dict:
    """The VAC of `answer`; `retired` when the answer is no longer live (KISS removes it)."""
    blocks = render_for_channel(answer.body, STAFF_KCC)
    for_residents, for_staff = split_for_staff(blocks, PUBLIC_KCC)
    vacs, products = related(blocks, mapping)
    data = {
        "vraag": answer.title,
        "antwoord": paragraphs(answer.short_answer) + blocks_html(for_residents, mapping.directory),
        "status": RETIRED if retired else STATUS.get(answer.status, "non-actief"),
        "doelgroep": VAC_DOELGROEP.get(answer.doelgroep, "eu-burger"),
        "afdelingen": afdelingen(answer.owner_name, "afdelingNaam"),
        "trefwoorden": trefwoorden(answer),
        "gerelateerdeVACs": [{"VAC": url} for url in vacs],
        "gerelateerdeProducten": [{"product": url} for url in products],
    }
    toelichting = paragraphs(answer.internal_note) + _phrasings(answer) + blocks_html(for_staff, mapping.directory)
    if toelichting:
        data["toelichting"] = toelichting
    return data


def retire(data: dict) -> dict:
    """A VAC as KISS has it, marked for removal (its page is gone: nothing else to build it from)."""
    return {**data, "status": RETIRED}


def _phrasings(answer) -> str:
    # How residents ask it helps the KCC employee recognise the question.
    if not answer.phrasing_list:
        return ""
    items = format_html_join("", "<li>{}</li>", ((p,) for p in answer.phrasing_list))
    return format_html("<p>Zo vragen inwoners het:</p><ul>{}</ul>", items)
