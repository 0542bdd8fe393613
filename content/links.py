"""Links and images as the blocks expose them: what the quality checks (`quality/content_checks`)
read, so a new block type is checked by saying what links and images it has."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_ANCHOR = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.S | re.I)
_ATTR = re.compile(r'\b(?P<name>[a-z-]+)="(?P<value>[^"]*)"', re.I)
_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"<h(?P<level>[1-6])\b[^>]*>(?P<text>.*?)</h(?P=level)>", re.S | re.I)
_ID = re.compile(r'\bid="(?P<id>[^"]+)"', re.I)


@dataclass(frozen=True)
class Link:
    """A link an editor made: its text and either a page of the hub or an address."""

    text: str
    page: int | None = None
    url: str = ""
    kind: str = "text"  # "text" (in running text), "list" (a link list), "action" (a button)


@dataclass(frozen=True)
class ImageUse:
    image: int | None
    alt: str
    caption: str
    decorative: bool


def plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", markup or "")).split())


def rich_text_links(markup: str) -> Iterator[Link]:
    """The links in Wagtail rich text (stored form): page links by id, other links by href."""
    for match in _ANCHOR.finditer(markup or ""):
        attrs = {m["name"].lower(): html.unescape(m["value"]) for m in _ATTR.finditer(match["attrs"])}
        text = plain(match["text"])
        if attrs.get("linktype") == "page" and attrs.get("id", "").isdigit():
            yield Link(text=text, page=int(attrs["id"]))
        elif attrs.get("href"):
            yield Link(text=text, url=attrs["href"])


def rich_text_headings(markup: str) -> list[tuple[int, str]]:
    """(level, text) of each heading in rich text, in order."""
    return [(int(m["level"]), plain(m["text"])) for m in _HEADING.finditer(markup or "")]


def rich_text_anchors(markup: str) -> set[str]:
    """The ids in rich text that a "#..." link can point to."""
    return {m["id"] for m in _ID.finditer(markup or "")}
