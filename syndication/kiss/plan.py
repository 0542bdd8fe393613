"""Which objects KISS should have for a page, as the hub sees it now.

An answer page has one VAC; a product page a kennisartikel per doelgroep. A page that staff may
see on the KCC channel (live, not expired; public or internal) is sent as it is; a page that was
sent and is no longer visible (unpublished, expired, deleted), or a doelgroep a product no
longer has, is sent once more, marked for removal. Translations are not objects of their own:
an English product is part of its Dutch kennisartikel, and KISS has no English VACs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from wagtail.models import Page

from content.languages import default_language, language_of
from content.models import AnswerPage, ProductPage
from content.translations import original_of
from content.visibility import page_is_visible

from ..models import SyncState
from .config import KENNISARTIKEL, TARGET, VAC, VAC_VARIANT, object_uuid
from .fields import STAFF_KCC, Mapping, kennisartikel_variants
from .kennisartikel import kennisartikel_data, problems
from .vac import vac_data


@dataclass
class KissItem:
    """One object in KISS as the hub wants it now."""

    kind: str  # VAC or KENNISARTIKEL
    page_id: int
    variant: str
    label: str  # for people: "VAC “Wat doe ik als mijn paspoort kwijt is?”"
    url: str  # the object's address (chosen by the hub, see config.object_uuid)
    data: dict | None  # None: the page is gone; what KISS has is read back and marked for removal
    retired: bool = False
    problems: list[str] = field(default_factory=list)  # why it cannot be sent (Dutch)
    changed_at: datetime | None = None  # when the page last changed, as far as the page knows


def kind_of_variant(variant: str) -> str:
    return VAC if variant == VAC_VARIANT else KENNISARTIKEL


def kiss_page_id(page) -> int | None:
    """The page whose objects change when `page` changes: itself, or for a translated product
    its Dutch original (None for pages KISS does not get)."""
    if not isinstance(page, AnswerPage | ProductPage):
        return None
    if language_of(page) == default_language():
        return page.pk
    original = original_of(page) if isinstance(page, ProductPage) else None
    return original.pk if original is not None else None


def items_for_page(page_id: int, mapping: Mapping, states: dict[str, SyncState]) -> list[KissItem]:
    """Every object of page `page_id` that KISS should have, given what was sent (`states`, by
    variant)."""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None:
        return [_gone(page_id, variant, state, mapping) for variant, state in states.items() if _was_sent(state)]
    if kiss_page_id(page) != page.pk:
        return []
    visible = page_is_visible(page, STAFF_KCC)
    wanted = [VAC_VARIANT] if isinstance(page, AnswerPage) else kennisartikel_variants(page)
    items = []
    for variant in dict.fromkeys([*wanted, *states]):
        retired = not visible or variant not in wanted
        if retired and not _was_sent(states.get(variant)):
            continue  # never in KISS: nothing to remove
        items.append(_item(page, variant, mapping, retired=retired))
    return items


def _item(page, variant: str, mapping: Mapping, *, retired: bool) -> KissItem:
    kind = kind_of_variant(variant)
    url = mapping.config.object_url(object_uuid(page.translation_key, kind, variant))
    label = f"VAC “{page.title}”" if kind == VAC else f"kennisartikel “{page.title}” ({variant})"
    item = KissItem(kind, page.pk, variant, label, url, data=None, retired=retired)
    # An unpublish is a change of its own; a live page changed when it was last published.
    item.changed_at = None if retired else page.last_published_at
    if kind == VAC:
        item.data = vac_data(page, mapping, retired=retired)
    else:
        item.problems = problems(page, mapping)
        if not item.problems:
            item.data = kennisartikel_data(page, variant, mapping, retired=retired)
    return item


def _gone(page_id: int, variant: str, state: SyncState, mapping: Mapping) -> KissItem:
    kind = kind_of_variant(variant)
    label = f"{'VAC' if kind == VAC else 'kennisartikel'} van verwijderde pagina {page_id}"
    return KissItem(kind, page_id, variant, label, state.remote_url, data=None, retired=True)


def _was_sent(state: SyncState | None) -> bool:
    """Might KISS have this object? Also after an attempt whose answer never came."""
    return state is not None and state.status != SyncState.REMOVED and bool(state.remote_url)


def states_of(page_id: int) -> dict[str, SyncState]:
    return {s.variant: s for s in SyncState.objects.filter(target=TARGET, page_id=page_id)}


def page_ids_to_check() -> list[int]:
    """Every page `kiss_sync` looks at: the Dutch answers and products, live or not (KISS may
    have to hear that one went), and every page KISS may still have an object of."""
    ids: set[int] = set()
    for model in (AnswerPage, ProductPage):
        ids |= set(model.objects.filter(locale__language_code=default_language()).values_list("pk", flat=True))
    ids |= set(
        SyncState.objects.filter(target=TARGET).exclude(status=SyncState.REMOVED).values_list("page_id", flat=True)
    )
    return sorted(ids)
