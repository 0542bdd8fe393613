"""The one visibility rule.

Whether a page or a block may be shown is decided here, and only here: for a channel, an
audience (public or internal) and an optional preview token. The API, the search indexer, the
search results and their highlights all call these functions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
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

    A constant number of queries: one for the base pages, one per page type for audiences.
    """
    ids = {int(i) for i in page_ids if i is not None}
    if not ids:
        return set()
    rows = Page.objects.filter(pk__in=ids).values_list("pk", "live", "expired", "content_type_id")
    by_type: dict[int, list[int]] = defaultdict(list)
    candidates = set()
    for pk, live, expired, ct_id in rows:
        preview = viewer.preview_page_id == pk
        if (live and not expired) or preview:
            candidates.add(pk)
            by_type[ct_id].append(pk)
    if not viewer.staff:
        for ct_id, pks in by_type.items():
            model = ContentType.objects.get_for_id(ct_id).model_class()
            if model is not None and any(f.name == "audience" for f in model._meta.fields):
                candidates -= set(model.objects.filter(pk__in=pks, audience=INTERNAL).values_list("pk", flat=True))
    return candidates


def block_is_visible(block, value, viewer: Viewer) -> bool:
    """May `viewer` see one content block (its block definition and value)?"""
    if getattr(block, "internal", False) and not viewer.staff:
        return False
    channels = value.get("channels") if hasattr(value, "get") else None
    if channels is None:
        return True
    return viewer.channel in channels


@dataclass
class RenderedBlock:
    """A block as it may be shown to one viewer, with nested references already filtered."""

    id: str
    type: str
    value: Any
    section: str | None = None
    children: list[RenderedBlock] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)


def render_for_channel(stream, viewer: Viewer, *, visible_ids: set[int] | None = None) -> list[RenderedBlock]:
    """The blocks of `stream` that `viewer` may see, in order.

    Pages chosen inside blocks (link lists) and fragments are filtered by the same rule: a
    draft, unpublished or internal page chosen in a block never reaches a public caller.
    Pass `visible_ids` (from `visible_page_ids`) when rendering many streams at once.
    """
    if visible_ids is None:
        visible_ids = visible_page_ids(chosen_page_ids(stream), viewer)
    return list(_render(stream, viewer, visible_ids, section=None))


def _render(stream, viewer, visible_ids, section):
    for child in stream or []:
        if child.block_type == "section":
            yield from _render(child.value["content"], viewer, visible_ids, section=child.value["section"])
            continue
        if not block_is_visible(child.block, child.value, viewer):
            continue
        rendered = RenderedBlock(id=child.id, type=child.block_type, value=child.value, section=section)
        # Blocks that refer to other content get a value without the unfiltered references.
        if child.block_type == "link_list":
            rendered.links = list(_links(child.value, visible_ids))
            if not rendered.links:
                continue
            rendered.value = {"channels": child.value["channels"], "links": rendered.links}
        elif child.block_type == "fragment":
            fragment = child.value["fragment"]
            if fragment is None or not fragment.live:
                continue
            rendered.children = list(_render(fragment.body, viewer, visible_ids, section))
            if not rendered.children:
                continue
            rendered.value = {"channels": child.value["channels"], "ref": fragment.ref, "title": fragment.title}
        yield rendered


def _links(value, visible_ids):
    for link in value["links"]:
        page = link.get("page")
        if page is not None:
            if page.pk in visible_ids:
                yield {"title": link["title"], "page": page, "url": None}
        elif link.get("url"):
            yield {"title": link["title"], "page": None, "url": link["url"]}


def chosen_page_ids(stream) -> set[int]:
    """Ids of every page chosen inside a stream, including inside its fragments."""
    ids: set[int] = set()
    for child in stream or []:
        if child.block_type == "section":
            ids |= chosen_page_ids(child.value["content"])
        elif child.block_type == "link_list":
            ids |= {link["page"].pk for link in child.value["links"] if link.get("page") is not None}
        elif child.block_type == "fragment" and child.value["fragment"] is not None:
            ids |= chosen_page_ids(child.value["fragment"].body)
    return ids
