"""A document on the website: the front-end's own page query, answered by the real hub in-process
(the fake hub's transport forwards it to the hub's GraphQL view), rendered by the real templates.
The link text says the file type and size (WCAG 2.4.4: the purpose of a link from its text)."""

import json
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings

from frontend_sites.templatetags.frontend import file_size
from tests.quality.pdf_files import make_pdf

pytestmark = pytest.mark.django_db

SITE = {"key": "deventer", "name": "Gemeente Deventer", "hostname": "testserver", "is_default": True}


def real_hub(fake_hub):
    """The fake hub's `Page` handler, answered by the hub's own GraphQL view."""
    from api.views import graphql_view

    def answer(variables):
        query = fake_hub.requests[-1]["query"]
        request = RequestFactory().post(
            "/graphql/", json.dumps({"query": query, "variables": variables}), content_type="application/json"
        )
        request.user = AnonymousUser()
        with override_settings(ROOT_URLCONF="hub.urls"):
            return json.loads(graphql_view(request).content)

    return answer


@pytest.fixture
def page_with_documents(import_json, tmp_path):
    (tmp_path / "folder.pdf").write_bytes(make_pdf(pages=1) * 3)  # ~5 kB
    (tmp_path / "tarieven.xlsx").write_bytes(b"PK\x03\x04" + b"0" * 2_000_000)
    import_json(
        {
            "format": "hub-import/1",
            "sites": [SITE],
            "items": [
                {
                    "ref": "product-parkeren",
                    "type": "product",
                    "site": "deventer",
                    "parent": "/producten/",
                    "title": "Parkeervergunning",
                    "blocks": [
                        {"type": "text", "value": "Lees eerst de folder."},
                        {"type": "document", "value": {"file": "folder.pdf", "title": "Folder parkeervergunning"}},
                        {"type": "document", "value": {"file": "tarieven.xlsx", "title": "Tarieven <2027>"}},
                    ],
                }
            ],
        }
    )


def test_the_website_links_a_document_with_its_type_and_size_in_the_link_text(page_with_documents, website, fake_hub):
    fake_hub.handlers["Page"] = real_hub(fake_hub)
    response = website.get("/producten/parkeervergunning/")
    html = response.content.decode()
    assert response.status_code == 200, html
    links = re.findall(r'<a class="document-link__link" href="([^"]+)" type="([^"]+)">(.*?)</a>', html, re.S)
    assert len(links) == 2
    (pdf_href, pdf_type, pdf_text), (xlsx_href, _xlsx_type, xlsx_text) = links
    assert re.fullmatch(r"http://testserver/documents/\d+/folder[^/]*\.pdf", pdf_href)
    assert pdf_type == "application/pdf"
    size = len(make_pdf(pages=1) * 3)
    assert re.sub(r"<[^>]+>", "", pdf_text) == f"Folder parkeervergunning (PDF, {file_size(size)})"
    assert re.sub(r"<[^>]+>", "", xlsx_text) == "Tarieven &lt;2027&gt; (XLSX, 1,9 MB)"  # escaped, never markup


@pytest.mark.parametrize(
    ("size", "language", "expected"),
    [
        (512, "nl", "512 bytes"),
        (1536, "nl", "1,5 kB"),
        (1258291, "nl", "1,2 MB"),
        (1258291, "en", "1.2 MB"),
        (None, "nl", ""),
    ],
)
def test_file_sizes_read_as_people_read_them(size, language, expected):
    assert file_size(size, language) == expected
