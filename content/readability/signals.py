"""Keep the cached glossary in step with the editors' snippets."""

from django.db.models.signals import post_delete, post_save

from .glossary import invalidate_glossary_cache
from .models import AllowedWord, GlossaryTerm


def connect() -> None:
    for model in (GlossaryTerm, AllowedWord):
        post_save.connect(invalidate_glossary_cache, sender=model, dispatch_uid=f"b1-glossary-save-{model.__name__}")
        post_delete.connect(
            invalidate_glossary_cache, sender=model, dispatch_uid=f"b1-glossary-delete-{model.__name__}"
        )
