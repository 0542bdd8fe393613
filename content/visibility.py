"""The one visibility rule.

Whether a page or a block may be shown is decided here, and only here: for a channel, an
audience (public or internal) and an optional preview token. The API, the search indexer, the
search results and their highlights all call these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wagtail.models import Page

from .channels import CHANNELS, INTERNAL, WEB


@dataclass(frozen=True)
class Viewer:
    """Who is looking, and through which channel.

    `staff` is True for an authenticated KCC/balie employee (staff session or API token).
    `preview_page_id` is set only when a valid preview token for that one page was given.
    """

    channel: str = WEB
    staff: bool = False
    preview_page_id: int | None = None

    def __post_init__(self):
        if self.channel not in CHANNELS:
            raise ValueError(f"Unknown channel: {self.channel!r}")

    @property
    def audiences(self) -> tuple[str, ...]:
        return ("public", "internal") if self.staff else ("public",)


PUBLIC_WEB = Viewer()


def _audience(page) -> str:
    return getattr(page, "audience", "public")


def page_is_visible(page: Page, viewer: Viewer) -> bool:
    """May `viewer` see `page` (a specific page instance)?"""
    if _audience(page) == INTERNAL and not viewer.staff:
        return False
    if viewer.preview_page_id is not None and viewer.preview_page_id == page.pk:
        return True
    return bool(page.live) and not page.expired


def visible_page_ids(page_ids: Iterable[int], viewer: Viewer) -> set[int]:
    """Bulk form of `page_is_visible` for pages known only by id (e.g. chosen in a block).

    One query, through the query form of the rule (`visible_pages_queryset`).
    """
    ids = {int(i) for i in page_ids if i is not None}
    if not ids:
        return set()
    visible = set(visible_pages_queryset(Page.objects.filter(pk__in=ids), viewer).values_list("pk", flat=True))
    preview_id = viewer.preview_page_id
    if preview_id in ids and preview_id not in visible:
        page = Page.objects.filter(pk=preview_id).specific().first()
        if page is not None and page_is_visible(page, viewer):
            visible.add(preview_id)
    return visible


def _internal_block_types() -> frozenset[str]:
    from .blocks import ContentStreamBlock

    return frozenset(n for n, b in ContentStreamBlock().child_blocks.items() if getattr(b, "internal", False))


INTERNAL_BLOCK_TYPES = _internal_block_types()


def block_is_visible(block_type: str, value, viewer: Viewer) -> bool:
    """May `viewer` see one content block (its type name and raw value)?"""
    if block_type in INTERNAL_BLOCK_TYPES and not viewer.staff:
        return False
    channels = value.get("channels") if isinstance(value, dict) else None
    if channels is None:
        return True
    return viewer.channel in channels


def internal_fields_visible(viewer: Viewer) -> bool:
    """Internal fields of a visible page (such as an answer's internal note) are for staff only."""
    return viewer.staff


@dataclass
class RenderedBlock:
    """A block as it may be shown to one viewer, with references resolved and filtered.

    `value` is the raw block value; for link lists and fragments it holds only what the viewer
    may see. `links` and `children` carry the filtered references.
    """

    id: str
    type: str
    value: Any
    section: str | None = None
    children: list[RenderedBlock] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    image: Any = None


@dataclass
class References:
    """Pages, fragments and images referenced by a batch of streams, loaded in bulk."""

    viewer: Viewer
    visible_ids: set[int] = field(default_factory=set)
    pages: dict[int, Page] = field(default_factory=dict)
    fragments: dict[int, Any] = field(default_factory=dict)
    images: dict[int, Any] = field(default_factory=dict)


def load_references(streams: Iterable, viewer: Viewer) -> References:
    """Collect every reference in `streams` (raw or StreamValue) and load each kind once.

    A constant number of queries however many streams, blocks, links or fragments there are.
    """
    from wagtail.images import get_image_model

    from .models import Fragment

    found = _Found()
    raws = [_raw(s) for s in streams]
    for raw in raws:
        _collect(raw, found)
    refs = References(viewer=viewer)
    if found.fragments:
        for fragment in Fragment.objects.filter(pk__in=found.fragments, live=True):
            refs.fragments[fragment.pk] = fragment
            _collect(_raw(fragment.body), found)
    if found.pages:
        refs.visible_ids = visible_page_ids(found.pages, viewer)
        refs.pages = {p.pk: p for p in Page.objects.filter(pk__in=refs.visible_ids).specific()}
    if found.images:
        refs.images = get_image_model().objects.in_bulk(found.images)
    return refs


def render_for_channel(stream, viewer: Viewer, *, references: References | None = None) -> list[RenderedBlock]:
    """The blocks of `stream` that `viewer` may see, in order.

    Pages chosen inside blocks (link lists) and fragments are filtered by the same rule: a
    draft, unpublished or internal page chosen in a block never reaches a public caller.
    Pass `references` (from `load_references`) when rendering many streams at once.
    """
    if references is None:
        references = load_references([stream], viewer)
    return list(_render(_raw(stream), viewer, references, section=None))


class _Found:
    def __init__(self):
        self.pages: set[int] = set()
        self.fragments: set[int] = set()
        self.images: set[int] = set()


def _raw(stream) -> list:
    if stream is None:
        return []
    raw = getattr(stream, "raw_data", stream)
    return list(raw)


def _collect(raw, found: _Found):
    for child in raw:
        block_type, value = child.get("type"), child.get("value") or {}
        if block_type == "section":
            _collect(value.get("content") or [], found)
        elif block_type == "link_list":
            found.pages |= {link["page"] for link in value.get("links") or [] if _item(link).get("page")}
        elif block_type == "fragment" and value.get("fragment"):
            found.fragments.add(value["fragment"])
        elif block_type == "image" and value.get("image"):
            found.images.add(value["image"])


def _item(link):
    # ListBlock items are stored as {"type": "item", "value": {...}, "id": ...}.
    return link.get("value", link) if isinstance(link, dict) and "type" in link and "value" in link else link


def _render(raw, viewer, refs, section):
    for child in raw:
        block_type, value = child.get("type"), child.get("value") or {}
        if block_type == "section":
            yield from _render(value.get("content") or [], viewer, refs, section=value.get("section"))
            continue
        if not block_is_visible(block_type, value, viewer):
            continue
        rendered = RenderedBlock(id=child.get("id") or "", type=block_type, value=value, section=section)
        # Blocks that refer to other content get a value without the unfiltered references.
        if block_type == "link_list":
            rendered.links = list(_links(value, refs))
            if not rendered.links:
                continue
            rendered.value = {"channels": value.get("channels"), "links": rendered.links}
        elif block_type == "fragment":
            fragment = refs.fragments.get(value.get("fragment"))
            if fragment is None:
                continue
            rendered.children = list(_render(_raw(fragment.body), viewer, refs, section))
            if not rendered.children:
                continue
            rendered.value = {"channels": value.get("channels"), "ref": fragment.ref, "title": fragment.title}
        elif block_type == "image":
            rendered.image = refs.images.get(value.get("image"))
            if rendered.image is None:
                continue
        yield rendered


def _links(value, refs):
    for link in value.get("links") or []:
        link = _item(link)
        page_id = link.get("page")
        if page_id:
            if page_id in refs.visible_ids and page_id in refs.pages:
                yield {"title": link.get("title", ""), "page": refs.pages[page_id], "url": None}
        elif link.get("url"):
            yield {"title": link.get("title", ""), "page": None, "url": link["url"]}


def chosen_page_ids(stream) -> set[int]:
    """Ids of every page chosen inside a stream (not inside its fragments)."""
    found = _Found()
    _collect(_raw(stream), found)
    return found.pages


def visible_pages_queryset(queryset, viewer: Viewer):
    """The query form of `page_is_visible`, for lists of content pages (Page querysets).

    Live, not expired, and for non-staff only pages whose audience is public. Kept next to
    `page_is_visible` so the two forms of the rule cannot drift apart (a test compares them).
    """
    from django.db.models import Q

    from .models.pages import HUB_PAGE_MODELS

    queryset = queryset.filter(live=True, expired=False)
    if not viewer.staff:
        # Pages without an audience field (sections, home pages) are public.
        internal = Q()
        for model in HUB_PAGE_MODELS:
            internal |= Q(**{f"{model._meta.model_name}__audience": INTERNAL})
        queryset = queryset.exclude(internal)
    return queryset
