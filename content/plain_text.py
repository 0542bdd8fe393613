"""Plain text of rich text that keeps its structure: the one rule for turning an editor's HTML
into the text that the B1 check reads and the search index stores.

Paragraphs and headings become blank-line paragraphs and list items "- " lines, so a list of
short items stays a list of short items (not one long run-on sentence) for the B1 check."""

from __future__ import annotations

import html
import re

_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|ul|ol|blockquote|table|tr|section)\b[^>]*>", re.IGNORECASE)
_ITEM_TAG = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]+>")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)+")


def rich_text_plain(markup: str) -> str:
    """``<p>Neem mee:</p><ul><li>uw paspoort</li><li>een pasfoto</li></ul>`` ->
    ``"Neem mee:\\n\\n- uw paspoort\\n- een pasfoto"``."""
    text = _ITEM_TAG.sub("\n- ", markup or "")
    text = _BLOCK_TAG.sub("\n\n", text)
    text = _BREAK_TAG.sub("\n", text)
    text = html.unescape(_ANY_TAG.sub("", text)).replace("\xa0", " ")
    text = _BLANK_LINES.sub("\n\n", text)
    return "\n".join(line.strip() for line in text.strip().splitlines()).strip()
