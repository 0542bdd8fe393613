"""The SDG line of the editor's delivery panel: is this product at the SDG, and if not, why."""

from __future__ import annotations

from content.models import ProductPage
from syndication.models import SyncState
from syndication.status import Delivery

from .mapping import TARGET, changed_at, dutch_page_id, product_for
from .sender import configuration_problems

NAME = "SDG (Single Digital Gateway)"


def answer(page) -> Delivery | None:
    """Delivered or exactly why not, for a product page (Dutch or its English translation)."""
    if not isinstance(page, ProductPage):
        return None
    page_id = dutch_page_id(page)
    if page_id is None:
        return Delivery(NAME, False, ["de Nederlandse pagina van deze vertaling ontbreekt"])
    product = product_for(page_id)
    reasons = [*configuration_problems(), *product.problems]
    if page_id != page.pk:
        if product.problems:
            reasons = [f"de Nederlandse pagina wordt niet geleverd: {'; '.join(product.problems)}"]
        if product.english is None or product.english.pk != page.pk:
            reasons.append("deze Engelse vertaling is niet gepubliceerd of niet openbaar")
    included = not reasons
    if included and product.english is None:
        reasons.append("geen Engelse vertaling: wordt alleen in het Nederlands geleverd")
    states = list(SyncState.objects.filter(target=TARGET, page_id=page_id))
    changed = changed_at(product)
    failed = [s for s in states if s.status == SyncState.FAILED]
    current = [s for s in states if s.variant in product.variants]
    if failed:
        status = SyncState.FAILED
    elif included and len(current) == len(product.variants) and all(_covers(s, changed) for s in current):
        status = SyncState.SENT
    elif not included and states and all(s.status == SyncState.REMOVED for s in states):
        status = SyncState.REMOVED
    else:
        status = SyncState.CONCEPT  # not (yet) delivered, or a change waits to be sent
    return Delivery(
        NAME,
        included,
        reasons,
        status=status,
        last_sent_at=max((s.last_sent_at for s in states if s.last_sent_at), default=None),
        last_changed_at=changed,
        last_error=failed[0].last_error if failed else "",
    )


def _covers(state: SyncState, changed) -> bool:
    """Was the latest change delivered (or found equal to what was)?"""
    return state.status == SyncState.SENT and (changed is None or (state.last_changed_at or changed) >= changed)
