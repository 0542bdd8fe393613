"""Deliveries to the national catalogues in the audit trail: one entry per request outcome per
page (SDG product per doelgroep, KISS object), on the page's own history, so an administrator can
filter them in the "Logboek" and an editor sees them under the page's "Geschiedenis". The
Samenwerkende Catalogi feed is harvested, not pushed: each build of an organisation's feed is one
entry on its site settings, with how many products are in it and which were left out.

Only attempts are recorded: content that was delivered already and is not sent again is not.
A page that has been deleted keeps its entries (Wagtail's page log does not need the page).
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

from content.audit.actions import DELIVERY_FAILED, DELIVERY_SENT, DELIVERY_WITHDRAWN, FEED_BUILT

from .models import SyncState

SENT, WITHDRAWN, FAILED = "sent", "withdrawn", "failed"
ACTIONS = {SENT: DELIVERY_SENT, WITHDRAWN: DELIVERY_WITHDRAWN, FAILED: DELIVERY_FAILED}
ERROR_MAX = 500
LEFT_OUT_LISTED = 50  # refs named in the entry; the count is always complete


def record_delivery(state: SyncState, outcome: str, error: str = "") -> None:
    """Log one delivery attempt of `state`'s page to `state.target`: sent, withdrawn or failed."""
    data = {"target": state.target, "variant": state.variant, "outcome": outcome}
    if state.remote_url:
        data["url"] = state.remote_url
    if error:
        data["error"] = str(error)[:ERROR_MAX]
    page = Page.objects.filter(pk=state.page_id).specific().first()
    if page is not None:
        log(instance=page, action=ACTIONS[outcome], data=data)
        return
    # Wagtail's entry validates its page, which is gone; the column keeps the id without a
    # database constraint (as Wagtail keeps a deleted page's history), so it is written as is.
    entry = PageLogEntry(
        page_id=state.page_id,
        content_type=ContentType.objects.get_for_model(Page),
        label=f"pagina {state.page_id} (verwijderd)",
        action=ACTIONS[outcome],
        data=data,
        timestamp=timezone.now(),
        deleted=True,
    )
    PageLogEntry.objects.bulk_create([entry])


def record_feed_build(site_config, products: int, left_out: list[tuple[str, list[str]]]) -> None:
    """Log one build of the SC feed of the organisation whose first site is `site_config`."""
    data = {
        "target": "sc",
        "products": products,
        "left_out": len(left_out),
        "left_out_refs": [ref for ref, _reasons in left_out[:LEFT_OUT_LISTED]],
    }
    log(instance=site_config, action=FEED_BUILT, data=data)
