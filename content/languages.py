"""The languages of the content: which are configured, which is the default, and the Wagtail
locale of each. One home for "is this a language we publish in?" (docs/languages.md)."""

from __future__ import annotations

from functools import cache

from django.conf import settings


def configured_languages() -> list[str]:
    """ISO 639-1 codes, the default language first."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def default_language() -> str:
    return configured_languages()[0]


def is_configured(code) -> bool:
    return isinstance(code, str) and code in configured_languages()


def language_name(code: str) -> str:
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(code, code)


def locale_for(code: str):
    """The Wagtail Locale of a configured language (created when missing)."""
    from wagtail.models import Locale

    if not is_configured(code):
        raise ValueError(f"language {code!r} is not configured")
    locale, _ = Locale.objects.get_or_create(language_code=code)
    return locale


def language_of(obj) -> str:
    """The language of a page or translatable snippet (its locale's code), without a query
    per object: a locale's id never changes its language."""
    locale_id = getattr(obj, "locale_id", None)
    return _code_of_locale(locale_id) if locale_id is not None else default_language()


def locale_id_for(code: str) -> int:
    """The id of a configured language's locale (cached per process)."""
    return _locale_id(code)


@cache
def _code_of_locale(locale_id: int) -> str:
    from wagtail.models import Locale

    return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first() or default_language()


@cache
def _locale_id(code: str) -> int:
    return locale_for(code).pk


def forget_locale_cache() -> None:
    """Tests flush the database, which gives locales new ids."""
    _code_of_locale.cache_clear()
    _locale_id.cache_clear()


def ensure_locales(apps=None) -> None:
    """A Locale for every configured language; content in a language that is not (or no
    longer) configured moves to the default language, so nothing becomes unreachable."""
    from django.apps import apps as live_apps

    registry = apps or live_apps
    Locale = registry.get_model("wagtailcore", "Locale")
    Page = registry.get_model("wagtailcore", "Page")
    codes = configured_languages()
    default, _ = Locale.objects.get_or_create(language_code=codes[0])
    for code in codes[1:]:
        Locale.objects.get_or_create(language_code=code)
    Page.objects.exclude(locale__language_code__in=codes).update(locale=default)
