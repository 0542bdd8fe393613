"""The base of every content block: the channels it is shown on and what it says about itself
(texts, references, links, images, documents). Re-exported by `content.blocks`."""

from collections.abc import Iterator

from django import forms
from wagtail import blocks

from .channels import CHANNEL_CHOICES
from .links import ImageUse, Link


class ChannelsBlock(blocks.MultipleChoiceBlock):
    def __init__(self, choices=CHANNEL_CHOICES, default=None, **kwargs):
        super().__init__(
            choices=choices,
            default=default or [c for c, _ in choices],
            label="Kanalen",
            help_text="Op welke kanalen is dit blok te zien?",
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )


def list_items(items) -> list:
    """The values of a ListBlock in stored form. Wagtail stores each item as
    {"type": "item", "value": ..., "id": ...}; older data and rendered values hold bare values."""
    return [
        item["value"] if isinstance(item, dict) and "type" in item and "value" in item else item for item in items or []
    ]


class ChannelStructBlock(blocks.StructBlock):
    """Base for every content block. The block knows itself: its channels, whether it is
    internal, its plain texts (the same for the B1 check and the search index) and the content
    it refers to. Values are in stored (raw JSON) form, or as rendered by `content.rendering`."""

    internal = False

    channels = ChannelsBlock()

    def plain_texts(self, value: dict) -> list[str]:
        """The texts an editor wrote in this block, without markup."""
        return []

    def references(self, value: dict) -> Iterator[tuple[str, int]]:
        """(kind, id) of each page, fragment, image or document this block refers to."""
        return iter(())

    def outgoing_links(self, value: dict) -> Iterator[Link]:
        """Each link in this block: its text and the page or address it goes to."""
        return iter(())

    def images(self, value: dict) -> Iterator[ImageUse]:
        """Each image in this block, with its alt text, caption and whether it is decoration."""
        return iter(())

    def rich_text(self, value: dict) -> list[str]:
        """The rich text (stored HTML) in this block, for checks on headings and anchors."""
        return []

    def documents(self, value: dict) -> Iterator[tuple[int, str]]:
        """(document id, title) of each document this block offers for download."""
        return iter(())
