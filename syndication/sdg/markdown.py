"""The Markdown the SDG product API takes in its text fields.

The API accepts basic Markdown without headings of level 1, 2, 5 and 6, horizontal rules,
images and code (tables are allowed; we produce none). Everything here produces only what is
allowed, whatever an editor typed:

- rich text (Wagtail's stored HTML) becomes paragraphs, `###`/`####` headings (h1 and h2 become
  level 3, h5 and h6 level 4), bold, italics, bullet and numbered lists and links; images, rules
  and code markup are dropped (the text of code stays, as plain text);
- every text is escaped, so `# title`, `---`, `` `code` ``, `![x](y)`, an indented line or raw
  HTML that an editor typed stays text instead of becoming a heading, rule, code or image.

`forbidden_elements` renders Markdown with Python-Markdown and names what the API refuses; the
tests hold every payload to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Resolves a link of Wagtail rich text (its attributes) to a public absolute URL, or None.
LinkResolver = Callable[[dict], "str | None"]

HEADING_LEVELS = {"h1": 3, "h2": 3, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
FORBIDDEN = {"h1", "h2", "h5", "h6", "hr", "img", "code", "pre"}
LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")

# Escaped with a backslash (both CommonMark and Python-Markdown know these escapes); `<` becomes
# `&lt;` (Python-Markdown does not unescape `\<`) and an entity-like `&` becomes `&amp;`.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# At the start of a line these would open a heading, quote or list.
_LINE_MARKER = re.compile(r"^([#>+-])", re.MULTILINE)
_LINE_NUMBER = re.compile(r"^(\d+)([.)])", re.MULTILINE)
# A line of only these would be a rule or the underline of a (setext) heading: it is dropped.
_RULE_LIKE = re.compile(r"^[-=\s]+$")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_DROPPED = {"img", "embed", "hr", "script", "style", "iframe", "object", "svg", "video", "audio", "picture"}
_BLOCKS = {
    "p", "div", "section", "article", "blockquote", "figure", "figcaption", "pre", "table", "thead", "tbody",
    "tfoot", "tr", "td", "th", "dl", "dt", "dd", "ul", "ol", "li", "header", "footer", "aside", "address",
    *HEADING_LEVELS,
}  # fmt: skip
INDENT = "    "


# --- plain text -----------------------------------------------------------------------------
def escape(text: str) -> str:
    """Plain text as Markdown that shows exactly that text: no markup can hide in it."""
    return _escape_line_starts(_escape_inline(text))


def _escape_inline(text: str) -> str:
    return _INLINE_SPECIAL.sub(r"\\\1", _ENTITY.sub("&amp;", text).replace("<", "&lt;"))


def _escape_line_starts(text: str) -> str:
    # Leading spaces would make an indented code block; a marker at the start, a heading or list.
    lines = [line.strip() for line in text.replace("\t", " ").splitlines()]
    text = "\n".join(line for line in lines if not (line and _RULE_LIKE.match(line)))
    return _LINE_NUMBER.sub(r"\1\\\2", _LINE_MARKER.sub(r"\\\1", text))


def paragraphs(text: str) -> str:
    """Plain text with blank lines between paragraphs, escaped."""
    parts = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip())
    return join_blocks(escape(part) for part in parts)


def heading(text: str, level: int = 3) -> str:
    level = min(max(level, 3), 4)
    text = " ".join((text or "").split())
    return f"{'#' * level} {escape(text)}" if text else ""


def strong(text: str) -> str:
    text = " ".join((text or "").split())
    return f"**{escape(text)}**" if text else ""


def bullet_list(items: Iterable[str]) -> str:
    return _list([escape(str(item)) for item in items], ordered=False)


def numbered_list(items: Iterable[str]) -> str:
    return _list([escape(str(item)) for item in items], ordered=True)


def link(text: str, url: str | None) -> str:
    """`[text](url)` for a safe absolute URL; the escaped text alone otherwise."""
    label = escape(" ".join((text or "").split()))
    target = safe_url(url)
    return f"[{label}]({target})" if label and target else label


def safe_url(url: str | None) -> str | None:
    """An http(s), mailto or tel URL that cannot break out of `(...)`, or None."""
    url = (url or "").strip()
    if not url.lower().startswith(LINK_SCHEMES):
        return None
    return re.sub(r"[\s()<>]", lambda m: f"%{ord(m.group()):02X}", url)


def join_blocks(blocks: Iterable[str]) -> str:
    return "\n\n".join(block.strip("\n") for block in blocks if block and block.strip())


def _list(items: list[str], *, ordered: bool) -> str:
    lines = []
    for number, item in enumerate((i for i in items if i.strip()), start=1):
        marker = f"{number}." if ordered else "-"
        first, *rest = item.strip().split("\n")
        lines.append(f"{marker} {first}")
        # Further lines of an item stay inside it (indented: a continuation, never code).
        lines += [f"{INDENT}{line}" if line else "" for line in rest]
    return "\n".join(lines)


# --- rich text -------------------------------------------------------------------------------
@dataclass
class _Element:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)  # _Element or str


class _TreeBuilder(HTMLParser):
    """A forgiving HTML parser into a small tree (Wagtail's stored rich text, or anything)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Element("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = _Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def from_html(html: str, resolve_link: LinkResolver | None = None) -> str:
    """Rich text (HTML) as Markdown of the allowed subset."""
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    return join_blocks(_Renderer(resolve_link).blocks(builder.root.children))


class _Renderer:
    def __init__(self, resolve_link: LinkResolver | None):
        self.resolve_link = resolve_link or (lambda attrs: attrs.get("href"))

    def blocks(self, nodes) -> list[str]:
        """Block-level Markdown: loose inline content is gathered into paragraphs."""
        out: list[str] = []
        inline: list = []

        def flush():
            text = self.inline(inline)
            if text.strip():
                out.append(_escape_paragraph(text))
            inline.clear()

        for node in nodes:
            if isinstance(node, str) or node.tag not in _BLOCKS:
                if not (isinstance(node, _Element) and node.tag in _DROPPED):
                    inline.append(node)
                elif node.tag == "hr":
                    flush()
                continue
            flush()
            if node.tag in HEADING_LEVELS:
                text = _collapse(self.inline(node.children))
                if text:
                    out.append(f"{'#' * HEADING_LEVELS[node.tag]} {_escape_paragraph(text)}")
            elif node.tag in {"ul", "ol"}:
                out.append(self.list(node))
            elif node.tag == "pre":
                out.append(paragraphs(_text_of(node)))
            else:
                out.extend(self.blocks(node.children))
        flush()
        return [block for block in out if block.strip()]

    def list(self, element: _Element) -> str:
        items = []
        for child in element.children:
            if not isinstance(child, _Element) or child.tag != "li":
                continue
            text_nodes = [n for n in child.children if isinstance(n, str) or n.tag not in {"ul", "ol"}]
            nested = [n for n in child.children if isinstance(n, _Element) and n.tag in {"ul", "ol"}]
            text = _escape_paragraph(_collapse(" ".join(self.blocks(text_nodes)).replace("\n\n", " ")))
            sub = "\n".join(self.list(n) for n in nested)
            if text or sub:
                items.append((text, sub))
        lines = []
        for number, (text, sub) in enumerate(items, start=1):
            marker = f"{number}." if element.tag == "ol" else "-"
            first, *rest = (text or "").split("\n")
            lines.append(f"{marker} {first}".rstrip())
            lines += [f"{INDENT}{line}" for line in rest]
            lines += [f"{INDENT}{line}" if line else "" for line in sub.split("\n") if sub]
        return "\n".join(lines)

    def inline(self, nodes) -> str:
        parts = []
        for node in nodes:
            if isinstance(node, str):
                parts.append(_escape_inline(re.sub(r"\s+", " ", node)))
                continue
            tag = node.tag
            if tag in _DROPPED:
                continue
            if tag == "br":
                parts.append("  \n")
            elif tag in {"strong", "b"}:
                parts.append(_wrap(self.inline(node.children), "**"))
            elif tag in {"em", "i"}:
                parts.append(_wrap(self.inline(node.children), "*"))
            elif tag == "a":
                parts.append(self.anchor(node))
            else:  # code, span, u, sub, sup, and blocks met inside inline content: their text
                parts.append(self.inline(node.children))
        return "".join(parts)

    def anchor(self, node: _Element) -> str:
        text = self.inline(node.children)
        url = safe_url(self.resolve_link(node.attrs))
        label = " ".join(text.split())
        if not url or not label:
            return text
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        return f"{lead}[{label}]({url}){trail}"


def _wrap(text: str, marker: str) -> str:
    """`**text**` with the surrounding spaces outside the markers (else it is no emphasis)."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _collapse(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("  \n")).strip()


def _escape_paragraph(text: str) -> str:
    """Inline Markdown (already escaped inside) made safe at the start of each line."""
    lines = (_escape_line_starts(" ".join(line.split())) for line in text.split("\n"))
    return "  \n".join(line for line in lines if line)


def _text_of(element: _Element) -> str:
    return "".join(n if isinstance(n, str) else _text_of(n) for n in element.children)


# --- the check -------------------------------------------------------------------------------
def forbidden_elements(markdown_text: str) -> set[str]:
    """The elements the SDG API does not accept that `markdown_text` renders to (empty: fine)."""
    import markdown as python_markdown

    class _Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags: set[str] = set()

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)

    parser = _Tags()
    parser.feed(python_markdown.markdown(markdown_text, extensions=["tables"]))
    return parser.tags & FORBIDDEN
