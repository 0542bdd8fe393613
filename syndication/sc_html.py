"""A page's body as HTML for the outside world (the `productHTML` of Samenwerkende Catalogi and
the open-data export): exactly what a public visitor of the website sees, nothing more.

Blocks come from `content.rendering.render_for_channel` for a public web viewer, so an internal
block (a KCC script), a draft or internal page chosen in a block and blocks meant for other
channels are absent before this module sees them. Page links inside rich text are checked with
the same visibility rule (a link to a page the public may not see becomes plain text).

The output is well-formed XHTML (every element closed, `<br/>`), from a small set of elements,
without classes, scripts or styles: harvesters show it in their own layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from content.blocks import content_blocks_of, list_items, raw_stream
from content.channels import PRODUCT_SECTIONS
from content.models import SiteDirectory
from content.rendering import References, RenderedBlock, load_references, render_for_channel
from content.visibility import PUBLIC_WEB, visible_page_ids

SECTION_HEADINGS = dict(PRODUCT_SECTIONS)
# Characters XML 1.0 does not allow, even escaped: an editor's pasted control character must not
# make the whole feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PAGE_LINK = re.compile(r'linktype="page"[^>]*\bid="(\d+)"|\bid="(\d+)"[^>]*linktype="page"')
_DOCUMENT_LINK = re.compile(r'linktype="document"[^>]*\bid="(\d+)"|\bid="(\d+)"[^>]*linktype="document"')
LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")


def text(value) -> str:
    """Escape text for XML (element content)."""
    value = _NOT_XML.sub("", str(value))
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value) -> str:
    """Escape text for a double-quoted XML attribute."""
    return text(value).replace('"', "&quot;")


def element(tag: str, content: str = "", **attrs) -> str:
    rendered = "".join(f' {name}="{attr(value)}"' for name, value in attrs.items() if value is not None)
    return f"<{tag}{rendered}>{content}</{tag}>"


@dataclass
class HtmlContext:
    """What rendering a batch of streams needs, loaded once for the batch: the references of the
    blocks (filtered by the visibility rule), the public URL of every page a block or a rich
    text links to, and documents. `absolute` turns a media path into an absolute URL."""

    references: References
    directory: SiteDirectory
    absolute: Callable[[str], str]
    page_urls: dict[int, str] = field(default_factory=dict)
    document_urls: dict[int, str] = field(default_factory=dict)
    _image_urls: dict[int, str] = field(default_factory=dict)

    def page_url(self, page) -> str | None:
        if page is None:
            return None
        if page.pk not in self.page_urls:
            self.page_urls[page.pk] = self.directory.url_of(page)
        return self.page_urls[page.pk]

    def image_url(self, image) -> str:
        if image.pk not in self._image_urls:
            self._image_urls[image.pk] = self.absolute(image.get_rendition("width-800").url)
        return self._image_urls[image.pk]


def load_context(
    streams: Iterable, directory: SiteDirectory, absolute: Callable[[str], str], *, language: str | None = None
) -> HtmlContext:
    """Load everything the streams refer to, in a constant number of queries."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    streams = list(streams)
    references = load_references(streams, PUBLIC_WEB, language=language)
    context = HtmlContext(references, directory, absolute)
    rich_texts = [
        str((child.get("value") or {}).get("text") or "")
        for stream in [*streams, *(f.body for f in references.fragments.values())]
        for child, _section, _path in content_blocks_of(raw_stream(stream))
        if child.get("type") == "text"
    ]
    page_ids = {int(a or b) for t in rich_texts for a, b in _PAGE_LINK.findall(t)}
    if page_ids:
        visible = visible_page_ids(page_ids, PUBLIC_WEB)
        for page in Page.objects.filter(pk__in=visible).only("pk", "path", "url_path", "locale_id"):
            context.page_url(page)
    document_ids = {int(a or b) for t in rich_texts for a, b in _DOCUMENT_LINK.findall(t)}
    if document_ids:
        for document in get_document_model().objects.filter(pk__in=document_ids):
            context.document_urls[document.pk] = absolute(document.url)
    return context


def product_body_html(body, context: HtmlContext) -> str:
    """A product's sections, each under its heading (the editor's own or the standard one);
    a section without anything public is left out."""
    parts = []
    for child in raw_stream(body):
        if child.get("type") != "section":
            continue
        value = child.get("value") or {}
        blocks = render_for_channel([child], PUBLIC_WEB, references=context.references)
        inner = blocks_html(blocks, context)
        if inner:
            heading = (value.get("heading") or "").strip() or SECTION_HEADINGS.get(value.get("section"), "")
            parts.append((element("h2", text(heading)) if heading else "") + inner)
    return "".join(parts)


def stream_html(stream, context: HtmlContext) -> str:
    """A flat stream of content blocks (answers, articles)."""
    return blocks_html(render_for_channel(stream, PUBLIC_WEB, references=context.references), context)


def blocks_html(blocks: list[RenderedBlock], context: HtmlContext) -> str:
    return "".join(_block_html(block, context) for block in blocks)


def _block_html(block: RenderedBlock, context: HtmlContext) -> str:
    value = block.value or {}
    kind = block.type
    if kind == "text":
        return rich_text_html(value.get("text") or "", context)
    if kind == "steps":
        steps = [s for s in list_items(value.get("steps")) if str(s).strip()]
        return element("ol", "".join(element("li", text(s)) for s in steps)) if steps else ""
    if kind == "cost_table":
        return _cost_table(list_items(value.get("rows")))
    if kind == "faq":
        items = list_items(value.get("items"))
        pairs = "".join(
            element("dt", text(i.get("question", ""))) + element("dd", text(i.get("answer", ""))) for i in items
        )
        return element("dl", pairs) if pairs else ""
    if kind == "notice":
        lead = element("strong", "Let op:") + " " if value.get("level") == "warning" else ""
        return element("p", lead + text(value.get("text") or ""))
    if kind == "link_list":
        items = []
        for link in block.links:
            href = context.page_url(link["page"]) if link["page"] is not None else link["url"]
            if href and str(href).startswith(LINK_SCHEMES):
                items.append(element("li", element("a", text(link["title"]), href=href)))
        return element("ul", "".join(items)) if items else ""
    if kind == "image":
        image = element("img", "", src=context.image_url(block.image), alt=value.get("alt") or "")
        caption = element("figcaption", text(value["caption"])) if value.get("caption") else ""
        return element("figure", image.replace("></img>", "/>") + caption)
    if kind == "fragment":
        return blocks_html(block.children, context)
    return ""  # a block type this export does not know is left out, never shown raw


def _cost_table(rows) -> str:
    if not rows:
        return ""
    head = element("thead", element("tr", element("th", "Omschrijving") + element("th", "Bedrag")))
    body = "".join(
        element("tr", element("td", text(row.get("description", ""))) + element("td", text(euro(row.get("amount")))))
        for row in rows
    )
    return element("table", head + element("tbody", body))


def euro(amount) -> str:
    """Dutch notation: € 1.234,50."""
    try:
        euros, cents = f"{float(amount):.2f}".split(".")
    except (TypeError, ValueError):
        return str(amount or "")
    return f"€ {int(euros):,}".replace(",", ".") + f",{cents}"


# --- rich text ------------------------------------------------------------------------------
# Wagtail's stored rich text, reduced to these elements; anything else is unwrapped (its text
# stays). `b`/`i` become `strong`/`em`; headings below the section's h2 keep their level.
_RENAME = {"b": "strong", "i": "em"}
_KEEP = {"p", "strong", "em", "h3", "h4", "h5", "ol", "ul", "li", "a", "br"}


def rich_text_html(stored: str, context: HtmlContext) -> str:
    converter = _RichText(context)
    converter.feed(stored)
    converter.close()
    return converter.result()


class _RichText(HTMLParser):
    def __init__(self, context: HtmlContext):
        super().__init__(convert_charrefs=True)
        self.context = context
        self.out: list[str] = []
        self.open: list[str | None] = []  # emitted tag, or None for an unwrapped one

    def handle_starttag(self, tag, attrs):
        tag = _RENAME.get(tag, tag)
        if tag == "br":
            self.out.append("<br/>")
            return
        if tag not in _KEEP:
            self.open.append(None)
            return
        if tag == "a":
            href = self._href(dict(attrs))
            if href is None:
                self.open.append(None)  # a link the public may not follow: its text stays
                return
            self.out.append(f'<a href="{attr(href)}">')
        else:
            self.out.append(f"<{tag}>")
        self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if _RENAME.get(tag, tag) == "br":
            self.out.append("<br/>")

    def handle_endtag(self, tag):
        tag = _RENAME.get(tag, tag)
        if tag in self.open:
            # Close everything opened inside it too, so the output stays well formed.
            while self.open:
                top = self.open.pop()
                if top is not None:
                    self.out.append(f"</{top}>")
                if top == tag:
                    break
        elif self.open and self.open[-1] is None:
            self.open.pop()  # the end of an unwrapped element; a stray end tag is ignored

    def handle_data(self, data):
        self.out.append(text(data))

    def _href(self, attrs) -> str | None:
        linktype = attrs.get("linktype")
        if linktype == "page":
            return self.context.page_urls.get(_int(attrs.get("id")))
        if linktype == "document":
            return self.context.document_urls.get(_int(attrs.get("id")))
        href = attrs.get("href") or ""
        return href if href.startswith(LINK_SCHEMES) else None

    def result(self) -> str:
        while self.open:
            top = self.open.pop()
            if top is not None:
                self.out.append(f"</{top}>")
        return "".join(self.out)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
