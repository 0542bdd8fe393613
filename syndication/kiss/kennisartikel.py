"""A product page as SDG kennisartikelen for KISS: the `record.data` of its objects.

A pure mapping from the content model; valid against the kennisartikel object type
(`kiss/kennisartikel-schema.json`). A kennisartikel has one doelgroep, so a product for residents
and businesses becomes two (the SyncState variant). Each product section fills its own text;
KCC scripts and links to internal pages go only to `deskMemo` ("Interne informatie, alleen bestemd
voor de Balie- of KCC-medewerker"), never to a text meant for residents. The English
translation, when it is live, is the `en` entry of `vertalingen`.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join

from content.channels import PRODUCT_SECTIONS
from content.languages import language_of
from content.rendering import load_references, render_for_channel
from content.translations import translations_of
from content.visibility import page_is_visible

from ..sections import STANDARD_SECTION_FIELDS
from .config import KENNISARTIKEL, object_uuid
from .fields import PUBLIC_KCC, STAFF_KCC, Mapping, afdelingen, trefwoorden
from .html import blocks_html, paragraphs, split_for_staff

# Product section -> the kennisartikel text that holds it.
SECTION_FIELDS = {**STANDARD_SECTION_FIELDS, "bijzonderheden": "notice", "contact": "contact"}
SECTION_LABELS = dict(PRODUCT_SECTIONS)
LANGUAGES = ("nl", "en")  # the languages the object type knows
# The UPL's own entry for a product without a uniform name, as other PDCs send it.
NO_UPL = "http://standaarden.overheid.nl/owms/terms/UPL-naam_nog_niet_beschikbaar"
# The schema requires an end date for the organisation; a gemeente that exists has none.
NO_END_DATE = "2999-12-31T23:59:59+00:00"


def problems(product, mapping: Mapping) -> list[str]:
    """Why `product` cannot become a valid kennisartikel, in Dutch (empty when it can)."""
    site = mapping.directory.site_of(product)
    if site is None:
        return ["de pagina hoort bij geen site"]
    if not site.owms_identifier:
        return [f"OWMS-identificatie van de site {site.key} ontbreekt (site-instellingen)"]
    return []


def kennisartikel_data(product, variant: str, mapping: Mapping, *, retired: bool = False) -> dict:
    """The kennisartikel of `product` for one doelgroep (`eu-burger` or `eu-bedrijf`).
    `retired` when the product is no longer live: KISS hears that it is no longer offered."""
    site = mapping.directory.site_of(product)
    key = object_uuid(product.translation_key, KENNISARTIKEL, variant)
    organisation = {"url": site.owms_identifier, "owmsIdentifier": site.owms_identifier, "owmsEndDate": NO_END_DATE}
    if site.organisation_name:
        organisation["owmsPrefLabel"] = site.organisation_name
    vertalingen = [vertaling(product, mapping)]
    vertalingen += [vertaling(t, mapping) for t in _live_translations(product)]
    return {
        "url": mapping.config.object_url(key),
        "uuid": str(key),
        "upnUri": product.upl_uri or NO_UPL,
        "publicatieDatum": product.first_published_at.date().isoformat() if product.first_published_at else None,
        "productAanwezig": not retired,
        "productValtOnder": None,
        "verantwoordelijkeOrganisatie": organisation,
        "locaties": None,
        "doelgroep": variant,
        "afdelingen": afdelingen(product.owner_name, "afdelingnaam"),
        "vertalingen": vertalingen,
        "beschikbareTalen": [v["taal"] for v in vertalingen],
    }


def retire(data: dict) -> dict:
    """A kennisartikel as KISS has it, marked as no longer offered (its page is gone)."""
    return {**data, "productAanwezig": False}


def vertaling(product, mapping: Mapping) -> dict:
    """The texts of one language version of the product."""
    language = language_of(product)
    references = load_references([product.body], STAFF_KCC, language=language)
    blocks = render_for_channel(product.body, STAFF_KCC, references=references)
    for_residents, for_staff = split_for_staff(blocks, PUBLIC_KCC)
    texts = dict.fromkeys(SECTION_FIELDS.values(), "")
    texts["tekst"] = paragraphs(product.summary)
    for block in for_residents:
        texts[SECTION_FIELDS.get(block.section or "inleiding", "tekst")] += blocks_html([block], mapping.directory)
    texts["procedureBeschrijving"] += _actions(product)
    texts["deskMemo"] = _desk_memo(for_staff, mapping)
    changed = product.last_published_at or product.latest_revision_created_at or product.first_published_at
    entry = {
        "taal": language,
        "titel": product.title,
        "datumWijziging": changed.isoformat() if changed else None,
        "trefwoorden": trefwoorden(product),
    }
    entry.update((name, text) for name, text in texts.items() if text)
    return entry


def _live_translations(product) -> list:
    translations = [
        t for t in translations_of(product) if language_of(t) in LANGUAGES and page_is_visible(t, STAFF_KCC)
    ]
    return sorted(translations, key=lambda t: LANGUAGES.index(language_of(t)))


def _actions(product) -> str:
    # "Direct regelen" buttons, so the employee can send the resident to the right form.
    actions = [(a.value["url"], a.value["label"]) for a in product.actions if a.value.get("url")]
    if not actions:
        return ""
    return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', actions))


def _desk_memo(for_staff, mapping: Mapping) -> str:
    """Staff-only blocks, under the name of the section they belong to."""
    html, section = "", None
    for block in for_staff:
        if block.section and block.section != section:
            section = block.section
            html += format_html("<h3>{}</h3>", SECTION_LABELS.get(section, section))
        html += blocks_html([block], mapping.directory)
    return html
