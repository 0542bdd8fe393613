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
from ..models import AnswerPage, ArticlePage, Fragment, Keyword, KeywordBestBet, ProductPage
from ..models.pages import find_page_by_ref
from .blocks import BlockConverter, BlockError
from .errors import ImportFailure, Problem
from .sites import SiteWriter

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
        self.converter = BlockConverter(self._resolve_page, self._resolve_fragment, self._resolve_image)
        self.sites = SiteWriter(self.problems)

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
        keywords = self._write_keywords(self._list("keywords"))
        items = self._check_items(self._list("items"))
        if self.problems:
            return
        for item, model in items:
            self._locate_or_create(item, model)
        # Fragments may link to pages of this file, and pages embed fragments: pages exist first.
        self._write_fragments(self._list("fragments"))
        for item, model in items:
            if item["ref"] in self.pages_by_ref:
                self._fill(item, model)
        self._write_best_bets(keywords)

    # keywords ---------------------------------------------------------------------------
    def _write_keywords(self, entries):
        written = []
        for i, entry in enumerate(entries):
            where = f"keywords[{i}]"
            if isinstance(entry, str):
                entry = {"term": entry}
            term = entry.get("term") if isinstance(entry, dict) else None
            if not isinstance(term, str) or not term.strip():
                self.problem("IMPORT_BAD_VALUE", where, "term", "every keyword needs a term")
                continue
            lists = {}
            for key in ("synonyms", "variants"):
                value = entry.get(key, [])
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    self.problem("IMPORT_BAD_VALUE", f"keyword '{term}'", key, "must be a list of texts")
                    value = []
                lists[key] = "\n".join(v.strip() for v in value if v.strip())
            keyword, created = Keyword.objects.get_or_create(term=term.strip(), defaults=lists)
            if not created and any(getattr(keyword, k) != v for k, v in lists.items()):
                for k, v in lists.items():
                    setattr(keyword, k, v)
                keyword.save()
                created = True
            self.result.keywords += int(created)
            written.append((keyword, entry.get("best_bets"), where))
        return written

    def _write_best_bets(self, keywords):
        for keyword, refs, where in keywords:
            if refs is None:
                continue
            pages = [self._resolve_page(ref, f"{where}.best_bets", record=True) for ref in refs]
            wanted = [p for p in pages if p is not None]
            if [b.page_id for b in keyword.best_bets.all()] != wanted:
                keyword.best_bets.all().delete()
                for order, page_id in enumerate(wanted):
                    KeywordBestBet.objects.create(keyword=keyword, page_id=page_id, sort_order=order)

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
            fragment = Fragment.objects.filter(ref=entry["ref"]).first() or Fragment(ref=entry["ref"])
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
        fragment = Fragment.objects.filter(ref=ref).values_list("pk", flat=True).first()
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
            if not self.sites.root_for(item.get("site")):
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
