"""The document check (docs/quality.md, "Documents"): real PDFs written with pypdf, stored as
Wagtail documents, read by `inspect_document`, cached per file content by `findings_for`, and
turned into problems per page by the registered check."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.documents import get_document_model

from content.blocks import content_block, content_blocks_of
from content.importing import ImportFailure
from content.models import ProductPage
from quality.content_checks.base import CHECKS, BlockInPage, DocumentUse, PageUnderCheck
from quality.content_checks.documents import findings_for, inspect_document
from quality.quality_models import DocumentCheck

from .pdf_files import LEAFLET, make_pdf

pytestmark = pytest.mark.django_db

SITE = {"key": "deventer", "name": "Gemeente Deventer", "hostname": "docs.localhost", "is_default": True}


def document(data: bytes, name: str = "folder.pdf", title: str = "Folder"):
    Document = get_document_model()
    doc = Document(title=title)
    doc.file.save(name, ContentFile(data), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def kinds(findings) -> list[str]:
    return sorted(f["kind"] for f in findings)


def test_a_tagged_pdf_with_a_title_and_a_language_has_nothing_to_report():
    assert inspect_document(document(make_pdf(pages=6))) == []


def test_a_pdf_without_title_language_and_tags_gets_a_finding_for_each():
    findings = inspect_document(document(make_pdf(pages=6, title=None, language=None, tagged=False)))
    assert kinds(findings) == ["no_language", "no_title", "not_tagged"]
    for found in findings:
        assert found["code"] == "document_accessibility"
        assert found["severity"] in {"error", "warning"}
        assert found["message"] and found["fix"]
        assert found["detail"].startswith("folder") and found["detail"].endswith(".pdf")  # the file name
    assert next(f for f in findings if f["kind"] == "not_tagged")["severity"] == "error"


def test_a_pdf_marked_as_tagged_without_a_structure_tree_is_not_tagged():
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(BytesIO(make_pdf(pages=6))))
    del writer._root_object[NameObject("/StructTreeRoot")]
    out = BytesIO()
    writer.write(out)
    assert kinds(inspect_document(document(out.getvalue()))) == ["not_tagged"]


def test_a_scan_without_text_is_found():
    findings = inspect_document(document(make_pdf(pages=3, scan=True)))
    assert kinds(findings) == ["scan"]
    assert findings[0]["severity"] == "error"


@pytest.mark.parametrize(
    "data",
    [
        make_pdf()[:400],  # cut off halfway
        b"%PDF-1.7\n" + bytes(range(256)) * 20,  # a header and rubbish
        b"Dit is geen PDF maar een tekst met de naam .pdf",
        b"",
    ],
    ids=["truncated", "rubbish", "not-a-pdf", "empty"],
)
def test_a_corrupt_pdf_is_a_finding_of_that_document_not_a_crash(data):
    findings = inspect_document(document(data))
    assert kinds(findings) == ["corrupt"]
    assert findings[0]["severity"] == "error"


def test_a_pdf_with_a_password_is_reported_as_encrypted():
    findings = inspect_document(document(make_pdf(pages=6, user_password="geheim", owner_password="baas")))
    assert kinds(findings) == ["encrypted"]


def test_a_pdf_that_forbids_screen_readers_is_reported_and_still_checked():
    no_accessibility = make_pdf(pages=6, language=None, user_password="", owner_password="baas", permissions=4)
    assert kinds(inspect_document(document(no_accessibility))) == ["locked_for_readers", "no_language"]
    allowed = make_pdf(pages=6, user_password="", owner_password="baas", permissions=4 | 512)
    assert inspect_document(document(allowed)) == []


def test_a_pdf_over_the_limit_is_reported_without_being_read():
    # Rubbish behind a PDF header: had it been read, it would have been reported as corrupt.
    big = document(b"%PDF-1.7\n" + b"x" * 5000, name="jaarverslag.pdf")
    with override_settings(HUB_QUALITY_DOCUMENT_MAX_BYTES=4000):
        findings = findings_for([big.pk])[big.pk]
    assert kinds(findings) == ["too_big"]
    assert findings[0]["message"].startswith("Het bestand is te groot om te controleren")
    assert not DocumentCheck.objects.filter(document=big).exists()
    with override_settings(HUB_QUALITY_DOCUMENT_MAX_BYTES=10_000):
        assert kinds(findings_for([big.pk])[big.pk]) == ["corrupt"]


@pytest.mark.parametrize("name", ["aanvraag.docx", "tarieven.xlsx", "brief.odt"])
def test_an_office_file_is_not_accessible_for_everyone(name):
    findings = inspect_document(document(b"PK\x03\x04 not really zipped", name=name))
    assert kinds(findings) == ["office"]
    assert name.rsplit(".", 1)[1].upper() in findings[0]["message"]
    assert "webpagina" in findings[0]["fix"] and "toegankelijke PDF" in findings[0]["fix"]


def test_a_plain_text_file_is_fine():
    assert inspect_document(document(b"naam;adres\n", name="adressen.csv")) == []


def test_a_document_whose_file_is_gone_is_reported():
    doc = document(make_pdf(), name="weg.pdf")
    doc.file.storage.delete(doc.file.name)
    doc.file_size = None
    doc.save()
    assert kinds(findings_for([doc.pk])[doc.pk]) == ["missing"]


def test_a_short_text_pdf_should_be_a_web_page():
    findings = inspect_document(document(make_pdf(pages=2)))
    assert kinds(findings) == ["should_be_web_page"]
    assert findings[0]["severity"] == "info"
    assert findings[0]["words"] > 100 and "2 pagina's" in findings[0]["message"]
    assert inspect_document(document(make_pdf(pages=5))) == []  # a longer document may stay one


def test_an_unchanged_file_is_read_once_and_a_changed_file_again():
    doc = document(make_pdf(pages=6, title=None))
    assert kinds(findings_for([doc.pk])[doc.pk]) == ["no_title"]
    stored = DocumentCheck.objects.get(document=doc)
    # What is stored is what the next run reports: the file is not parsed again.
    stored.findings = [{**stored.findings[0], "message": "uit de opslag"}]
    stored.save()
    assert findings_for([doc.pk])[doc.pk][0]["message"] == "uit de opslag"
    assert DocumentCheck.objects.filter(document=doc).count() == 1
    # A new file for the same document: read again, stored next to the old one.
    doc.file.save("folder.pdf", ContentFile(make_pdf(pages=6, language=None)), save=False)
    doc._set_document_file_metadata()
    doc.save()
    assert kinds(findings_for([doc.pk])[doc.pk]) == ["no_language"]
    assert DocumentCheck.objects.filter(document=doc).count() == 2


def test_findings_for_many_documents_take_three_queries():
    documents = [document(make_pdf(pages=6, title=None), name=f"d{i}.pdf") for i in range(5)]
    documents.append(document(b"", name="kapot.pdf"))
    documents.append(document(b"PK", name="lijst.xlsx"))
    ids = [d.pk for d in documents]
    with CaptureQueriesContext(connection) as first:
        result = findings_for([*ids, 999_999])
    assert len(first.captured_queries) == 3
    assert set(result) == set(ids)  # a deleted document is left out
    with CaptureQueriesContext(connection) as second:
        assert findings_for(ids) == result
    assert len(second.captured_queries) == 2  # nothing new to store


# The check over an imported page ---------------------------------------------------------------


def page_under_check(page) -> PageUnderCheck:
    """The page as the runner hands it to the checks: its blocks and the documents they offer."""
    checked = PageUnderCheck(page=page, site_key="deventer")
    for raw, section, path in content_blocks_of(page.body.raw_data):
        block = content_block(raw["type"])
        location = f"body.{path}"
        checked.blocks.append(
            BlockInPage(location, raw["type"], raw["type"], raw["value"], block, (), block.internal, section)
        )
        for document_id, title in block.documents(raw["value"]):
            checked.documents.append(DocumentUse(location, "Document", document_id, title))
    checked.document_findings = findings_for(use.document_id for use in checked.documents)
    return checked


def product(ref, blocks):
    return {"ref": ref, "type": "product", "site": "deventer", "parent": "/producten/", "title": ref, "blocks": blocks}


def test_an_imported_page_gets_a_problem_per_finding_per_document(import_json, tmp_path):
    (tmp_path / "kaal.pdf").write_bytes(make_pdf(pages=6, title=None, language=None, tagged=False))
    (tmp_path / "folder.pdf").write_bytes(make_pdf(pages=1))
    (tmp_path / "tarieven.xlsx").write_bytes(b"PK")
    long_text = LEAFLET * 3
    import_json(
        {
            "format": "hub-import/1",
            "sites": [SITE],
            "items": [
                product(
                    "product-folder-als-inhoud",
                    [
                        {"type": "text", "value": "Lees de folder."},
                        {"type": "document", "value": {"file": "folder.pdf", "title": "Folder parkeren"}},
                        {"type": "document", "value": {"file": "kaal.pdf", "title": "Regels"}},
                        {"type": "document", "value": {"file": "tarieven.xlsx", "title": "Tarieven"}},
                    ],
                ),
                product(
                    "product-folder-als-extra",
                    [
                        {"type": "text", "value": long_text},
                        {"type": "document", "value": {"file": "folder.pdf", "title": "Folder parkeren"}},
                    ],
                ),
            ],
        }
    )
    run = CHECKS["document_accessibility"].run
    thin = ProductPage.objects.get(ref="product-folder-als-inhoud")
    problems = list(run(page_under_check(thin)))
    # The detail names the block's title and the file (which storage may have given a suffix).
    assert sorted((p.severity, p.detail.split(" (")[0]) for p in problems) == [
        ("error", "Regels"),
        ("info", "Folder parkeren"),
        ("warning", "Regels"),
        ("warning", "Regels"),
        ("warning", "Tarieven"),
    ]
    assert {p.code for p in problems} == {"document_accessibility"}
    assert all(p.location.startswith("body.") and p.where and p.message and p.fix for p in problems)
    # The same leaflet under a page that says more itself: not its main content, no tip.
    rich = ProductPage.objects.get(ref="product-folder-als-extra")
    assert list(run(page_under_check(rich))) == []


# The import -------------------------------------------------------------------------------------


def test_the_same_file_in_two_blocks_and_two_imports_is_one_document(import_json, tmp_path):
    (tmp_path / "folder.pdf").write_bytes(make_pdf())
    block = {"type": "document", "channels": ["web"], "value": {"file": "folder.pdf", "title": "Folder"}}
    data = {"format": "hub-import/1", "sites": [SITE], "items": [product("product-twee", [block, block])]}
    import_json(data)
    import_json(data)
    assert get_document_model().objects.count() == 1
    page = ProductPage.objects.get(ref="product-twee")
    values = [raw["value"] for raw, _s, _p in content_blocks_of(page.body.raw_data)]
    doc = get_document_model().objects.get()
    assert values == [{"channels": ["web"], "document": doc.pk, "title": "Folder"}] * 2
    assert doc.file_size == len(make_pdf()) and doc.title == "Folder"


@pytest.mark.parametrize(
    ("value", "code", "field"),
    [
        ({"file": "nergens.pdf", "title": "Weg"}, "IMPORT_BAD_DOCUMENT", "file"),
        ({"file": "../buiten.pdf", "title": "Buiten"}, "IMPORT_BAD_DOCUMENT", "file"),
        ({"file": "programma.exe", "title": "Programma"}, "IMPORT_BAD_DOCUMENT", "file"),
        ({"file": "folder.pdf"}, "IMPORT_BAD_VALUE", "title"),
        ({"file": "folder.pdf", "title": "x" * 256}, "IMPORT_BAD_VALUE", "title"),
        ({"file": 12, "title": "Folder"}, "IMPORT_BAD_VALUE", "file"),
        ("folder.pdf", "IMPORT_BAD_VALUE", ""),
    ],
)
def test_a_bad_document_block_is_a_coded_error_and_nothing_is_written(import_json, tmp_path, value, code, field):
    (tmp_path / "folder.pdf").write_bytes(make_pdf())
    (tmp_path / "programma.exe").write_bytes(b"MZ")
    (tmp_path.parent / "buiten.pdf").write_bytes(make_pdf())
    blocks = [
        {"type": "document", "value": {"file": "folder.pdf", "title": "Goed"}},
        {"type": "document", "value": value},
    ]
    with pytest.raises(ImportFailure) as failure:
        import_json({"format": "hub-import/1", "sites": [SITE], "items": [product("product-fout", blocks)]})
    problem = failure.value.problems[0]
    assert (problem.code, problem.where) == (code, "item 'product-fout'")
    assert problem.field == "blocks[1].value" + (f".{field}" if field else "")
    assert not ProductPage.objects.filter(ref="product-fout").exists()
    assert not get_document_model().objects.exists()


# Through the quality_check command -------------------------------------------------------------


def test_a_run_reports_bad_documents_of_every_kind_and_never_stops(import_json, tmp_path):
    files = {
        "kapot.pdf": make_pdf(pages=6)[:500],
        "wachtwoord.pdf": make_pdf(pages=6, user_password="geheim"),
        "groot.pdf": make_pdf(pages=6) + b"\n%" + b"x" * 20_000,
        "scan.pdf": make_pdf(pages=6, scan=True),
        "goed.pdf": make_pdf(pages=6),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    blocks = [{"type": "document", "value": {"file": name, "title": name.split(".")[0]}} for name in files]
    import_json({"format": "hub-import/1", "sites": [SITE], "items": [product("product-bijlagen", blocks)]})

    def run():
        out = io.StringIO()
        with override_settings(HUB_QUALITY_DOCUMENT_MAX_BYTES=15_000):
            call_command(
                "quality_check", "--site", "deventer", "--only", "document_accessibility", "--json", stdout=out
            )
        (result,) = json.loads(out.getvalue())["runs"]
        (page,) = result["pages"]
        return sorted((p["detail"].split(" (")[0], p["severity"]) for p in page["problems"])

    expected = [("groot", "warning"), ("kapot", "error"), ("scan", "error"), ("wachtwoord", "error")]
    assert run() == expected
    stored = DocumentCheck.objects.count()
    assert stored == 4  # every PDF under the limit, read once; the big one is not read
    assert run() == expected
    assert DocumentCheck.objects.count() == stored
