"""Queue an SDG sync, in the transaction of the change, when a product page or its English
translation is published, unpublished or deleted. The task names the Dutch page: the SDG gets
both languages of a product in one version."""

from __future__ import annotations

from content.models import OutboxTask, ProductPage
from content.outbox import enqueue
from syndication.models import SyncState

from .mapping import TARGET, dutch_page_id


def product_published(sender, instance, **kwargs):
    _queue(instance, "published")


def product_unpublished(sender, instance, **kwargs):
    _queue(instance, "unpublished")


def product_deleted(sender, instance, **kwargs):
    _queue(instance, "deleted")


def _queue(page, reason: str) -> None:
    page_id = dutch_page_id(page)
    if page_id is None:
        return
    own = page_id == page.pk
    # A product without UPL is no SDG product, unless it was one: then it must be withdrawn.
    has_upl = bool(page.upl_uri) if own else ProductPage.objects.filter(pk=page_id).exclude(upl_uri="").exists()
    if not has_upl and not SyncState.objects.filter(target=TARGET, page_id=page_id).exists():
        return
    # A translation going away changes the Dutch product's version; the product stays.
    action = OutboxTask.DELETE if own and reason != "published" else OutboxTask.UPDATE
    enqueue(TARGET, [page_id], action=action, reason=reason if own else f"English translation {reason}")


def connect() -> None:
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(product_published, sender=ProductPage, dispatch_uid="sdg-published")
    page_unpublished.connect(product_unpublished, sender=ProductPage, dispatch_uid="sdg-unpublished")
    post_delete.connect(product_deleted, sender=ProductPage, dispatch_uid="sdg-deleted")
