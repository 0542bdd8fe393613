"""Content blocks as the HTML that KISS shows.

KISS renders a VAC's `antwoord` and `toelichting` and each text of a kennisartikel as HTML (it
sanitises it and shifts the headings under its own). The blocks come from
`content.rendering.render_for_channel`, so the visibility rule has already decided which blocks
and which linked pages this viewer may see; `split_for_staff` then keeps what only staff may read
out of the texts meant for residents.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from content.blocks import content_block, list_items
from content.rendering import RenderedBlock
from content.visibility import Viewer, page_is_visible


def paragraphs(text: str) -> str:
    """Plain text typed by an editor as escaped paragraphs."""
    return linebreaks(text.strip(), autoescape=True) if text and text.strip() else ""


def opened(blocks: list[RenderedBlock]) -> list[RenderedBlock]:
    """The blocks with every fragment replaced by the blocks it holds (in the fragment's section)."""
    flat = []
    for block in blocks:
        if block.type == "fragment":
            flat += opened([replace(child, section=child.section or block.section) for child in block.children])
        else:
            flat.append(block)
    return flat


def split_for_staff(blocks: list[RenderedBlock], public: Viewer) -> tuple[list[RenderedBlock], list[RenderedBlock]]:
    """(blocks for the resident's text, blocks for staff only), fragments opened up.

    Internal blocks (KCC scripts) go to staff; so do links to pages that `public` may not see
    (an internal answer), as the visibility rule decides.
    """
    for_residents, for_staff = [], []
    for block in opened(blocks):
        kind = content_block(block.type)
        if kind is not None and kind.internal:
            for_staff.append(block)
        elif block.type == "link_list":
            shown = [link for link in block.links if link["page"] is None or page_is_visible(link["page"], public)]
            hidden = [link for link in block.links if link not in shown]
            if shown:
                for_residents.append(replace(block, links=shown))
            if hidden:
                # Without their address: an internal page has none that works outside the hub.
                for_staff.append(replace(block, links=[{**link, "url": None, "internal": True} for link in hidden]))
        else:
            for_residents.append(block)
    return for_residents, for_staff


def blocks_html(blocks: list[RenderedBlock], directory) -> str:
    """The blocks as one HTML string; `directory` (a `SiteDirectory`) gives linked pages' URLs."""
    return "".join(block_html(block, directory) for block in blocks)


def block_html(block: RenderedBlock, directory) -> str:
    value = block.value if isinstance(block.value, dict) else {}
    if block.type == "text":
        return expand_db_html(value.get("text") or "")
    if block.type == "kcc_script":
        return paragraphs(value.get("script") or "")
    if block.type == "notice":
        text = paragraphs(value.get("text") or "")
        if value.get("level") == "warning":
            text = text.replace("<p>", "<p><strong>").replace("</p>", "</strong></p>")
        return text
    if block.type == "steps":
        steps = [str(step) for step in list_items(value.get("steps")) if str(step).strip()]
        return format_html("<ol>{}</ol>", format_html_join("", "<li>{}</li>", ((s,) for s in steps))) if steps else ""
    if block.type == "cost_table":
        rows = [(row.get("description", ""), euro(row.get("amount"))) for row in list_items(value.get("rows"))]
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows)) if rows else ""
    if block.type == "faq":
        items = list_items(value.get("items"))
        return "".join(
            format_html("<h3>{}</h3>{}", item.get("question", ""), mark_safe(paragraphs(item.get("answer", ""))))  # noqa: S308 - escaped by paragraphs()
            for item in items
        )
    if block.type == "link_list":
        links = [_link_html(link, directory) for link in block.links]
        return format_html("<ul>{}</ul>", mark_safe("".join(links))) if links else ""  # noqa: S308 - built with format_html
    # Images are left out: KISS shows text.
    return ""


def _link_html(link: dict, directory) -> str:
    page = link.get("page")
    title = link.get("title") or (page.title if page is not None else link.get("url") or "")
    if link.get("internal"):
        # Staff find an internal page in KISS by its title.
        return format_html("<li>{}</li>", title if title == page.title else f"{title}: {page.title}")
    url = link.get("url") or (directory.url_of(page) if page is not None else None)
    if url and url.startswith(("http://", "https://", "mailto:", "tel:")):
        return format_html('<li><a href="{}">{}</a></li>', url, title)
    return format_html("<li>{}</li>", title)


def euro(amount) -> str:
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        return str(amount or "")
    return "€ " + f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
