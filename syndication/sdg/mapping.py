"""A product page as SDG products: the payloads of "PDC API voor producten in de SDG" 1.8.

Pure: reads the content model, sends and stores nothing. What is public is decided by the one
visibility rule (`content.visibility`, the public web viewer) and `content.rendering`, so a KCC
script, an internal page or a block for the app only never reaches a payload. A product is keyed
at the SDG by UPL URI + organisation (OWMS identifier) + doelgroep; a page for both residents and
businesses (`beide`) is two SDG products. See docs/standards.md ("SDG") for the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from content.blocks import list_items, raw_stream
from content.channels import INTERNAL, PRODUCT_SECTIONS
from content.languages import default_language, language_of
from content.models import PageTombstone, ProductPage, SiteConfig, SiteDirectory
from content.rendering import RenderedBlock, load_references, render_for_channel
from content.translations import original_of
from content.visibility import PUBLIC_WEB, page_is_visible, visible_page_ids

from ..doelgroep import PRODUCT_DOELGROEPEN
from ..sections import STANDARD_SECTION_FIELDS
from .markdown import (
    bullet_list,
    from_html,
    heading,
    join_blocks,
    numbered_list,
    paragraphs,
    safe_url,
    strong,
)

TARGET = "sdg"  # the outbox subscriber and SyncState.target
ENGLISH = "en"
DOELGROEPEN = PRODUCT_DOELGROEPEN
# Product sections → fields of a translation (LocalizedProduct). Sections without a field of their
# own go into `tekst`, under their heading.
SECTION_FIELDS = {**STANDARD_SECTION_FIELDS, "bijzonderheden": "tekst", "contact": "tekst"}
TEXT_FIELDS = tuple(dict.fromkeys(SECTION_FIELDS.values()))
HEADED_SECTIONS = ("bijzonderheden", "contact")
SECTION_HEADINGS = {"nl": dict(PRODUCT_SECTIONS), "en": {"bijzonderheden": "Good to know", "contact": "Contact"}}
PROCEDURE_ACTIONS = ("online", "formulier", "afspraak")  # which action is the procedure link, by preference
NOTICE_PREFIX = {"nl": "Let op:", "en": "Please note:"}
WITHDRAWN = {
    "nl": "{organisation} biedt dit product niet meer aan.",
    "en": "{organisation} no longer offers this product.",
}
SOMEONE = {"nl": "De gemeente", "en": "The municipality"}
TITLE_MAX, LABEL_MAX, URL_MAX = 150, 100, 1000


@dataclass(frozen=True)
class ProductKey:
    """What the SDG API knows a product by."""

    upn_uri: str
    organisation: str  # OWMS identifier of the responsible organisation
    doelgroep: str  # eu-burger or eu-bedrijf

    @classmethod
    def of(cls, product: dict) -> ProductKey:
        """The key of a payload or of a product as the API returns it."""
        organisation = (product.get("verantwoordelijkeOrganisatie") or {}).get("owmsIdentifier", "")
        return cls(product.get("upnUri", ""), organisation, product.get("doelgroep", ""))


@dataclass
class Product:
    """A Dutch product page as the SDG should have it now."""

    page_id: int
    page: ProductPage | None  # None: deleted
    english: ProductPage | None = None  # the public, published English translation
    site: SiteConfig | None = None
    problems: list[str] = field(default_factory=list)  # why it is not delivered (Dutch, for the editor)

    @property
    def deliverable(self) -> bool:
        return self.page is not None and not self.problems

    @property
    def variants(self) -> tuple[str, ...]:
        return DOELGROEPEN.get(self.page.doelgroep, ()) if self.deliverable else ()


def product_for(page_id: int, directory: SiteDirectory | None = None) -> Product:
    """The product of a Dutch page (by id), with the reasons it cannot be delivered, if any."""
    page = ProductPage.objects.filter(pk=page_id).first()
    if page is None:
        return Product(page_id, None, problems=["verwijderd"])
    if language_of(page) != default_language():
        return Product(page_id, page, problems=["een vertaling wordt geleverd met de Nederlandse pagina"])
    directory = directory or SiteDirectory()
    product = Product(page_id, page, site=directory.site_of(page))
    if not page.live:
        product.problems.append("niet gepubliceerd")
    elif page.audience == INTERNAL:
        product.problems.append("interne pagina: de SDG is openbaar")
    elif not page_is_visible(page, PUBLIC_WEB):
        product.problems.append("verlopen")
    if not page.upl_uri:
        product.problems.append("UPL ontbreekt")
    if product.site is None:
        product.problems.append("de pagina staat niet op een site")
    elif not product.site.owms_identifier:
        product.problems.append(f"OWMS-identificatie van de site {product.site.key} ontbreekt (site-instellingen)")
    if page.doelgroep not in DOELGROEPEN:
        product.problems.append(f"onbekende doelgroep {page.doelgroep!r}")
    english = english_translation(page)
    product.english = english if english is not None and page_is_visible(english, PUBLIC_WEB) else None
    return product


def dutch_page_id(page) -> int | None:
    """The id of the Dutch original that carries the SDG delivery of `page` (itself when Dutch)."""
    if language_of(page) == default_language():
        return page.pk
    original = original_of(page)
    return original.pk if original is not None else None


def english_translation(page) -> ProductPage | None:
    """The English translation of a Dutch product page, published or not."""
    return ProductPage.objects.filter(translation_key=page.translation_key, locale__language_code=ENGLISH).first()


# --- payloads ----------------------------------------------------------------------------------
def payloads(product: Product, directory: SiteDirectory | None = None) -> dict[str, dict]:
    """variant (doelgroep) → the payload of a new version; empty when not deliverable."""
    if not product.deliverable:
        return {}
    directory = directory or SiteDirectory()
    translations = [translation(product.page, "nl", directory)]
    if product.english is not None:
        translations.append(translation(product.english, ENGLISH, directory))
    day = timezone.localdate(product.page.last_published_at or timezone.now())
    return {
        variant: {
            "upnUri": product.page.upl_uri,
            "publicatieDatum": day.isoformat(),
            "productAanwezig": True,
            "productValtOnder": None,
            "verantwoordelijkeOrganisatie": {"owmsIdentifier": product.site.owms_identifier},
            "locaties": [],
            "doelgroep": variant,
            "vertalingen": translations,
        }
        for variant in product.variants
    }


def withdrawal(key: ProductKey, day: date) -> dict:
    """A version that says the organisation no longer offers the product, explained in every language."""
    name = (
        SiteConfig.objects.filter(owms_identifier=key.organisation)
        .exclude(organisation_name="")
        .values_list("organisation_name", flat=True)
        .first()
    )
    return {
        "upnUri": key.upn_uri,
        "publicatieDatum": day.isoformat(),
        "productAanwezig": False,
        "productValtOnder": None,
        "verantwoordelijkeOrganisatie": {"owmsIdentifier": key.organisation},
        "locaties": [],
        "doelgroep": key.doelgroep,
        "vertalingen": [
            {"taal": taal, "productAanwezigToelichting": paragraphs(text.format(organisation=name or SOMEONE[taal]))}
            for taal, text in WITHDRAWN.items()
        ],
    }


def withdrawal_day(page_id: int) -> date:
    """The day a product stopped being delivered: its unpublication or deletion, else its last publication
    (it became internal or lost its UPL), else today."""
    tombstone = PageTombstone.objects.filter(page_id=page_id).first()
    if tombstone is not None:
        return timezone.localdate(tombstone.removed_at)
    published = ProductPage.objects.filter(pk=page_id).values_list("last_published_at", flat=True).first()
    return timezone.localdate(published or timezone.now())


def changed_at(product: Product):
    """When the content the SDG gets of this product last changed (publication, unpublication, deletion)."""
    moments = []
    ids = [product.page_id]
    if product.page is not None:
        moments.append(product.page.last_published_at)
        english = english_translation(product.page)
        if english is not None:
            moments.append(english.last_published_at)
            ids.append(english.pk)
    moments += PageTombstone.objects.filter(page_id__in=ids).values_list("removed_at", flat=True)
    return max((m for m in moments if m), default=None)


def translation(page: ProductPage, taal: str, directory: SiteDirectory) -> dict:
    """One `vertalingen` entry (LocalizedProduct) from a page in that language."""
    references = load_references([page.body], PUBLIC_WEB, language=taal)
    texts: dict[str, list[str]] = {name: [] for name in TEXT_FIELDS}
    if page.summary:
        texts["tekst"].append(paragraphs(page.summary))
    links: dict[str, str] = {}
    resolve = _link_resolver(directory)
    for key, own_heading, content in _sections(page):
        blocks = render_for_channel(content, PUBLIC_WEB, references=references)
        body = join_blocks(_block_markdown(block, taal, resolve) for block in blocks)
        for block in _walk(blocks):
            for item in block.links:
                url = safe_url(directory.url_of(item["page"]) if item["page"] else item["url"])
                if url and len(url) <= URL_MAX:
                    links.setdefault(url, item["title"] or url)
        if body and key in HEADED_SECTIONS:
            title = own_heading or SECTION_HEADINGS.get(taal, {}).get(key) or key
            body = join_blocks([heading(title), body])
        if body:
            texts[SECTION_FIELDS.get(key, "tekst")].append(body)
    entry = {"taal": taal, "titel": page.title[:TITLE_MAX].rstrip()}
    entry |= {name: join_blocks(parts) for name, parts in texts.items()}
    entry["links"] = [{"label": label, "url": url} for url, label in links.items()]
    procedure = procedure_link(page)
    if procedure:
        entry["procedureLink"] = procedure
    return entry


def _sections(page: ProductPage):
    """(section key, the editor's own heading, its stored blocks) for each part of the body."""
    for child in raw_stream(page.body):
        if child.get("type") == "section":
            value = child.get("value") or {}
            yield value.get("section") or "inleiding", value.get("heading") or "", value.get("content") or []
        else:  # a block outside any section belongs to the introduction
            yield "inleiding", "", [child]


def procedure_link(page: ProductPage) -> dict | None:
    """The page's action to apply online (else a form, else an appointment) as the procedure link."""
    actions = [child.get("value") or {} for child in raw_stream(page.actions)]
    for kind in PROCEDURE_ACTIONS:
        for action in actions:
            url = safe_url(action.get("url"))
            if action.get("kind") == kind and url and url.startswith("http") and len(url) <= URL_MAX:
                return {"label": (action.get("label") or page.title)[:LABEL_MAX], "url": url}
    return None


def _walk(blocks: list[RenderedBlock]):
    for block in blocks:
        yield block
        yield from _walk(block.children)


def _block_markdown(block: RenderedBlock, taal: str, resolve) -> str:
    """One rendered (public web) block as allowed Markdown. Link lists go to `links`, images nowhere."""
    value = block.value if isinstance(block.value, dict) else {}
    kind = block.type
    if kind == "text":
        return from_html(str(value.get("text") or ""), resolve)
    if kind == "steps":
        return numbered_list(str(step) for step in list_items(value.get("steps")))
    if kind == "cost_table":
        rows = list_items(value.get("rows"))
        return bullet_list(f"{row.get('description', '')}: {_euro(row.get('amount'), taal)}" for row in rows)
    if kind == "faq":
        items = list_items(value.get("items"))
        return join_blocks(
            join_blocks([strong(item.get("question", "")), paragraphs(item.get("answer", ""))]) for item in items
        )
    if kind == "notice":
        text = paragraphs(value.get("text") or "")
        if value.get("level") == "warning" and text:
            return f"{strong(NOTICE_PREFIX.get(taal, NOTICE_PREFIX['nl']))} {text}"
        return text
    if kind == "fragment":
        return join_blocks(_block_markdown(child, taal, resolve) for child in block.children)
    if kind in {"link_list", "image"}:
        return ""
    # A block type added later: its plain texts, as the block itself names them.
    return join_blocks(paragraphs(text) for text in block.plain_texts())


def _euro(amount, taal: str) -> str:
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return str(amount or "")
    return f"€ {value}".replace(".", ",") if taal == "nl" else f"€{value}"


def _link_resolver(directory: SiteDirectory):
    """Links in rich text to public absolute URLs: a hub page only when the public may see it (its
    URL on its site), a document through the hub's own address; anything else as written."""

    def resolve(attrs: dict) -> str | None:
        linktype = attrs.get("linktype")
        if linktype == "page":
            page_id = int(attrs["id"]) if str(attrs.get("id", "")).isdigit() else None
            if page_id is None or page_id not in visible_page_ids([page_id], PUBLIC_WEB):
                return None
            page = Page.objects.filter(pk=page_id).specific().first()
            return directory.url_of(page) if page is not None else None
        if linktype == "document":
            from wagtail.documents import get_document_model

            document = get_document_model().objects.filter(pk=attrs.get("id") or 0).first()
            if document is None or document.collection.get_view_restrictions().exists():
                return None
            return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + document.url
        return attrs.get("href")

    return resolve
