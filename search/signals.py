"""Signal handlers that write outbox tasks in the transaction of each change."""

from __future__ import annotations

from wagtail.models import Page, ReferenceIndex

from content.models import OutboxTask

from .keywords import keywords_changed
from .outbox import enqueue


def page_published(sender, instance, **kwargs):
    enqueue([instance.pk], reason="published")


def page_unpublished(sender, instance, **kwargs):
    enqueue([instance.pk], action=OutboxTask.DELETE, reason="unpublished")


def page_deleted(sender, instance, **kwargs):
    enqueue([instance.pk], action=OutboxTask.DELETE, reason="deleted")


def page_moved(sender, instance, **kwargs):
    # Every page below a moved page has a new URL (and maybe a new site).
    ids = Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True)
    enqueue(ids, reason="moved")


def keyword_saved(sender, instance, **kwargs):
    keywords_changed()
    enqueue(_pages_with_keyword(instance), reason="keyword changed")


def keyword_deleting(sender, instance, **kwargs):
    # Collected before the delete: afterwards the pages no longer point at the keyword.
    keywords_changed()
    enqueue(_pages_with_keyword(instance), reason="keyword deleted")


def best_bet_changed(sender, instance, **kwargs):
    keywords_changed()


def fragment_saved(sender, instance, **kwargs):
    enqueue(_pages_embedding(instance), reason="fragment changed")


def _pages_with_keyword(keyword) -> list[int]:
    from content.models.pages import HUB_PAGE_MODELS

    ids: list[int] = []
    for model in HUB_PAGE_MODELS:
        through = model.keywords.through
        ids += through.objects.filter(keyword_id=keyword.pk).values_list(f"{model._meta.model_name}_id", flat=True)
    return ids


def _pages_embedding(fragment) -> list[int]:
    page_type = ReferenceIndex._get_base_content_type(Page)
    return [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(fragment)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    ]
