"""The one visibility rule.

Whether a page or a block may be shown is decided here, and only here: for a channel, an
audience (public or internal) and an optional preview token. The API, the search indexer, the
search results and their highlights all call these functions. Rendering a stream for a viewer
(with its references loaded and filtered by this rule) is in `content.rendering`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wagtail.models import Page

from .blocks import content_block
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


def visible_pages(page_ids: Iterable[int], viewer: Viewer) -> dict:
    """The pages among `page_ids` that `viewer` may see, specific, by id: for pages chosen in
    blocks, which show their title, path and ref, so their stream fields are not loaded.

    Two queries (ids and types, then the pages of each type), through `visible_pages_queryset`;
    a page previewed with a token is added as `visible_page_ids` adds it.
    """
    ids = {int(i) for i in page_ids if i is not None}
    if not ids:
        return {}
    queryset = visible_pages_queryset(Page.objects.filter(pk__in=ids), viewer)
    pages = {page.pk: page for page in queryset.defer_streamfields().specific()}
    if viewer.preview_page_id in ids and viewer.preview_page_id not in pages:
        previewed = visible_page_ids([viewer.preview_page_id], viewer)
        pages.update((p.pk, p) for p in Page.objects.filter(pk__in=previewed).defer_streamfields().specific())
    return pages


def block_is_visible(block_type: str, value, viewer: Viewer) -> bool:
    """May `viewer` see one content block (its type name and raw value)?"""
    block = content_block(block_type)
    if block is not None and block.internal and not viewer.staff:
        return False
    channels = value.get("channels") if isinstance(value, dict) else None
    if channels is None:
        return True
    return viewer.channel in channels


def internal_fields_visible(viewer: Viewer) -> bool:
    """Internal fields of a visible page (such as an answer's internal note) are for staff only."""
    return viewer.staff


def visible_pages_queryset(queryset, viewer: Viewer, models=None):
    """The query form of `page_is_visible`, for lists of content pages (Page querysets).

    Live, not expired, and for non-staff only pages whose audience is public. Kept next to
    `page_is_visible` so the two forms of the rule cannot drift apart (a test compares them).
    `models`: the page types `queryset` is limited to, when it is (default: any type).
    """
    from django.db.models import Q

    from .models.pages import HUB_PAGE_MODELS

    queryset = queryset.filter(live=True, expired=False)
    if not viewer.staff:
        # Pages without an audience field (sections, home pages) are public. The internal pages
        # of each type are a subquery on its (indexed) audience, not a join of every page table:
        # a sorted list can then walk an index and stop after one page of results.
        internal = Q()
        for model in HUB_PAGE_MODELS if models is None else [m for m in HUB_PAGE_MODELS if m in models]:
            internal |= Q(pk__in=model.objects.filter(audience=INTERNAL).values("pk"))
        queryset = queryset.exclude(internal)
    return queryset
