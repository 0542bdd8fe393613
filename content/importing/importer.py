"""Import of the `hub-import/1` format (see docs/import.md).

One file is one transaction: every problem is collected, and if there is any, nothing is
written. Items are matched by `ref`, so running the same file twice changes nothing.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page

from ..channels import AUDIENCE_CHOICES, PUBLIC
from ..languages import default_language, locale_for
from ..models import AnswerPage, ArticlePage, Fragment, Keyword, ProductPage
from ..models.pages import find_page_by_ref
from ..translations import mark_synced
from .blocks import BlockConverter, BlockError
from .errors import ImportFailure, Problem
from .keywords import KeywordWriter
from .sites import SiteWriter
from .translations import TranslationRules

FORMAT = "hub-import/1"
ITEM_MODELS = {"product": ProductPage, "answer": AnswerPage, "article": ArticlePage}
AUDIENCES = [a for a, _ in AUDIENCE_CHOICES]


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    keywords: int = 0
    fragments: int = 0
    sites: int = 0
    published: bool = False

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged "
            f"({'published' if self.published else 'saved as draft'}); "
            f"{self.sites} sites, {self.keywords} keywords, {self.fragments} fragments changed"
        )


def load_file(path) -> dict:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailure([Problem("IMPORT_UNREADABLE", str(path), "", f"cannot read the file: {exc}")]) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailure(
            [
                Problem(
                    "IMPORT_INVALID_JSON",
                    str(path),
                    "",
                    f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                )
            ]
        ) from exc


def import_file(path, *, publish=False) -> ImportResult:
    path = Path(path)
    return import_data(load_file(path), publish=publish, base_dir=path.parent)


def import_data(data, *, publish=False, base_dir=None) -> ImportResult:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFailure(
            [Problem("IMPORT_BAD_FORMAT", "file", "format", f'the file must be an object with "format": "{FORMAT}"')]
        )
    with transaction.atomic():
        run = _ImportRun(data, publish=publish, base_dir=Path(base_dir or "."))
        run.execute()
        if run.problems:
            raise ImportFailure(run.problems)
    return run.result


class _ImportRun:
    def __init__(self, data, *, publish, base_dir):
        self.data, self.publish, self.base_dir = data, publish, base_dir
        self.problems: list[Problem] = []
        self.result = ImportResult(published=publish)
        self.pages_by_ref: dict[str, Page] = {}
        self.converter = BlockConverter(
            self._resolve_page, self._resolve_fragment, self._resolve_image, self._resolve_document
        )
        self.sites = SiteWriter(self.problems)
        self.translation_rules = TranslationRules(self.problem)
        self._originals = None

    def problem(self, code, where, field_name, message):
        self.problems.append(Problem(code, where, field_name, message))

    def _list(self, key):
        value = self.data.get(key, [])
        if not isinstance(value, list):
            self.problem("IMPORT_BAD_VALUE", "file", key, "must be a list")
            return []
        return value

    def execute(self):
        self.result.sites = self.sites.write(self._list("sites"))
        keywords = KeywordWriter(self.problem, self.translation_rules, self.result).write(self._list("keywords"))
        items = self._check_items(self._list("items"))
        if self.problems:
            return
        originals = [(i, m) for i, m in items if "translation_of" not in i]
        translations = [(i, m) for i, m in items if "translation_of" in i]
        for item, model in originals:
            self._locate_or_create(item, model)
        # Fragments may link to pages of this file, and pages embed fragments: pages exist first.
        self._write_fragments(self._list("fragments"))
        for item, model in originals:
            if item["ref"] in self.pages_by_ref:
                self._fill(item, model)
        # A translation is placed after its original has its content (and its parent exists).
        # Every translation exists before any is filled, so translations may link to each other.
        for item, model in translations:
            self._locate_or_create_translation(item, model)
        for item, model in translations:
            if item["ref"] in self.pages_by_ref:
                self._fill(item, model)
                mark_synced(self.pages_by_ref[item["ref"]], self.pages_by_ref.get(item["translation_of"]))
        KeywordWriter.write_best_bets(keywords, lambda ref, where: self._resolve_page(ref, where, record=True))

    # fragments --------------------------------------------------------------------------
    def _write_fragments(self, entries):
        for i, entry in enumerate(entries):
            where = f"fragments[{i}]"
            if not isinstance(entry, dict) or not entry.get("ref") or not entry.get("title"):
                self.problem("IMPORT_BAD_VALUE", where, "ref", "every fragment needs a ref and a title")
                continue
            self.converter.id_prefix = f"fragment:{entry['ref']}"
            try:
                body = self.converter.stream(entry.get("blocks") or [], "blocks", allow_fragments=False)
            except BlockError as exc:
                self.problem(exc.code, f"fragment '{entry['ref']}'", exc.field, exc.message)
                continue
            language = self.translation_rules.language(entry, where)
            if language is None:
                continue
            locale = locale_for(language)
            fragment = Fragment.objects.filter(ref=entry["ref"], locale=locale).first() or Fragment(
                ref=entry["ref"], locale=locale
            )
            original = Fragment.objects.filter(ref=entry["ref"], locale=locale_for(default_language())).first()
            if fragment.pk is None and original is not None and language != default_language():
                fragment.translation_key = original.translation_key
            new = json.dumps([entry["title"], body], sort_keys=True, default=str)
            old = (
                json.dumps([fragment.title, list(fragment.body.raw_data)], sort_keys=True, default=str)
                if fragment.pk
                else None
            )
            if new != old:
                fragment.title, fragment.body, fragment.live = entry["title"], body, True
                fragment.save()
                fragment.save_revision()
                self.result.fragments += 1

    def _resolve_fragment(self, ref, where):
        fragment = (
            Fragment.objects.filter(ref=ref, locale=locale_for(default_language())).values_list("pk", flat=True).first()
        )
        if fragment is None:
            raise BlockError("IMPORT_UNKNOWN_FRAGMENT", where, f"no fragment with ref {ref!r}")
        return fragment

    # images -----------------------------------------------------------------------------
    def _resolve_image(self, relative, where):
        from .images import import_image

        try:
            return import_image(self.base_dir / relative, self.base_dir)
        except ValueError as exc:
            raise BlockError("IMPORT_BAD_IMAGE", where, str(exc)) from None

    def _resolve_document(self, relative, where, title):
        from .documents import import_document

        try:
            return import_document(self.base_dir / relative, self.base_dir, title)
        except ValueError as exc:
            raise BlockError("IMPORT_BAD_DOCUMENT", where, str(exc)) from None

    # items ------------------------------------------------------------------------------
    def _check_items(self, entries):
        checked, seen = [], set()
        for i, item in enumerate(entries):
            where = f"items[{i}]"
            if not isinstance(item, dict):
                self.problem("IMPORT_BAD_VALUE", where, "", "every item must be an object")
                continue
            ref = item.get("ref")
            if not isinstance(ref, str) or not ref.strip() or slugify(ref) != ref:
                self.problem(
                    "IMPORT_BAD_VALUE", where, "ref", "every item needs a ref of lowercase letters, digits and hyphens"
                )
                continue
            where = f"item '{ref}'"
            if ref in seen:
                self.problem("IMPORT_DUPLICATE_REF", where, "ref", "this ref appears more than once in the file")
                continue
            seen.add(ref)
            model = ITEM_MODELS.get(item.get("type"))
            if model is None:
                self.problem(
                    "IMPORT_UNKNOWN_TYPE",
                    where,
                    "type",
                    f"unknown type {item.get('type')!r}; use product, article or answer",
                )
                continue
            if not isinstance(item.get("title"), str) or not item["title"].strip():
                self.problem("IMPORT_BAD_VALUE", where, "title", "a title is required")
                continue
            if self.translation_rules.language(item, where) is None or not self.translation_rules.check_item(
                item, where, model, self._originals_in_file(entries), find_page_by_ref
            ):
                continue
            # A translation's place follows its original; its own site and parent are ignored.
            if "translation_of" not in item and not self.sites.root_for(item.get("site")):
                self.problem("IMPORT_UNKNOWN_SITE", where, "site", f"unknown site {item.get('site')!r}")
                continue
            for key in item.get("also_on") or []:
                if not self.sites.root_for(key):
                    self.problem("IMPORT_UNKNOWN_SITE", where, "also_on", f"unknown site {key!r}")
            if item.get("audience", PUBLIC) not in AUDIENCES:
                self.problem("IMPORT_BAD_VALUE", where, "audience", "use public or internal")
            for term in item.get("keywords") or []:
                if not Keyword.objects.filter(term=term).exists():
                    self.problem(
                        "IMPORT_UNKNOWN_KEYWORD",
                        where,
                        "keywords",
                        f'unknown keyword {term!r}; add it to "keywords" first',
                    )
            existing = find_page_by_ref(ref)
            if existing is not None and not isinstance(existing, model):
                self.problem(
                    "IMPORT_REF_TYPE_CHANGED",
                    where,
                    "type",
                    f"ref {ref!r} already belongs to a page of type {type(existing).__name__}",
                )
                continue
            if existing is not None:
                self.pages_by_ref[ref] = existing
            checked.append((item, model))
        self._refs_in_file = seen
        return checked

    def _originals_in_file(self, entries) -> dict:
        if self._originals is None:
            self._originals = {
                e["ref"]: (e, ITEM_MODELS.get(e.get("type")))
                for e in entries
                if isinstance(e, dict) and isinstance(e.get("ref"), str) and "translation_of" not in e
            }
        return self._originals

    def _locate_or_create_translation(self, item, model):
        page = self.pages_by_ref.get(item["ref"])
        if page is None:
            original = self.pages_by_ref.get(item["translation_of"]) or find_page_by_ref(item["translation_of"])
            page = self.translation_rules.place(item, model, original)
            self.result.created.append(item["ref"])
        self.pages_by_ref[item["ref"]] = page

    def _resolve_page(self, ref, where, record=False):
        page = self.pages_by_ref.get(ref) or find_page_by_ref(ref)
        if page is None:
            if record:
                self.problem("IMPORT_UNKNOWN_REF", where, "", f"no page with ref {ref!r}")
                return None
            raise BlockError("IMPORT_UNKNOWN_REF", where, f"no page with ref {ref!r}")
        return page.pk

    def _locate_or_create(self, item, model):
        ref = item["ref"]
        where = f"item '{ref}'"
        parent = self.sites.ensure_path(item["site"], item.get("parent") or "/")
        if parent is None:
            self.problem("IMPORT_BAD_VALUE", where, "parent", f"cannot use {item.get('parent')!r} as a parent path")
            return
        page = self.pages_by_ref.get(ref)
        if page is None:
            page = model(ref=ref, title=item["title"].strip(), slug=self._free_slug(parent, item), live=False)
            if model is ArticlePage:
                page.date = date.today()
            parent.add_child(instance=page)
            self.result.created.append(ref)
        elif page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child")
            page.refresh_from_db()
        self.pages_by_ref[ref] = page

    @staticmethod
    def _free_slug(parent, item):
        base = slugify(item.get("slug") or item["title"])[:200] or slugify(item["ref"])
        slug, n = base, 2
        siblings = set(parent.get_children().values_list("slug", flat=True))
        while slug in siblings:
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _fill(self, item, model):
        from .fields import item_fields

        ref = item["ref"]
        where = f"item '{ref}'"
        page = self.pages_by_ref[ref]
        checksum = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()
        needs_publish = self.publish and (not page.live or page.has_unpublished_changes)
        if page.import_checksum == checksum and not needs_publish:
            if ref not in self.result.created:
                self.result.unchanged.append(ref)
            return
        self.converter.id_prefix = ref
        try:
            values, relations = item_fields(item, model, self.converter, self.sites)
        except BlockError as exc:
            self.problem(exc.code, where, exc.field, exc.message)
            return
        for name, value in values.items():
            setattr(page, name, value)
        page.import_checksum = checksum
        for name, value in relations.items():
            getattr(page, name).set(value)
        try:
            page.full_clean()  # before any write: PostgreSQL refuses an over-long value outright
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                self.problem("IMPORT_INVALID_FIELD", where, field_name, " ".join(messages))
            return
        if not page.live:
            page.save()
        revision = page.save_revision(clean=False)
        if self.publish:
            revision.publish()
        if ref not in self.result.created:
            self.result.updated.append(ref)


__all__ = ["FORMAT", "ImportFailure", "ImportResult", "import_data", "import_file"]
