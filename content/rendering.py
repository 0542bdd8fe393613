"""A stream as one viewer may see it: blocks filtered by the visibility rule, with the pages,
fragments, images and documents they refer to loaded in bulk and filtered by the same rule."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from wagtail.models import Page

from .blocks import content_block, content_blocks_of, list_items, raw_stream
from .visibility import Viewer, block_is_visible, page_is_visible, visible_pages


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
    document: Any = None

    def plain_texts(self) -> list[str]:
        """The plain texts of this block as shown (a fragment: the texts of its blocks)."""
        block = content_block(self.type)
        own = block.plain_texts(self.value) if block is not None else []
        texts = [*own, *(t for child in self.children for t in child.plain_texts())]
        return [t for t in texts if t]


@dataclass
class References:
    """Pages, fragments, images and documents referenced by a batch of streams, loaded in bulk."""

    viewer: Viewer
    visible_ids: set[int] = field(default_factory=set)
    pages: dict[int, Page] = field(default_factory=dict)
    fragments: dict[int, Any] = field(default_factory=dict)
    images: dict[int, Any] = field(default_factory=dict)
    documents: dict[int, Any] = field(default_factory=dict)

    def narrowed_to(self, viewer: Viewer) -> References:
        """These references as `viewer` may see them, without loading them again: for
        references loaded for staff (who may see every live page), the pages filtered with
        `page_is_visible`; fragments, images and documents do not depend on the viewer."""
        if not self.viewer.staff or self.viewer.preview_page_id or viewer.preview_page_id:
            raise ValueError("Only references loaded for staff, without a preview, can be narrowed.")
        pages = {pk: page for pk, page in self.pages.items() if page_is_visible(page, viewer)}
        return replace(self, viewer=viewer, pages=pages, visible_ids=set(pages))


def references_of(raw) -> dict[str, set[int]]:
    """Every (kind -> ids) a stored stream refers to, as each block type declares."""
    found: dict[str, set[int]] = {"page": set(), "fragment": set(), "image": set(), "document": set()}
    for child, _section, _path in content_blocks_of(raw):
        block = content_block(child.get("type"))
        if block is not None:
            for kind, ref_id in block.references(child.get("value") or {}):
                found[kind].add(ref_id)
    return found


def load_references(streams: Iterable, viewer: Viewer, *, language: str | None = None) -> References:
    """Collect every reference in `streams` (raw or StreamValue) and load each kind once.

    A constant number of queries however many streams, blocks, links or fragments there are.
    For streams of a translated page pass its `language`: an embedded fragment is then shown in
    its translation in that language when there is a live one (the original otherwise).
    """
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from .models import Fragment

    found = references_of([child for stream in streams for child in raw_stream(stream)])
    refs = References(viewer=viewer)
    if found["fragment"]:
        fragments = list(Fragment.objects.filter(pk__in=found["fragment"], live=True))
        translated = _translations_of(fragments, language)
        for fragment in fragments:
            shown = translated.get(fragment.translation_key, fragment)
            refs.fragments[fragment.pk] = shown
            for kind, ids in references_of(raw_stream(shown.body)).items():
                found[kind] |= ids
    if found["page"]:
        refs.pages = visible_pages(found["page"], viewer)
        refs.visible_ids = set(refs.pages)
    if found["image"]:
        refs.images = get_image_model().objects.in_bulk(found["image"])
    if found["document"]:
        refs.documents = get_document_model().objects.in_bulk(found["document"])
    return refs


def _translations_of(fragments, language) -> dict:
    """Live translations of `fragments` in `language`, by translation key (one query)."""
    from .languages import default_language, locale_id_for
    from .models import Fragment

    if not fragments or not language or language == default_language():
        return {}
    rows = Fragment.objects.filter(
        translation_key__in=[f.translation_key for f in fragments], locale_id=locale_id_for(language), live=True
    )
    return {f.translation_key: f for f in rows}


def render_for_channel(stream, viewer: Viewer, *, references: References | None = None) -> list[RenderedBlock]:
    """The blocks of `stream` that `viewer` may see, in order.

    Pages chosen inside blocks (link lists) and fragments are filtered by the same rule: a
    draft, unpublished or internal page chosen in a block never reaches a public caller.
    Pass `references` (from `load_references`) when rendering many streams at once.
    """
    if references is None:
        references = load_references([stream], viewer)
    return list(_render(raw_stream(stream), viewer, references, section=None))


def _render(raw, viewer, refs, section):
    for child, child_section, _path in content_blocks_of(raw):
        block_type, value = child.get("type"), child.get("value") or {}
        if not block_is_visible(block_type, value, viewer):
            continue
        rendered = RenderedBlock(
            id=child.get("id") or "", type=block_type, value=value, section=child_section or section
        )
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
            rendered.children = list(_render(raw_stream(fragment.body), viewer, refs, rendered.section))
            if not rendered.children:
                continue
            rendered.value = {"channels": value.get("channels"), "ref": fragment.ref, "title": fragment.title}
        elif block_type == "text":
            # A link to a page this viewer may not see (draft, internal) keeps only its text.
            linked = {page_id for kind, page_id in content_block("text").references(value) if kind == "page"}
            hidden = {page_id for page_id in linked if page_id not in refs.visible_ids}
            if hidden:
                rendered.value = content_block("text").without_links_to(value, hidden)
        elif block_type == "image":
            rendered.image = refs.images.get(value.get("image"))
            if rendered.image is None:
                continue
        elif block_type == "document":
            # A document deleted from the media library leaves no empty link behind.
            rendered.document = refs.documents.get(value.get("document"))
            if rendered.document is None:
                continue
        yield rendered


def _links(value, refs):
    for link in list_items(value.get("links")):
        page_id = link.get("page")
        if page_id:
            if page_id in refs.visible_ids and page_id in refs.pages:
                yield {"title": link.get("title", ""), "page": refs.pages[page_id], "url": None}
        elif link.get("url"):
            yield {"title": link.get("title", ""), "page": None, "url": link["url"]}
