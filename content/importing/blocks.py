"""Turn the blocks of an import file into StreamField data, validating as we go."""

import html
import uuid
from decimal import Decimal, InvalidOperation

import markdown
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from ..blocks import RICH_TEXT_FEATURES
from ..channels import CHANNELS, PRODUCT_SECTION_KEYS, STAFF_CHANNELS

BLOCK_TYPES = (
    "text",
    "kcc_script",
    "steps",
    "cost_table",
    "faq",
    "notice",
    "link_list",
    "image",
    "document",
    "fragment",
)
_rich_text = EditorHTMLConverter(features=RICH_TEXT_FEATURES)


class BlockError(Exception):
    def __init__(self, code, field, message):
        self.code, self.field, self.message = code, field, message
        super().__init__(message)


def markdown_to_rich_text(text: str) -> str:
    """Simple Markdown to Wagtail rich text. Raw HTML in the input is shown as text, not run."""
    rendered = markdown.markdown(html.escape(text, quote=False), extensions=["sane_lists"])
    return _rich_text.to_database_format(rendered)


def _text(value, field):
    if not isinstance(value, str) or not value.strip():
        raise BlockError("IMPORT_BAD_VALUE", field, "must be a non-empty text")
    return value.strip()


def _list(value, field):
    if not isinstance(value, list) or not value:
        raise BlockError("IMPORT_BAD_VALUE", field, "must be a non-empty list")
    return value


def _channels(block, field, block_type):
    channels = block.get("channels")
    if channels is None:
        return list(STAFF_CHANNELS if block_type == "kcc_script" else CHANNELS)
    if not isinstance(channels, list) or not channels:
        raise BlockError("IMPORT_BAD_VALUE", field, "must be a non-empty list of channels")
    for channel in channels:
        if channel not in CHANNELS:
            raise BlockError("IMPORT_UNKNOWN_CHANNEL", field, f"unknown channel {channel!r}; use {', '.join(CHANNELS)}")
        if block_type == "kcc_script" and channel not in STAFF_CHANNELS:
            raise BlockError(
                "IMPORT_INTERNAL_ON_PUBLIC_CHANNEL",
                field,
                f"a kcc_script is internal and may only be shown on kcc or balie, not on {channel!r}",
            )
    return list(dict.fromkeys(channels))


class BlockConverter:
    """Converts import blocks; the `resolve_...` functions look up (or store) what blocks refer to."""

    def __init__(self, resolve_page, resolve_fragment, resolve_image, resolve_document=None):
        self.resolve_page = resolve_page
        self.resolve_fragment = resolve_fragment
        self.resolve_image = resolve_image
        self.resolve_document = resolve_document
        self.id_prefix = ""

    def stream(self, blocks, field, *, allow_fragments=True):
        result = []
        for index, block in enumerate(_list(blocks, field) if blocks else []):
            result.append(self.block(block, f"{field}[{index}]", allow_fragments=allow_fragments))
        return result

    def product_sections(self, blocks, field):
        grouped = {key: [] for key in PRODUCT_SECTION_KEYS}
        for index, block in enumerate(blocks or []):
            where = f"{field}[{index}]"
            section = block.get("section", "inleiding") if isinstance(block, dict) else None
            if section not in grouped:
                raise BlockError(
                    "IMPORT_UNKNOWN_SECTION",
                    f"{where}.section",
                    f"unknown section {section!r}; use {', '.join(PRODUCT_SECTION_KEYS)}",
                )
            grouped[section].append(self.block(block, where, allow_fragments=True))
        return [
            {
                "type": "section",
                "id": _stable_id(f"{self.id_prefix}:{field}", key),
                "value": {"section": key, "heading": "", "content": content},
            }
            for key, content in grouped.items()
            if content
        ]

    def block(self, block, where, *, allow_fragments):
        if not isinstance(block, dict):
            raise BlockError("IMPORT_BAD_VALUE", where, "a block must be an object with type and value")
        block_type = block.get("type")
        if block_type not in BLOCK_TYPES or (block_type == "fragment" and not allow_fragments):
            raise BlockError(
                "IMPORT_UNKNOWN_BLOCK_TYPE",
                f"{where}.type",
                f"unknown block type {block_type!r}; use {', '.join(BLOCK_TYPES)}",
            )
        channels = _channels(block, f"{where}.channels", block_type)
        value = getattr(self, f"_{block_type}")(block.get("value"), f"{where}.value")
        return {
            "type": block_type,
            "id": _stable_id(f"{self.id_prefix}:{where}", block_type),
            "value": {"channels": channels, **value},
        }

    def _text(self, value, field):
        return {"text": markdown_to_rich_text(_text(value, field))}

    def _kcc_script(self, value, field):
        return {"script": _text(value, field)}

    def _steps(self, value, field):
        if isinstance(value, str):
            value = [line.strip(" -\t") for line in value.splitlines() if line.strip()]
        return {"steps": [_text(step, f"{field}[{i}]") for i, step in enumerate(_list(value, field))]}

    def _cost_table(self, value, field):
        rows = []
        for i, row in enumerate(_list(value, field)):
            if not isinstance(row, dict):
                raise BlockError("IMPORT_BAD_VALUE", f"{field}[{i}]", "a cost row needs description and amount")
            try:
                amount = Decimal(str(row.get("amount")).replace(",", "."))
            except InvalidOperation:
                raise BlockError(
                    "IMPORT_BAD_VALUE", f"{field}[{i}].amount", "must be an amount in euros, like 84.75"
                ) from None
            if not amount.is_finite() or amount < 0:
                raise BlockError("IMPORT_BAD_VALUE", f"{field}[{i}].amount", "must be zero or more")
            rows.append(
                {
                    "description": _text(row.get("description"), f"{field}[{i}].description"),
                    "amount": str(amount.quantize(Decimal("0.01"))),
                }
            )
        return {"rows": rows}

    def _faq(self, value, field):
        items = []
        for i, item in enumerate(_list(value, field)):
            if not isinstance(item, dict):
                raise BlockError("IMPORT_BAD_VALUE", f"{field}[{i}]", "needs question and answer")
            items.append(
                {
                    "question": _text(item.get("question"), f"{field}[{i}].question"),
                    "answer": _text(item.get("answer"), f"{field}[{i}].answer"),
                }
            )
        return {"items": items}

    def _notice(self, value, field):
        if isinstance(value, str):
            value = {"level": "info", "text": value}
        if not isinstance(value, dict):
            raise BlockError("IMPORT_BAD_VALUE", field, "needs level and text")
        level = value.get("level", "info")
        if level not in ("info", "warning"):
            raise BlockError("IMPORT_BAD_VALUE", f"{field}.level", "use info or warning")
        return {"level": level, "text": _text(value.get("text"), f"{field}.text")}

    def _link_list(self, value, field):
        links = []
        for i, link in enumerate(_list(value, field)):
            where = f"{field}[{i}]"
            if not isinstance(link, dict):
                raise BlockError("IMPORT_BAD_VALUE", where, "a link needs title and url or page")
            title = _text(link.get("title"), f"{where}.title")
            if link.get("page"):
                links.append({"title": title, "page": self.resolve_page(link["page"], f"{where}.page"), "url": ""})
            elif isinstance(link.get("url"), str) and link["url"].startswith(
                ("https://", "http://", "mailto:", "tel:")
            ):
                links.append({"title": title, "page": None, "url": link["url"]})
            else:
                raise BlockError("IMPORT_BAD_VALUE", where, "a link needs a page ref or an http(s) url")
        return {"links": links}

    def _image(self, value, field):
        if not isinstance(value, dict):
            raise BlockError("IMPORT_BAD_VALUE", field, "needs file and alt")
        decorative = value.get("decorative", False)
        if not isinstance(decorative, bool):
            raise BlockError("IMPORT_BAD_VALUE", f"{field}.decorative", "must be true or false")
        # An image without alt text is imported (the quality report names it), unless alt is not text.
        alt = value.get("alt") or ""
        if not isinstance(alt, str):
            raise BlockError("IMPORT_BAD_VALUE", f"{field}.alt", "must be text")
        image_id = self.resolve_image(_text(value.get("file"), f"{field}.file"), f"{field}.file")
        return {"image": image_id, "alt": alt.strip(), "caption": value.get("caption") or "", "decorative": decorative}

    def _document(self, value, field):
        if not isinstance(value, dict):
            raise BlockError("IMPORT_BAD_VALUE", field, "needs file and title")
        title = _text(value.get("title"), f"{field}.title")
        if len(title) > 255:
            raise BlockError("IMPORT_BAD_VALUE", f"{field}.title", "at most 255 characters")
        document_id = self.resolve_document(_text(value.get("file"), f"{field}.file"), f"{field}.file", title)
        return {"document": document_id, "title": title}

    def _fragment(self, value, field):
        return {"fragment": self.resolve_fragment(_text(value, field), field)}


def _stable_id(where: str, salt: str) -> str:
    """Block ids stay the same between imports, so running an import twice changes nothing."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"hub-import:{where}:{salt}"))
