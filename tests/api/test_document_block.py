"""The document block over GraphQL: title, absolute URL, file type and size for whoever may see
the page, through the one visibility rule (drafts, internal pages and other channels never)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from tests.quality.pdf_files import make_pdf

pytestmark = pytest.mark.django_db

PAGE = """
query Page($path: String!, $channel: Channel = WEB) {
  page(site: "deventer", path: $path, channel: $channel) {
    title
    blocks {
      type
      ... on DocumentBlock { documentTitle document { title url fileType contentType fileSize } }
      ... on FragmentBlock { fragmentBlocks { type ... on DocumentBlock { documentTitle document { url } } } }
    }
  }
}
"""
SITE = {"key": "deventer", "name": "Gemeente Deventer", "hostname": "testserver", "is_default": True}


def document_block(file, title, channels=("web", "app")):
    return {"type": "document", "channels": list(channels), "value": {"file": file, "title": title}}


def item(ref, blocks, **fields):
    return {
        "ref": ref,
        "type": "product",
        "site": "deventer",
        "parent": "/producten/",
        "title": ref,
        "blocks": blocks,
        **fields,
    }


@pytest.fixture
def documents(import_json, tmp_path):
    for name, pages in (("folder.pdf", 1), ("regels.pdf", 6), ("geheim.pdf", 2), ("concept.pdf", 3)):
        (tmp_path / name).write_bytes(make_pdf(pages=pages, title=name))
    (tmp_path / "tarieven.xlsx").write_bytes(b"PK\x03\x04")
    import_json(
        {
            "format": "hub-import/1",
            "sites": [SITE],
            "fragments": [{"ref": "regels", "title": "Regels", "blocks": [document_block("regels.pdf", "De regels")]}],
            "items": [
                item(
                    "product-folder",
                    [
                        {"type": "text", "value": "Lees de folder."},
                        document_block("folder.pdf", "Folder parkeervergunning"),
                        document_block("tarieven.xlsx", "Tarieven", channels=["app"]),
                        {"type": "fragment", "value": "regels"},
                    ],
                ),
                item("answer-intern", [document_block("geheim.pdf", "Werkinstructie")], audience="internal"),
            ],
        }
    )
    import_json(
        {"format": "hub-import/1", "items": [item("product-concept", [document_block("concept.pdf", "Concept")])]},
        publish=False,
    )


def test_an_anonymous_caller_gets_the_document_with_url_type_and_size(gql, documents):
    result = gql(PAGE, {"path": "/producten/product-folder/"})
    assert "errors" not in result
    blocks = result["data"]["page"]["blocks"]
    assert [b["type"] for b in blocks] == ["text", "document", "fragment"]  # the xlsx is for the app only
    doc = blocks[1]
    folder = get_document_model().objects.get(title="Folder parkeervergunning")
    assert doc["documentTitle"] == "Folder parkeervergunning"
    assert doc["document"] == {
        "title": "Folder parkeervergunning",
        "url": f"http://testserver/documents/{folder.pk}/{folder.filename}",
        "fileType": "PDF",
        "contentType": "application/pdf",
        "fileSize": len(make_pdf(pages=1, title="folder.pdf")),
    }
    assert blocks[2]["fragmentBlocks"][0]["documentTitle"] == "De regels"


def test_the_document_url_serves_the_file(gql, client, documents):
    url = gql(PAGE, {"path": "/producten/product-folder/"})["data"]["page"]["blocks"][1]["document"]["url"]
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_block_for_the_app_is_only_on_the_app_channel(gql, documents):
    blocks = gql(PAGE, {"path": "/producten/product-folder/", "channel": "APP"})["data"]["page"]["blocks"]
    assert [(b["type"], b.get("documentTitle")) for b in blocks] == [
        ("text", None),
        ("document", "Folder parkeervergunning"),
        ("document", "Tarieven"),
        ("fragment", None),
    ]
    assert blocks[2]["document"]["fileType"] == "XLSX"


def test_a_document_on_a_draft_or_internal_page_never_reaches_an_anonymous_caller(gql, documents):
    for path in ("/producten/product-concept/", "/producten/answer-intern/"):
        result = gql(PAGE, {"path": path})
        assert result["data"]["page"] is None
        body = result["_response"].content.decode()
        assert "Concept" not in body and "Werkinstructie" not in body and "/documents/" not in body


def test_staff_see_the_document_on_an_internal_page(gql, documents, staff_token):
    result = gql(PAGE, {"path": "/producten/answer-intern/"}, token=staff_token)
    assert result["data"]["page"]["blocks"][0]["documentTitle"] == "Werkinstructie"


def test_a_deleted_document_leaves_no_empty_link(gql, documents):
    get_document_model().objects.get(title="Folder parkeervergunning").delete()
    blocks = gql(PAGE, {"path": "/producten/product-folder/"})["data"]["page"]["blocks"]
    assert [b["type"] for b in blocks] == ["text", "fragment"]


def test_more_documents_take_no_more_queries(gql, import_json, tmp_path, documents):
    for i in range(4):
        (tmp_path / f"bijlage-{i}.pdf").write_bytes(make_pdf(title=f"Bijlage {i}"))
    blocks = [document_block(f"bijlage-{i}.pdf", f"Bijlage {i}") for i in range(4)]
    items = [item("product-een-bijlage", blocks[:1]), item("product-vier-bijlagen", blocks)]
    import_json({"format": "hub-import/1", "items": items})
    gql(PAGE, {"path": "/producten/product-een-bijlage/"})  # caches warmed (site directory, locales)
    with CaptureQueriesContext(connection) as one:
        gql(PAGE, {"path": "/producten/product-een-bijlage/"})
    with CaptureQueriesContext(connection) as four:
        result = gql(PAGE, {"path": "/producten/product-vier-bijlagen/"})
    assert len(result["data"]["page"]["blocks"]) == 4
    assert len(four.captured_queries) == len(one.captured_queries)
