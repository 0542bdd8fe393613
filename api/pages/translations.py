"""The language versions of pages as one viewer may see them: a page's `translations`, the
versions a NOT_TRANSLATED error names, and the translated items of a menu.

A translation is a page of its own in another locale with the same `translation_key`
(`content.translations`); which versions a caller may see is decided by the one visibility rule.
"""

from collections import defaultdict
from dataclasses import dataclass

import graphene
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from wagtail.models import Page

from content.languages import configured_languages, is_configured, language_of
from content.models.pages import HUB_PAGE_MODELS
from content.visibility import Viewer, visible_pages_queryset

from ..core.dataloaders import RequestLoader
from ..errors import NOT_FOUND, NOT_TRANSLATED, ClientError
from ..sites.directory import site_directory


@dataclass(frozen=True)
class Version:
    """One language version of a page, with its place on the website."""

    page_id: int
    language: str
    title: str
    path: str
    url: str
    ref: str | None


class PageTranslation(graphene.ObjectType):
    """The same page in another language, as the caller may see it."""

    language = graphene.String(required=True, description="ISO 639-1 code of the translation's language.")
    path = graphene.String(
        required=True, description="Path on the website, with the language prefix (e.g. `/en/producten/...`)."
    )
    url = graphene.String(required=True, description="Full URL on the front-end of the page's site.")
    ref = graphene.String(description="Ref of the translation (null for section and home pages).")


def _ref_expression():
    # A content page keeps its ref in its own table; sections and homes have none.
    return Coalesce(*(NullIf(f"{model._meta.model_name}__ref", Value("")) for model in HUB_PAGE_MODELS))


def visible_versions(directory, translation_keys, viewer: Viewer) -> dict:
    """{translation key: [Version]} of every version, in any configured language, that `viewer`
    may see, in the order of the configured languages. One query however many keys."""
    if not translation_keys:
        return {}
    rows = (
        visible_pages_queryset(Page.objects.filter(translation_key__in=set(translation_keys)), viewer)
        .annotate(hub_ref=_ref_expression())
        .only("id", "title", "translation_key", "locale_id", "path", "url_path")
    )
    order = {code: n for n, code in enumerate(configured_languages())}
    found = defaultdict(list)
    for page in rows:
        language, path = language_of(page), directory.public_path(page)
        if path is None or not is_configured(language):
            continue  # outside every site's tree, or in a language no longer published
        version = Version(page.pk, language, page.title, path, directory.url_of(page) or "", page.hub_ref)
        found[page.translation_key].append(version)
    for versions in found.values():
        versions.sort(key=lambda v: order[v.language])
    return found


class PageTranslationsLoader(RequestLoader):
    """(viewer, page id, translation key, language) → the page's versions in the other
    languages that this viewer may see."""

    @staticmethod
    def key(viewer: Viewer, page) -> tuple:
        return (viewer, page.pk, page.translation_key, language_of(page))

    def load_many(self, keys):
        directory = site_directory(self.info)
        by_viewer = defaultdict(set)
        for viewer, _page_id, translation_key, _language in keys:
            by_viewer[viewer].add(translation_key)
        found = {viewer: visible_versions(directory, tks, viewer) for viewer, tks in by_viewer.items()}
        return {
            (viewer, page_id, tk, language): [
                v for v in found[viewer].get(tk, []) if v.page_id != page_id and v.language != language
            ]
            for viewer, page_id, tk, language in keys
        }


def missing_in_language(info, pages, language: str, viewer: Viewer, what: str) -> ClientError:
    """The error for a page that is not there in `language`, where `pages` are what is there in
    other languages (at the path asked, or the page with the ref asked).

    NOT_TRANSLATED with the visible versions when the caller may see one; NOT_FOUND when nothing
    is visible (so a draft or internal page is never given away). When a version in `language`
    is visible after all (a translation at another path), NOT_FOUND names it in
    `extensions.translations`, so a front-end can redirect.
    """
    versions = visible_versions(site_directory(info), {p.translation_key for p in pages}, viewer)
    shown = [v for vs in versions.values() for v in vs]
    if not shown:
        return ClientError(NOT_FOUND, f"No page {what} that you may see.")
    listed = [{"language": v.language, "path": v.path, "url": v.url} for v in shown]
    if any(v.language == language for v in shown):
        return ClientError(
            NOT_FOUND, f"No page {what} in {language!r}; it has another path there.", translations=listed
        )
    return ClientError(
        NOT_TRANSLATED,
        f"The page {what} is not available in {language!r}.",
        languages=list(dict.fromkeys(v.language for v in shown)),
        translations=listed,
    )
