"""A page becomes one document in its own language: an English translation is indexed with
its English fragments and the English translations of its keywords."""

import pytest

from content.models import ProductPage
from search.documents import DocumentBuilder

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def module_search_content(module_search_content_with_english):
    """This module's content has English translations of some pages too."""


def document_of(ref):
    return DocumentBuilder().build(ProductPage.objects.get(ref=ref))


def test_a_dutch_page_is_a_dutch_document(search_content):
    document = document_of("product-paspoort")
    assert document.language == "nl"
    assert document.keywords == ["paspoort"]
    assert "Bel ons op" in document.public_text


def test_an_english_page_is_an_english_document_with_english_fragments_and_keywords(search_content):
    document = document_of("product-passport")
    assert document.language == "en"
    assert document.keywords == ["passport"] and "travel document" in document.keyword_text
    assert "Call us on" in document.public_text and "Bel ons" not in document.public_text
    assert "STAFFNOTE: check the lost-documents ledger" in document.internal_text
    assert "STAFFNOTE" not in document.public_text


def test_a_dutch_keyword_on_an_english_page_is_indexed_as_its_english_translation(search_content):
    page = ProductPage.objects.get(ref="product-rubbish-container")
    assert [k.term for k in page.keywords.all()] == ["afvalcontainer"]
    document = document_of("product-rubbish-container")
    assert document.keywords == ["rubbish container"]
    assert "wheelie bin" in document.keyword_text and "kliko" not in document.keyword_text


def test_a_rebuild_makes_every_document_as_the_page_alone_would_have_it(search_content):
    from search.documents import indexable_documents, indexable_pages

    # Dutch and English pages, internal ones and pages linking to drafts share one batch here.
    alone = {page.pk: DocumentBuilder().build(page) for page in indexable_pages()}
    batched = {document.page_id: document for document in indexable_documents()}
    assert len(batched) > 3
    assert batched == {page_id: document for page_id, document in alone.items() if document is not None}
