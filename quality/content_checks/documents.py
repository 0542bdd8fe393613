"""Documents a page offers for download (docs/quality.md, "Documents").

A PDF is read with pypdf for what a screen reader needs: a title, a language, tags (a tagged
PDF), and text rather than pictures of text. A short text PDF should have been a web page (the
Dutch 'pdf-beleid'); an office file is not readable for everyone. What a file was found to lack
is stored per file content (`DocumentCheck`, by SHA-256), so an unchanged file is parsed once.

A bad file (corrupt, encrypted, too big, gone) is a finding about that document, never an
exception: the run goes on with the next page.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable

from django.conf import settings
from wagtail.documents import get_document_model

from .base import ERROR, INFO, WARNING, PageUnderCheck, Problem, check

CODE = "document_accessibility"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
PAGES_READ = 30  # text is read from at most this many pages: enough to tell a scan, bounded time
SHORT_PAGES = 4  # a text PDF of at most this many pages is a leaflet or a letter: a web page
WORDS_PER_TEXT_PAGE = 40  # fewer words than this on every page read: pictures of text (a scan)
OFFICE_EXTENSIONS = {"doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf"}
ACCESSIBILITY_PERMISSION = 1 << 9  # PDF permission bit 10: "extract for accessibility"

log = logging.getLogger(__name__)

# kind -> (severity, message, fix); messages are for the editor, in plain Dutch.
FINDINGS = {
    "missing": (
        ERROR,
        "Het bestand van dit document is er niet meer.",
        "Zet het bestand opnieuw in de mediabibliotheek, of haal het document van de pagina.",
    ),
    "too_big": (
        WARNING,
        "Het bestand is te groot om te controleren ({size}). De grens is {limit}.",
        "Maak het bestand kleiner of verdeel het. Een groot bestand is lastig te downloaden, zeker op "
        "een telefoon. Beter nog: zet de informatie op een webpagina.",
    ),
    "office": (
        WARNING,
        "Een {type}-bestand kan niet iedereen openen of lezen.",
        "Zet de informatie op een webpagina. Moet het echt een bestand zijn? Maak er dan een toegankelijke PDF van.",
    ),
    "corrupt": (
        ERROR,
        "Het bestand is kapot of het is geen echte PDF.",
        "Maak de PDF opnieuw en zet hem opnieuw in de mediabibliotheek.",
    ),
    "encrypted": (
        ERROR,
        "Het document is beveiligd met een wachtwoord. Niemand kan het openen zonder dat wachtwoord.",
        "Zet een versie zonder wachtwoord in de mediabibliotheek.",
    ),
    "locked_for_readers": (
        ERROR,
        "Het document is beveiligd: een voorleesprogramma mag de tekst niet lezen.",
        "Haal de beveiliging van de PDF weg, of sta toegankelijkheid toe. Zet de PDF daarna opnieuw in "
        "de mediabibliotheek.",
    ),
    "scan": (
        ERROR,
        "Het document is een scan: er staan plaatjes van tekst in, geen echte tekst.",
        "Zet de tekst op de pagina zelf, of maak een PDF van het oorspronkelijke bestand. Een "
        "voorleesprogramma kan een scan niet lezen, en zoeken in de tekst lukt ook niet.",
    ),
    "not_tagged": (
        ERROR,
        "Het document heeft geen tags. Het is geen toegankelijke PDF.",
        "Maak de PDF opnieuw met tags. In Word: kies Opslaan als PDF en zet 'Tags voor de "
        "toegankelijkheid van het document' aan. Zonder tags vindt een voorleesprogramma geen koppen, "
        "lijsten en tabellen.",
    ),
    "no_title": (
        WARNING,
        "Het document heeft geen titel in de eigenschappen van het bestand.",
        "Geef het document een titel. In Word: Bestand, Info, Eigenschappen. Maak daarna de PDF "
        "opnieuw. Een voorleesprogramma leest die titel als eerste voor.",
    ),
    "no_language": (
        WARNING,
        "In het document staat niet in welke taal het is geschreven.",
        "Stel de taal van het document in, bijvoorbeeld Nederlands, en maak de PDF opnieuw. Dan "
        "spreekt een voorleesprogramma de woorden goed uit.",
    ),
    "should_be_web_page": (
        INFO,
        "Dit korte document ({pages}) kan beter een webpagina zijn.",
        "Zet de tekst op de pagina zelf. Een webpagina is makkelijker te lezen, ook op een telefoon en "
        "met een voorleesprogramma. Zo vraagt de overheid het in haar pdf-beleid.",
    ),
}


def finding(kind: str, detail: str, **values) -> dict:
    severity, message, fix = FINDINGS[kind]
    return {
        "code": CODE,
        "kind": kind,
        "severity": severity,
        "message": message.format(**values),
        "fix": fix.format(**values),
        "detail": detail,
        **{k: v for k, v in values.items() if isinstance(v, int)},
    }


def max_bytes() -> int:
    return int(getattr(settings, "HUB_QUALITY_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0") + " MB"


def _file_size(document) -> int | None:
    """The stored size, else the storage's; None when the file is gone."""
    try:
        return document.file.size if document.file_size is None else document.file_size
    except (OSError, ValueError):
        return None


def _before_reading(document) -> list[dict] | None:
    """Findings known without reading the file (its type, size or absence); None: read it."""
    name = document.filename
    extension = document.file_extension.lower()
    if extension in OFFICE_EXTENSIONS:
        return [finding("office", name, type=extension.upper())]
    if extension != "pdf":
        return []  # csv and txt: plain data and text, readable by anyone
    size = _file_size(document)
    if size is None:
        return [finding("missing", name)]
    if size > max_bytes():
        return [finding("too_big", name, size=_megabytes(size), limit=_megabytes(max_bytes()))]
    return None


def inspect_document(document) -> list[dict]:
    """What this document lacks, as findings (each `{"code", "kind", "severity", "message", "fix",
    "detail"}`). Reads the file; never raises for a bad one. Uncached: see `findings_for`."""
    known = _before_reading(document)
    if known is not None:
        return known
    try:
        with document.file.open("rb") as handle:
            return _inspect_pdf(handle, document.filename)
    except OSError:
        return [finding("missing", document.filename)]


def _inspect_pdf(handle, name: str) -> list[dict]:
    from pypdf import PdfReader

    if b"%PDF-" not in handle.read(1024):
        return [finding("corrupt", name)]
    handle.seek(0)
    try:
        reader = PdfReader(handle, strict=False)
        found = []
        if reader.is_encrypted:
            if not _decrypts_without_password(reader):
                return [finding("encrypted", name)]
            if not reader.user_access_permissions & ACCESSIBILITY_PERMISSION:
                found.append(finding("locked_for_readers", name))
        return found + _read(reader, name)
    except Exception as exc:  # noqa: BLE001 - a parser on an uploaded file may fail in any way
        log.info("document %s is unreadable: %s", name, exc)
        return [finding("corrupt", name)]


def _decrypts_without_password(reader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - e.g. AES without a crypto library: we cannot open it either
        return False


def _read(reader, name: str) -> list[dict]:
    catalog = reader.trailer["/Root"]
    found = []
    words = [len(_page_text(page).split()) for page in reader.pages[:PAGES_READ]]
    page_count = len(reader.pages)
    scan = not words or sum(count < WORDS_PER_TEXT_PAGE for count in words) * 2 > len(words)
    if scan:
        found.append(finding("scan", name))
    marked = _entry(_entry(catalog, "/MarkInfo") or {}, "/Marked")
    if not (marked and _entry(catalog, "/StructTreeRoot")):
        found.append(finding("not_tagged", name))
    if not _title(reader):
        found.append(finding("no_title", name))
    if not str(_entry(catalog, "/Lang") or "").strip():
        found.append(finding("no_language", name))
    if not scan and page_count <= SHORT_PAGES:
        pages = "1 pagina" if page_count == 1 else f"{page_count} pagina's"
        found.append(finding("should_be_web_page", name, pages=pages, words=sum(words)))
    return found


def _entry(dictionary, key):
    """A value of a PDF dictionary, indirect references followed (a plain `get` does not)."""
    return dictionary[key] if key in dictionary else None


def _page_text(page) -> str:
    try:
        return page.extract_text() or ""
    except Exception:  # noqa: BLE001 - one unreadable page is a page without text, not a crash
        return ""


def _title(reader) -> str:
    info = reader.metadata
    title = str(info.title or "").strip() if info is not None else ""
    if not title and reader.xmp_metadata is not None:
        title = " ".join(str(v) for v in (reader.xmp_metadata.dc_title or {}).values()).strip()
    return title


def sha256_of(document) -> str | None:
    """The SHA-256 of the document's file, read in chunks; None when the file is gone."""
    digest = hashlib.sha256()
    try:
        with document.file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def findings_for(document_ids: Iterable[int]) -> dict[int, list[dict]]:
    """Findings per document id, for the runner (one batch per run or per site).

    Three queries however many documents: the documents, their stored checks, the new checks.
    A file whose content was checked before is not parsed again. Ids of deleted documents are
    left out."""
    from ..quality_models import DocumentCheck

    ids = {int(i) for i in document_ids if i is not None}
    documents = get_document_model().objects.in_bulk(ids) if ids else {}
    result, hashes = {}, {}
    for pk, document in documents.items():
        known = _before_reading(document)
        if known is None and (digest := sha256_of(document)) is None:
            known = [finding("missing", document.filename)]
        if known is not None:
            result[pk] = known
        else:
            hashes[pk] = digest
    if not hashes:
        return result
    stored = {
        (row.document_id, row.file_hash): row.findings
        for row in DocumentCheck.objects.filter(document_id__in=hashes, file_hash__in=set(hashes.values()))
    }
    new = []
    for pk, digest in hashes.items():
        if (pk, digest) in stored:
            result[pk] = stored[(pk, digest)]
        else:
            result[pk] = inspect_document(documents[pk])
            new.append(DocumentCheck(document_id=pk, file_hash=digest, findings=result[pk]))
    DocumentCheck.objects.bulk_create(new, ignore_conflicts=True)
    return result


def _own_words(page_under_check: PageUnderCheck) -> int:
    """Words the page itself says (its blocks, not the titles of its documents)."""
    return sum(
        len(text.split())
        for block in page_under_check.blocks
        if block.block_type != "document"
        for text in block.block.plain_texts(block.value)
    )


@check(CODE, "Document niet toegankelijk")
def document_accessibility(page_under_check: PageUnderCheck):
    """Each finding of each document the page offers. 'Should be a web page' only where the
    document says more than the page: then it is the page's main content."""
    own_words = None
    for use in page_under_check.documents:
        for found in page_under_check.document_findings.get(use.document_id, []):
            if found.get("kind") == "should_be_web_page":
                own_words = _own_words(page_under_check) if own_words is None else own_words
                if own_words >= found.get("words", 0):
                    continue
            yield Problem(
                code=CODE,
                severity=found["severity"],
                message=found["message"],
                fix=found["fix"],
                location=use.location,
                where=use.where,
                detail=f"{use.title} ({found['detail']})" if use.title else found["detail"],
            )
