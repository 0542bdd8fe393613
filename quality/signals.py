"""Signal handlers of the quality app: a B1 report for every saved revision, and a glossary
cache that follows the editors' word lists."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.models import Revision

from .b1.glossary import invalidate_glossary_cache
from .models import AllowedWord, GlossaryTerm
from .reports import store_for_revision


def store_b1_report(sender, instance, created, **kwargs):
    """Every saved page revision gets its B1 report, in the same transaction as the revision."""
    if not created or not getattr(settings, "HUB_B1_STORE_ON_SAVE", True):
        return
    store_for_revision(instance)


def connect() -> None:
    post_save.connect(store_b1_report, sender=Revision, dispatch_uid="hub-b1-report")
    for model in (GlossaryTerm, AllowedWord):
        post_save.connect(invalidate_glossary_cache, sender=model, dispatch_uid=f"b1-glossary-save-{model.__name__}")
        post_delete.connect(
            invalidate_glossary_cache, sender=model, dispatch_uid=f"b1-glossary-delete-{model.__name__}"
        )
