"""StreamField blocks shared by every page type and by reusable fragments.

Every content block carries the channels it is shown on. `kcc_script` blocks are internal:
they can only be shown on the KCC and balie channels, and only to staff.
"""

import re
from collections.abc import Iterator
from functools import cache

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .block_base import ChannelsBlock, ChannelStructBlock, list_items
from .channels import PRODUCT_SECTIONS, STAFF_CHANNEL_CHOICES, STAFF_CHANNELS
from .document_block import DocumentContentBlock
from .links import ImageUse, Link, rich_text_links
from .plain_text import rich_text_plain

RICH_TEXT_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "document-link"]


PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>(.*?)</a>', re.S)
PAGE_LINK_ID = re.compile(r'\bid="(\d+)"')


class TextContentBlock(ChannelStructBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="Tekst")

    def plain_texts(self, value):
        return [rich_text_plain(str(value.get("text") or ""))]

    def outgoing_links(self, value):
        return rich_text_links(str(value.get("text") or ""))

    def rich_text(self, value):
        return [str(value.get("text") or "")]

    def references(self, value):
        # Pages linked inside the rich text: they go through the visibility rule like chosen pages.
        for match in PAGE_LINK.finditer(str(value.get("text") or "")):
            if found := PAGE_LINK_ID.search(match.group(0)):
                yield "page", int(found.group(1))

    @staticmethod
    def without_links_to(value: dict, hidden) -> dict:
        """The value with links to pages in `hidden` (page ids) reduced to their text."""

        def keep(match):
            found = PAGE_LINK_ID.search(match.group(0))
            return match.group(1) if found and int(found.group(1)) in hidden else match.group(0)

        return {**value, "text": PAGE_LINK.sub(keep, str(value.get("text") or ""))}

    class Meta:
        icon = "pilcrow"
        label = "Tekst"
        help_text = "Gewone tekst. Schrijf korte zinnen in eenvoudig Nederlands (B1)."


class KccScriptBlock(ChannelStructBlock):
    """What a KCC or balie employee says or asks. Never shown to the public."""

    internal = True

    channels = ChannelsBlock(choices=STAFF_CHANNEL_CHOICES)
    script = blocks.TextBlock(label="Script", help_text="Wat zegt of vraagt de medewerker?")

    def plain_texts(self, value):
        return [value.get("script") or ""]

    def clean(self, value):
        value = super().clean(value)
        wrong = [c for c in value.get("channels") or [] if c not in STAFF_CHANNELS]
        if wrong:
            raise ValidationError("Een KCC-script mag alleen op de kanalen KCC en balie staan.")
        return value

    class Meta:
        icon = "openquote"
        label = "KCC-script (intern)"
        help_text = "Alleen voor medewerkers van het KCC en de balie. Inwoners zien dit nooit."


class StepsBlock(ChannelStructBlock):
    steps = blocks.ListBlock(blocks.TextBlock(label="Stap"), label="Stappen")

    def plain_texts(self, value):
        return [str(step) for step in list_items(value.get("steps"))]

    class Meta:
        icon = "list-ol"
        label = "Stappen"
        help_text = "Zet de stappen in de volgorde waarin de inwoner ze doet."


class CostRowBlock(blocks.StructBlock):
    description = blocks.CharBlock(label="Omschrijving", max_length=200)
    amount = blocks.DecimalBlock(label="Bedrag in euro", decimal_places=2, min_value=0)

    class Meta:
        icon = "tag"
        label = "Regel"


class CostTableBlock(ChannelStructBlock):
    rows = blocks.ListBlock(CostRowBlock(), label="Regels")

    def plain_texts(self, value):
        return [str(row.get("description", "")) for row in list_items(value.get("rows"))]

    class Meta:
        icon = "table"
        label = "Kostentabel"
        help_text = "Wat kost het? Eén regel per soort."


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Vraag", max_length=255)
    answer = blocks.TextBlock(label="Antwoord")

    class Meta:
        icon = "help"
        label = "Vraag en antwoord"


class FaqBlock(ChannelStructBlock):
    items = blocks.ListBlock(FaqItemBlock(), label="Vragen")

    def plain_texts(self, value):
        return [f"{item.get('question', '')}\n{item.get('answer', '')}" for item in list_items(value.get("items"))]

    class Meta:
        icon = "help"
        label = "Veelgestelde vragen"
        help_text = "Korte vragen met een kort antwoord."


class NoticeBlock(ChannelStructBlock):
    level = blocks.ChoiceBlock(choices=[("info", "Informatie"), ("warning", "Let op")], default="info", label="Soort")
    text = blocks.TextBlock(label="Tekst")

    def plain_texts(self, value):
        return [value.get("text") or ""]

    class Meta:
        icon = "warning"
        label = "Melding"
        help_text = "Een opvallende melding, bijvoorbeeld over een storing of een wijziging."


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tekst van de link", max_length=255)
    page = blocks.PageChooserBlock(required=False, label="Pagina in de hub")
    url = blocks.URLBlock(required=False, label="Of een adres op internet")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise ValidationError("Kies een pagina of vul een adres in.")
        return value

    class Meta:
        icon = "link"
        label = "Link"


class LinkListBlock(ChannelStructBlock):
    links = blocks.ListBlock(LinkBlock(), label="Links")

    def plain_texts(self, value):
        return [link.get("title", "") for link in list_items(value.get("links"))]

    def references(self, value):
        for link in list_items(value.get("links")):
            if isinstance(link.get("page"), int):
                yield "page", link["page"]

    def outgoing_links(self, value):
        for link in list_items(value.get("links")):
            page = link.get("page") if isinstance(link.get("page"), int) else None
            yield Link(text=link.get("title") or "", page=page, url=link.get("url") or "", kind="list")

    class Meta:
        icon = "link"
        label = "Lijst met links"
        help_text = "Links naar andere pagina's of websites."


class ImageContentBlock(ChannelStructBlock):
    image = ImageChooserBlock(label="Afbeelding")
    alt = blocks.CharBlock(
        required=False,
        label="Alt-tekst",
        max_length=255,
        help_text="Beschrijf wat er op de afbeelding staat, voor mensen die niet goed zien.",
    )
    caption = blocks.CharBlock(required=False, label="Onderschrift", max_length=255)
    decorative = blocks.BooleanBlock(
        required=False,
        label="Alleen versiering",
        help_text="Zet dit aan als de afbeelding niets vertelt. Dan is geen alt-tekst nodig.",
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt") or "").strip():
            raise ValidationError("Schrijf een alt-tekst, of zet 'Alleen versiering' aan.")
        return value

    def plain_texts(self, value):
        return [value.get("alt") or "", value.get("caption") or ""]

    def references(self, value):
        if value.get("image"):
            yield "image", value["image"]

    def images(self, value):
        image = value.get("image")
        yield ImageUse(
            image=image if isinstance(image, int) else getattr(image, "pk", None),
            alt=value.get("alt") or "",
            caption=value.get("caption") or "",
            decorative=bool(value.get("decorative")),
        )

    class Meta:
        icon = "image"
        label = "Afbeelding"


class FragmentBlock(ChannelStructBlock):
    fragment = SnippetChooserBlock("content.Fragment", label="Tekstblok")

    def references(self, value):
        # The fragment's own texts belong to the fragment; rendering puts them in its children.
        if value.get("fragment"):
            yield "fragment", value["fragment"]

    class Meta:
        icon = "snippet"
        label = "Herbruikbaar tekstblok"
        help_text = "Een tekstblok dat op meer pagina's staat. Pas het één keer aan, overal klaar."


def _content_blocks():
    return [
        ("text", TextContentBlock()),
        ("steps", StepsBlock()),
        ("cost_table", CostTableBlock()),
        ("faq", FaqBlock()),
        ("notice", NoticeBlock()),
        ("link_list", LinkListBlock()),
        ("image", ImageContentBlock()),
        ("document", DocumentContentBlock()),
        ("kcc_script", KccScriptBlock()),
    ]


class FragmentStreamBlock(blocks.StreamBlock):
    """Blocks allowed inside a reusable fragment (no fragments inside fragments)."""

    def __init__(self, **kwargs):
        super().__init__(_content_blocks(), **kwargs)


class ContentStreamBlock(blocks.StreamBlock):
    """The one shared stream of content blocks, used by every page type."""

    def __init__(self, **kwargs):
        super().__init__([*_content_blocks(), ("fragment", FragmentBlock())], **kwargs)


@cache
def content_block(block_type: str) -> ChannelStructBlock | None:
    """The block class instance behind a content block type name (None for unknown names)."""
    return ContentStreamBlock().child_blocks.get(block_type)


def content_blocks_of(raw_stream) -> Iterator[tuple[dict, str | None, str]]:
    """Walk a stream in stored form: (stored block, product section, path) for every content
    block, with product sections opened up. The path is the block's id, prefixed with its
    section's id inside a section (the key the B1 report uses)."""
    for child in raw_stream or []:
        if child.get("type") == "section":
            value = child.get("value") or {}
            for inner in value.get("content") or []:
                yield inner, value.get("section"), f"{child.get('id')}.{inner.get('id')}"
        else:
            yield child, None, child.get("id") or ""


def raw_stream(stream) -> list:
    """A StreamValue (or its raw data, or None) as the list of stored blocks."""
    if stream is None:
        return []
    return list(getattr(stream, "raw_data", stream))


class ProductSectionBlock(blocks.StructBlock):
    section = blocks.ChoiceBlock(choices=PRODUCT_SECTIONS, label="Onderdeel")
    heading = blocks.CharBlock(required=False, label="Eigen kop", help_text="Laat leeg voor de standaard kop.")
    content = ContentStreamBlock(label="Inhoud")

    class Meta:
        icon = "doc-full"
        label = "Onderdeel"
        help_text = "Een vast onderdeel van de productpagina, zoals Aanvragen of Kosten."


class ActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Tekst op de knop", max_length=100)
    url = blocks.URLBlock(label="Adres")
    kind = blocks.ChoiceBlock(
        choices=[("online", "Online regelen"), ("afspraak", "Afspraak maken"), ("formulier", "Formulier")],
        default="online",
        label="Soort",
    )
    digid = blocks.BooleanBlock(required=False, label="Inloggen met DigiD nodig")

    def outgoing_links(self, value):
        yield Link(text=value.get("label") or "", url=value.get("url") or "", kind="action")

    class Meta:
        icon = "arrow-right"
        label = "Direct regelen"
