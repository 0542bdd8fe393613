"""The document block for an editor: it is in every stream, says what it offers, and the page
editor opens a page that has one (with the chosen document shown)."""

import pytest
from django.urls import reverse

from content.blocks import ContentStreamBlock, FragmentStreamBlock, content_block
from content.models import ProductPage
from tests.quality.pdf_files import make_pdf

pytestmark = pytest.mark.django_db


def test_the_document_block_is_in_every_stream_and_knows_what_it_offers():
    assert "document" in ContentStreamBlock().child_blocks
    assert "document" in FragmentStreamBlock().child_blocks
    block = content_block("document")
    value = {"channels": ["web"], "document": 7, "title": "Folder"}
    assert list(block.documents(value)) == [(7, "Folder")]
    assert list(block.references(value)) == [("document", 7)]
    assert block.plain_texts(value) == ["Folder"]
    assert list(content_block("text").documents({"text": "<p>Tekst</p>"})) == []


def test_the_page_editor_opens_a_page_with_a_document_block(admin_client, import_json, tmp_path):
    (tmp_path / "folder.pdf").write_bytes(make_pdf())
    import_json(
        {
            "format": "hub-import/1",
            "sites": [{"key": "deventer", "name": "Deventer", "hostname": "docs.localhost", "is_default": True}],
            "items": [
                {
                    "ref": "product-met-folder",
                    "type": "product",
                    "site": "deventer",
                    "title": "Met folder",
                    "blocks": [{"type": "document", "value": {"file": "folder.pdf", "title": "Folder parkeren"}}],
                }
            ],
        }
    )
    page = ProductPage.objects.get(ref="product-met-folder")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Folder parkeren" in html and "Tekst van de link" in html
