"""A document offered for download (a PDF, an office file) with the title that is its link text.

Residents read web pages far more easily than documents (the 'pdf-beleid' of Dutch government
sites): the quality report (`quality.content_checks.documents`) says which documents lack what a
screen reader needs, and which should have been a web page."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from .block_base import ChannelStructBlock


def _document_id(value) -> int | None:
    """The chosen document's id, in stored form (an id) or as Wagtail gives it (a Document)."""
    document = value.get("document")
    return document if isinstance(document, int) else getattr(document, "pk", None)


class DocumentContentBlock(ChannelStructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(
        label="Tekst van de link",
        max_length=255,
        help_text="Zeg wat er in het document staat, bijvoorbeeld 'Aanvraagformulier parkeervergunning'. "
        "Het soort bestand en de grootte zet de website er zelf bij.",
    )

    def plain_texts(self, value):
        return [value.get("title") or ""]

    def references(self, value):
        if (document_id := _document_id(value)) is not None:
            yield "document", document_id

    def documents(self, value):
        if (document_id := _document_id(value)) is not None:
            yield document_id, value.get("title") or ""

    class Meta:
        icon = "doc-full"
        label = "Document"
        help_text = (
            "Een bestand om te downloaden, zoals een PDF. Zet de informatie liever op de pagina zelf: "
            "een webpagina kan iedereen lezen, ook met een voorleesprogramma of op een telefoon."
        )
