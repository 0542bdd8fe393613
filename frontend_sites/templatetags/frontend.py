"""Template filters for content from the hub."""

from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from django import template
from django.conf import settings
from django.template.loader import select_template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


@register.filter
def nl_date(value) -> str:
    """`2026-11-16` or a datetime → `16 november 2026`."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@register.filter
def iso_date(value) -> str:
    return str(value)[:10] if value else ""


@register.filter
def hub_html(value: str):
    """HTML rendered by the hub from the editor's text (the hub escapes what editors type)."""
    return mark_safe(value or "")  # noqa: S308 - the hub's `html` field is sanitised HTML


@register.simple_tag(takes_context=True)
def page_href(context, page: dict) -> str:
    """Link within this site by path; a page of another site by its full URL."""
    site = context.get("site") or {}
    if page.get("site") in (None, site.get("key")):
        if page.get("path"):
            return page["path"]
        if page.get("url"):
            parts = urlsplit(page["url"])
            return parts.path + (f"?{parts.query}" if parts.query else "")
    return page.get("url") or page.get("path") or "#"


@register.simple_tag(takes_context=True)
def link_href(context, link: dict) -> str:
    site = context.get("site") or {}
    if link.get("pageSite") == site.get("key") and link.get("pagePath"):
        return link["pagePath"]
    return link.get("url") or "#"


@register.filter
def block_template(block: dict):
    """The template for a block type; unknown (newer) block types render nothing."""
    return select_template(
        [f"frontend_sites/blocks/{block.get('type', 'unknown')}.html", "frontend_sites/blocks/unknown.html"]
    )


def _hub_origin() -> str:
    parts = urlsplit(settings.HUB_GRAPHQL_URL)
    return f"{parts.scheme}://{parts.netloc}"


@register.filter
def hub_url(url: str) -> str:
    """Media URLs from the hub may be relative to the hub: make them absolute."""
    return urljoin(_hub_origin() + "/", url) if url and url.startswith("/") else url


@register.filter
def hub_srcset(srcset: str) -> str:
    return ", ".join(hub_url(part.strip()) for part in (srcset or "").split(",") if part.strip())


@register.filter
def file_size(size, language="nl") -> str:
    """Bytes as people read them: `1258291` → `1,2 MB` (a decimal point in English)."""
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    for unit, factor in (("MB", 1024 * 1024), ("kB", 1024)):
        if size >= factor:
            number = f"{size / factor:.1f}".removesuffix(".0")
            return f"{number.replace('.', ',') if language != 'en' else number} {unit}"
    return f"{size} bytes"


@register.filter
def snippet_html(value: str):
    """A search snippet: everything escaped except the <mark> highlights."""
    escaped = escape(value or "")
    return mark_safe(escaped.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))  # noqa: S308


HIT_LABELS = {
    "product": "Product of dienst",
    "answer": "Vraag en antwoord",
    "article": "Nieuws",
    "section": "Overzicht",
    "home": "Home",
}


@register.filter
def content_type_label(value: str) -> str:
    return HIT_LABELS.get(value or "", value or "")


@register.filter
def get_item(mapping: dict, key):
    return (mapping or {}).get(key)


@register.filter
def alternates(page: dict) -> list[dict]:
    """hreflang alternates of a page: itself, its translations, and x-default (the default
    language's version)."""
    from ..languages import default_language

    versions = [{"language": page.get("language"), "path": page.get("path")}, *(page.get("translations") or [])]
    default = next((v for v in versions if v["language"] == default_language()), None)
    return versions + ([{"language": "x-default", "path": default["path"]}] if default else [])
