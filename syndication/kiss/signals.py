"""Signal handlers that write KISS outbox tasks in the transaction of each change.

Only a task is written here: the push itself is external and never runs in the editor's request
(the outbox worker or `kiss_sync` sends it). Nothing is queued while KISS is not configured;
`kiss_sync`, run once after the settings are made, sends what was published before.
"""

from __future__ import annotations

from content.models import AnswerPage, OutboxTask, ProductPage
from content.outbox import enqueue

from .config import TARGET, KissConfig
from .plan import kiss_page_id

MODELS = (AnswerPage, ProductPage)


def _enqueue(page, *, action: str, reason: str) -> None:
    if not KissConfig.from_settings().complete:
        return
    page_id = kiss_page_id(page)
    if page_id is not None:
        enqueue(TARGET, [page_id], action=action, reason=reason)


def page_published(sender, instance, **kwargs):
    _enqueue(instance, action=OutboxTask.UPDATE, reason="published")


def page_unpublished(sender, instance, **kwargs):
    _enqueue(instance, action=OutboxTask.DELETE, reason="unpublished")


def page_deleted(sender, instance, **kwargs):
    # Sent for the base Page row of every deleted page; only answers and products matter.
    model = instance.specific_class
    if model is not None and issubclass(model, MODELS):
        # The specific row is gone already: an unsaved page of its class stands in for it.
        page = model(pk=instance.pk, translation_key=instance.translation_key, locale_id=instance.locale_id)
        _enqueue(page, action=OutboxTask.DELETE, reason="deleted")


def connect() -> None:
    from django.db.models.signals import post_delete
    from wagtail.models import Page
    from wagtail.signals import page_published as published
    from wagtail.signals import page_unpublished as unpublished

    for model in MODELS:
        name = model.__name__
        published.connect(page_published, sender=model, dispatch_uid=f"kiss-pub-{name}")
        unpublished.connect(page_unpublished, sender=model, dispatch_uid=f"kiss-unpub-{name}")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="kiss-del-page")
