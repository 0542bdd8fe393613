"""From a page to the one cross-site search document every engine indexes.

Which text is public and which is internal is decided by `content.visibility` (the one rule):
public text is what a public viewer may see on any channel; internal text is what only staff
may see (kcc_script blocks, internal pages, an answer's internal note).

A document is in its page's language (`content.languages.language_of`): a translation is a page
of its own, shown with the fragments and keywords of its language, and analysed in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from wagtail.models import Page

from content.channels import CHANNELS, INTERNAL, STAFF_CHANNELS
from content.languages import default_language, is_configured, language_of, locale_id_for
from content.models import AnswerPage, ArticlePage, Keyword, PageReadability, ProductPage, SiteDirectory
from content.models.pages import HUB_PAGE_MODELS
from content.rendering import load_references, render_for_channel
from content.visibility import Viewer, page_is_visible

CONTENT_TYPES = {ProductPage: "product", AnswerPage: "answer", ArticlePage: "article"}


@dataclass
class IndexDocument:
    """What every engine stores for one page. Lists are plain lists; engines encode them."""

    page_id: int
    ref: str
    title: str
    summary: str = ""
    phrasings: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    keyword_text: str = ""
    public_text: str = ""
    internal_text: str = ""
    site_key: str = ""
    site_keys: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    audience: str = "public"
    content_type: str = "product"
    upl_name: str = ""
    url_path: str = ""
    live: bool = True
    first_published_at: datetime | None = None
    last_published_at: datetime | None = None
    date: date | None = None
    readability_score: float | None = None
    language: str = field(default_factory=default_language)

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def is_internal(self) -> bool:
        return self.audience == INTERNAL


def indexable_pages(page_ids: Iterable[int] | None = None) -> Iterator[Page]:
    """The live content pages (specific instances), optionally limited to `page_ids`."""
    for model in HUB_PAGE_MODELS:
        queryset = model.objects.live().prefetch_related("keywords", "also_on").order_by("pk")
        if page_ids is not None:
            queryset = queryset.filter(pk__in=list(page_ids))
        yield from queryset.iterator(chunk_size=200)


REBUILD_BATCH = 200


def indexable_documents() -> Iterator[IndexDocument]:
    """The document of every live content page that has one: what a full rebuild indexes.

    Built in batches, so what the pages refer to (and their B1 scores) loads once per batch.
    """
    builder = DocumentBuilder()
    batch = []
    for page in indexable_pages():
        batch.append(page)
        if len(batch) == REBUILD_BATCH:
            yield from (d for d in builder.build_many(batch) if d is not None)
            batch = []
    yield from (d for d in builder.build_many(batch) if d is not None)


def count_indexable_pages() -> int:
    return sum(model.objects.live().count() for model in HUB_PAGE_MODELS)


class DocumentBuilder:
    """Builds documents, loading the site list once for many pages."""

    def __init__(self):
        self.sites = SiteDirectory()
        self.key_by_site_id = {site_id: config.key for site_id, config in self.sites.by_site_id.items()}

    def build(self, page) -> IndexDocument | None:
        """The document for a page, or None when the page must not be in the index at all."""
        return self.build_many([page])[0]

    def build_many(self, pages: list) -> list[IndexDocument | None]:
        """The documents for many pages (None where a page must not be in the index).

        What the pages refer to is loaded once for all of them, per language, for staff, and
        narrowed to what a public viewer may see: which pages a viewer may see does not depend
        on the channel, and a reference is looked up by id, so each page renders as if loaded on
        its own.
        """
        # The index holds what a public viewer or a staff viewer may see; never drafts.
        wanted = [p for p in pages if isinstance(p, tuple(CONTENT_TYPES)) and page_is_visible(p, Viewer(staff=True))]
        by_language = {}
        for page in wanted:
            by_language.setdefault(language_of(page), []).append(page)
        streams = {
            language: [getattr(p, name) for p in group for name in p.stream_field_names]
            for language, group in by_language.items()
        }
        references = {}
        for language, language_streams in streams.items():
            staff = load_references(language_streams, Viewer(staff=True), language=language)
            references[(language, True)] = staff
            references[(language, False)] = staff.narrowed_to(Viewer())
        scores = PageReadability.summaries_for_pages(wanted) if wanted else {}
        built = {page.pk: self._build(page, references, scores.get(page.pk)) for page in wanted}
        return [built.get(page.pk) for page in pages]

    def _build(self, page, loaded: dict, readability: dict | None) -> IndexDocument:
        internal = page.audience == INTERNAL
        language = language_of(page)
        public_blocks, channels = {}, []
        staff_blocks = {}
        streams = [getattr(page, name) for name in page.stream_field_names]
        references, staff_references = loaded[(language, False)], loaded[(language, True)]
        for channel in CHANNELS:
            viewer = Viewer(channel=channel, staff=False)
            staff_viewer = Viewer(channel=channel, staff=True)
            visible_here = False
            for stream in streams:
                if not internal and page_is_visible(page, viewer):
                    for block in render_for_channel(stream, viewer, references=references):
                        public_blocks.setdefault(block.id, block)
                        visible_here = True
                if channel in STAFF_CHANNELS or internal:
                    for block in render_for_channel(stream, staff_viewer, references=staff_references):
                        staff_blocks.setdefault(block.id, block)
                        visible_here = visible_here or internal
            if visible_here:
                channels.append(channel)
        if not any(page.stream_field_names and getattr(page, n) for n in page.stream_field_names):
            channels = list(CHANNELS)  # a page without blocks is shown (title, summary) everywhere

        public_text = "\n".join(t for b in public_blocks.values() for t in b.plain_texts())
        internal_parts = [t for bid, b in staff_blocks.items() if bid not in public_blocks for t in b.plain_texts()]
        phrasings = list(getattr(page, "phrasing_list", []))
        summary = page.summary
        if isinstance(page, AnswerPage):
            if page.short_answer:
                summary = page.summary or page.short_answer
                if page.summary:
                    public_text = f"{page.short_answer}\n{public_text}"
            if page.internal_note:
                internal_parts.append(page.internal_note)
        if internal:
            # An internal page has no public text at all: everything it says is for staff.
            internal_parts = ["\n".join(phrasings), public_text, *internal_parts]
            public_text, phrasings = "", []

        keywords = self._keywords_in(language, list(page.keywords.all()))
        site_key = self.key_by_site_id.get(getattr(self.sites.site_of(page), "site_id", None), "")
        site_keys = [site_key] if site_key else []
        site_keys += [k for s in page.also_on.all() if (k := self.key_by_site_id.get(s.pk)) and k not in site_keys]
        return IndexDocument(
            page_id=page.pk,
            ref=page.ref,
            title=page.title,
            summary=summary or "",
            phrasings=phrasings,
            keywords=[k.term for k in keywords],
            keyword_text="\n".join(t for k in keywords for t in k.all_terms),
            public_text=public_text,
            internal_text="\n".join(p for p in internal_parts if p),
            site_key=site_key,
            site_keys=site_keys,
            channels=channels,
            audience=page.audience,
            content_type=CONTENT_TYPES[type(page)],
            upl_name=getattr(page, "upl_name", "") or "",
            url_path=self.sites.relative_path(page) or "",
            live=bool(page.live),
            first_published_at=page.first_published_at,
            last_published_at=page.last_published_at,
            date=getattr(page, "date", None),
            readability_score=readability.get("score") if readability else None,
            language=language,
        )

    def _keywords_in(self, language: str, keywords: list) -> list:
        """The page's keywords in the page's language: an English page may carry the Dutch
        keyword; its English translation (English term and synonyms) then stands in for it."""
        foreign = [k for k in keywords if language_of(k) != language]
        if not foreign or not is_configured(language):
            return keywords
        translated = {
            k.translation_key: k
            for k in Keyword.objects.filter(
                translation_key__in=[k.translation_key for k in foreign], locale_id=locale_id_for(language)
            )
        }
        found = [translated.get(k.translation_key, k) if k in foreign else k for k in keywords]
        return list({k.pk: k for k in found}.values())
