"""Real PDF files for the document checks, written with pypdf: text in a standard font, or an
image only (a scan); tagged or not; with or without a title and a language; encrypted."""

from io import BytesIO

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

LEAFLET = (
    "U kunt bij de gemeente een parkeervergunning aanvragen als u in het centrum woont. "
    "De vergunning kost 84 euro per jaar. U betaalt als u de aanvraag doet. "
    "Na twee weken krijgt u bericht. De vergunning geldt voor een auto die op uw naam staat. "
    "Heeft u een tweede auto? Dan betaalt u meer. Verhuist u? Dan stopt de vergunning. "
)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _text_page(writer: PdfWriter, text: str):
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    words, lines, line = text.split(), [], []
    for word in words:
        line.append(word)
        if len(line) == 12:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    body = "BT /F1 11 Tf 14 TL 50 800 Td " + " ".join(f"({_escape(t)}) Tj T*" for t in lines) + " ET"
    stream = DecodedStreamObject()
    stream.set_data(body.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)


def _image_page(writer: PdfWriter):
    page = writer.add_blank_page(width=595, height=842)
    image = DecodedStreamObject()
    image.set_data(bytes(range(256)) * 4)
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(32),
            NameObject("/Height"): NumberObject(32),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): writer._add_object(image)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(b"q 495 0 0 742 50 50 cm /Im0 Do Q")
    page[NameObject("/Contents")] = writer._add_object(stream)


def make_pdf(
    *,
    pages: int = 1,
    text: str = LEAFLET * 2,
    scan: bool = False,
    title: str | None = "Parkeervergunning",
    language: str | None = "nl-NL",
    tagged: bool = True,
    user_password: str | None = None,
    owner_password: str | None = None,
    permissions: int | None = None,
) -> bytes:
    """A PDF of `pages` pages of `text` (or of an image only, `scan`), as bytes."""
    writer = PdfWriter()
    for _ in range(pages):
        _image_page(writer) if scan else _text_page(writer, text)
    root = writer._root_object
    if title is not None:
        writer.add_metadata({"/Title": title})
    if language is not None:
        root[NameObject("/Lang")] = TextStringObject(language)
    if tagged:
        root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
        tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): ArrayObject()})
        root[NameObject("/StructTreeRoot")] = writer._add_object(tree)
    if user_password is not None:
        kwargs = {"permissions_flag": permissions} if permissions is not None else {}
        writer.encrypt(user_password, owner_password, algorithm="RC4-128", **kwargs)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
