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

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby

from content.blocks import content_blocks_of, list_items, raw_stream
from content.channels import PRODUCT_SECTIONS
from content.models import SiteDirectory
from content.rendering import References, RenderedBlock, load_references, references_of, render_for_channel
from content.visibility import PUBLIC_WEB, visible_page_ids

SECTION_HEADINGS = dict(PRODUCT_SECTIONS)
# Characters XML 1.0 does not allow, even escaped: an editor's pasted control character must not
# make the whole feed unreadable.
_NOT_XML = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
_CONTROL = re.compile("[" + "".join(map(chr, _NOT_XML)) + "]")
_SPECIAL = re.compile("[&<>" + "".join(map(chr, _NOT_XML)) + "]")
_PAGE_LINK = re.compile(r'linktype="page"[^>]*\bid="(\d+)"|\bid="(\d+)"[^>]*linktype="page"')
_DOCUMENT_LINK = re.compile(r'linktype="document"[^>]*\bid="(\d+)"|\bid="(\d+)"[^>]*linktype="document"')
LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")


def text(value) -> str:
    """Escape text for XML (element content)."""
    value = str(value)
    if _SPECIAL.search(value) is None:
        return value  # the common case, checked in one pass
    if _CONTROL.search(value):
        value = _CONTROL.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value) -> str:
    """Escape text for a double-quoted XML attribute."""
    return text(value).replace('"', "&quot;")


def element(tag: str, content: str = "", **attrs) -> str:
    rendered = "".join(f' {name}="{attr(value)}"' for name, value in attrs.items() if value is not None)
    return f"<{tag}{rendered}>{content}</{tag}>"


@dataclass(frozen=True)
class LinkedPage:
    """What a link needs of the page it points to: where it is (for `SiteDirectory.url_of`)."""

    pk: int
    path: str
    url_path: str
    locale_id: int


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
    fragment_html: dict[str, str] = field(default_factory=dict)  # one fragment, many pages

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
    """Load everything the streams refer to, in a constant number of queries.

    Fragments and images through `content.rendering.load_references`. Pages chosen in the
    streams' link lists are filtered by the same rule (`visible_page_ids`) but loaded without
    as `LinkedPage`s: the HTML needs only their URL, and a feed's products link to thousands of
    other products whose bodies would otherwise be loaded a second time."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    blocks = [child for stream in streams for child, _section, _path in content_blocks_of(raw_stream(stream))]
    embedded = [b for b in blocks if b.get("type") in ("fragment", "image")]
    references = load_references([embedded], PUBLIC_WEB, language=language)
    context = HtmlContext(references, directory, absolute)
    linked = references_of([b for b in blocks if b.get("type") == "link_list"])["page"] - references.visible_ids
    if linked:
        visible = visible_page_ids(linked, PUBLIC_WEB)
        references.visible_ids |= visible
        for row in Page.objects.filter(pk__in=visible).values_list("pk", "path", "url_path", "locale_id"):
            references.pages[row[0]] = LinkedPage(*row)
    fragment_blocks = [
        child for f in references.fragments.values() for child, _s, _p in content_blocks_of(raw_stream(f.body))
    ]
    # Only texts with a page or document link need a look-up.
    rich_texts = [
        stored
        for child in [*blocks, *fragment_blocks]
        if child.get("type") == "text" and 'linktype="' in (stored := str((child.get("value") or {}).get("text") or ""))
    ]
    page_ids = {int(a or b) for t in rich_texts for a, b in _PAGE_LINK.findall(t)}
    if page_ids:
        visible = visible_page_ids(page_ids, PUBLIC_WEB)
        for row in Page.objects.filter(pk__in=visible).values_list("pk", "path", "url_path", "locale_id"):
            context.page_url(LinkedPage(*row))
    document_ids = {int(a or b) for t in rich_texts for a, b in _DOCUMENT_LINK.findall(t)}
    if document_ids:
        for document in get_document_model().objects.filter(pk__in=document_ids):
            context.document_urls[document.pk] = absolute(document.url)
    return context


def product_body_html(body, context: HtmlContext) -> str:
    """A product's sections, each under its heading (the editor's own or the standard one);
    a section without anything public is left out."""
    raw = raw_stream(body)
    sections = [c.get("value") or {} for c in raw if c.get("type") == "section"]
    rendered = render_for_channel(raw, PUBLIC_WEB, references=context.references)
    parts = []
    index = 0
    for key, group in groupby(rendered, key=lambda block: block.section):
        # Rendered blocks come in the order of the sections: pair each run with its section.
        while index < len(sections) and sections[index].get("section") != key:
            index += 1
        value = sections[index] if index < len(sections) else {}
        index += 1
        inner = blocks_html(list(group), context)
        if inner:
            heading = (value.get("heading") or "").strip() or SECTION_HEADINGS.get(key, "")
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
        ref = value.get("ref") or ""
        if ref not in context.fragment_html:
            context.fragment_html[ref] = blocks_html(block.children, context)
        return context.fragment_html[ref]
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
# A tokenizer rather than html.parser: the stored format is simple, and a feed of thousands of
# products converts tens of thousands of texts.
_RENAME = {"b": "strong", "i": "em"}
_KEEP = {"p", "strong", "em", "h3", "h4", "h5", "ol", "ul", "li", "a", "br"}
_TOKEN = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->|([^<]+|<)""", re.S)
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def rich_text_html(stored: str, context: HtmlContext) -> str:
    out: list[str] = []
    open_tags: list[str | None] = []  # emitted tag, or None for an unwrapped one
    for closing, name, attributes, data in _TOKEN.findall(stored):
        if data:
            out.append(text(html.unescape(data)))
            continue
        if not name:
            continue  # a comment
        tag = _RENAME.get(name.lower(), name.lower())
        if tag == "br":
            out.append("<br/>")
        elif closing:
            _close(tag, out, open_tags)
        elif attributes.rstrip().endswith("/"):
            continue  # another empty element: nothing to show
        elif tag not in _KEEP:
            open_tags.append(None)
        elif tag == "a":
            href = _href(attributes, context)
            if href is None:
                open_tags.append(None)  # a link the public may not follow: its text stays
            else:
                out.append(f'<a href="{attr(href)}">')
                open_tags.append("a")
        else:
            out.append(f"<{tag}>")
            open_tags.append(tag)
    while open_tags:
        top = open_tags.pop()
        if top is not None:
            out.append(f"</{top}>")
    return "".join(out)


def _close(tag: str, out: list[str], open_tags: list[str | None]) -> None:
    if tag in open_tags:
        # Close everything opened inside it too, so the output stays well formed.
        while open_tags:
            top = open_tags.pop()
            if top is not None:
                out.append(f"</{top}>")
            if top == tag:
                return
    elif open_tags and open_tags[-1] is None:
        open_tags.pop()  # the end of an unwrapped element; a stray end tag is ignored


def _href(attributes: str, context: HtmlContext) -> str | None:
    found = {m[0].lower(): html.unescape(m[1] or m[2] or m[3]) for m in _ATTRIBUTE.findall(attributes)}
    linktype = found.get("linktype")
    if linktype == "page":
        return context.page_urls.get(_int(found.get("id")))
    if linktype == "document":
        return context.document_urls.get(_int(found.get("id")))
    href = found.get("href") or ""
    return href if href.startswith(LINK_SCHEMES) else None


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
