"""Translations of pages: the original, its translations, and which parts of the original
changed since a translation was last brought up to date (docs/languages.md).

A translation is a page of its own in another locale (Wagtail i18n), made with "Vertalen" in
the admin (Wagtail's simple_translation: a copy with the same blocks, block ids included) or by
the import (`translation_of`). Block ids stay the same in the copy, so a changed block of the
original can be named in the translation.
"""

from __future__ import annotations

from wagtail.models import Page, Revision

from .languages import default_language, language_of
from .models import TranslationState


def original_of(page):
    """The page in the default language that `page` translates (specific), or None when
    `page` is itself in the default language or has no original."""
    if language_of(page) == default_language():
        return None
    return (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=default_language())
        .specific()
        .first()
    )


def translations_of(page) -> list:
    """The other-language versions of `page` (specific), in no particular order."""
    return list(Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).specific())


def mark_synced(translation, original=None) -> TranslationState | None:
    """Record that `translation` is up to date with the latest version of its original."""
    original = original or original_of(translation)
    if original is None:
        return None
    revision = original.latest_revision or original.save_revision()
    state, _ = TranslationState.objects.update_or_create(page_id=translation.pk, defaults={"source_revision": revision})
    return state


def _texts(page) -> dict[str, str]:
    return dict(page.readable_texts()) if hasattr(page, "readable_texts") else {"title": page.title}


def outdated_parts(translation) -> list[str]:
    """Keys of the original's texts (title, summary, body.<block>) that changed, appeared or
    disappeared since the translation was last brought up to date. Empty when up to date; every
    key of the original when nobody ever recorded a version."""
    original = original_of(translation)
    if original is None:
        return []
    current = _texts(original.get_latest_revision_as_object())
    state = TranslationState.objects.filter(page_id=translation.pk).select_related("source_revision").first()
    revision: Revision | None = state.source_revision if state else None
    if revision is None:
        return list(current)
    before = _texts(revision.as_object())
    return [key for key in dict.fromkeys([*current, *before]) if current.get(key) != before.get(key)]


def record_new_translation(sender, source_obj, target_obj, **kwargs):
    """Signal handler (copy_for_translation_done): a fresh copy is up to date with its source."""
    if isinstance(target_obj, Page):
        mark_synced(target_obj.specific, source_obj.specific)
