"""Documents referenced by an import file, stored once by their content hash (like images)."""

import hashlib

from django.conf import settings
from django.core.files import File
from wagtail.documents import get_document_model


def import_document(path, base_dir, title: str) -> int:
    """The id of the document with this file's content, stored when new. Whether the file is a
    good document (tagged, with a title) is for the quality report, not for the import."""
    path = path.resolve()
    if base_dir.resolve() not in path.parents:
        raise ValueError("the document must be in the folder of the import file")
    extension = path.suffix[1:].lower()
    allowed = [e.lower() for e in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]
    if allowed and extension not in allowed:
        raise ValueError(f"{path.name}: use one of the file types {', '.join(allowed)}")
    if not path.is_file():
        raise ValueError(f"cannot find the document {path.name}")
    digest = hashlib.sha1()  # noqa: S324 - Wagtail's own Document.file_hash is SHA-1
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        raise ValueError(f"cannot read the document {path.name}") from None
    Document = get_document_model()
    existing = Document.objects.filter(file_hash=digest.hexdigest()).values_list("pk", flat=True).first()
    if existing:
        return existing
    with path.open("rb") as handle:
        document = Document(title=title, file=File(handle, name=path.name))
        document._set_document_file_metadata()
        document.save()
    return document.pk
