"""Translations in an import file: `language` and `translation_of` on items, keywords and
fragments (docs/import.md). An item in another language than the default translates an item
of the default language; it is placed under the translation of its original's parent."""

from django.utils.text import slugify
from wagtail.models import Page

from ..languages import default_language, is_configured, locale_for


class TranslationRules:
    """Checks and placement for the translated items of one import."""

    def __init__(self, problem):
        self.problem = problem

    def language(self, entry, where) -> str | None:
        """The entry's language, or None (with a problem) when it is not configured."""
        code = entry.get("language", default_language()) if isinstance(entry, dict) else default_language()
        if not is_configured(code):
            self.problem(
                "IMPORT_LANGUAGE_NOT_CONFIGURED",
                where,
                "language",
                f"language {code!r} is not configured; use one of the languages in HUB_LANGUAGES",
            )
            return None
        return code

    def check_item(self, item, where, model, originals_in_file, find_page) -> bool:
        """A translated item needs an original of the default language and the same type."""
        language = item.get("language", default_language())
        original_ref = item.get("translation_of")
        if language == default_language():
            if original_ref is not None:
                self.problem(
                    "IMPORT_BAD_VALUE", where, "translation_of", "only an item in another language translates one"
                )
                return False
            return True
        if not isinstance(original_ref, str) or not original_ref:
            self.problem(
                "IMPORT_TRANSLATION_WITHOUT_ORIGINAL",
                where,
                "translation_of",
                f"an item in {language!r} needs translation_of: the ref of the {default_language()!r} item",
            )
            return False
        original = originals_in_file.get(original_ref)
        original_model = original[1] if original else type(find_page(original_ref) or object())
        if original is None and find_page(original_ref) is None:
            self.problem(
                "IMPORT_TRANSLATION_WITHOUT_ORIGINAL", where, "translation_of", f"no item with ref {original_ref!r}"
            )
            return False
        if original_model is not model:
            self.problem(
                "IMPORT_BAD_VALUE", where, "translation_of", f"{original_ref!r} is not of type {item.get('type')!r}"
            )
            return False
        return True

    @staticmethod
    def place(item, model, original):
        """A new, unpublished translation of `original` under the translated parent (made as an
        alias of the original's parent, up to the site's home, when missing)."""
        locale = locale_for(item["language"])
        parent = original.get_parent().specific
        translated_parent = parent.get_translation_or_none(locale)
        if translated_parent is None:
            translated_parent = parent.copy_for_translation(locale, copy_parents=True, alias=True)
        base = slugify(item.get("slug") or item["title"])[:200] or slugify(item["ref"])
        slug, n = base, 2
        siblings = set(Page.objects.child_of(translated_parent).values_list("slug", flat=True))
        while slug in siblings:
            slug, n = f"{base}-{n}", n + 1
        page = model(
            ref=item["ref"],
            title=item["title"].strip(),
            slug=slug,
            live=False,
            locale=locale,
            translation_key=original.translation_key,
        )
        if hasattr(model, "date") and getattr(original, "date", None):
            page.date = original.date
        translated_parent.add_child(instance=page)
        return page
