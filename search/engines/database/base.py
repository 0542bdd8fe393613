"""The embedded engine: the hub's own database. What both databases share.

SQLite: an FTS5 table of stemmed text (stemmed in Python in the document's language, see
search.analysis), ranked with bm25. PostgreSQL: generated tsvector columns analysed in the row's
language (`dutch`, `english`) and GIN indexes, `websearch_to_tsquery`, `ts_rank` and
`ts_headline`. Both keep one row per page in `SearchDocument` and a vocabulary (`SearchTerm`)
for typo correction, in generations so a rebuild can switch over at once. Every row and every
word has a `language`; a search matches only rows and corrects only into words of its language.

This module holds what both share: the rows and their generations, the viewer's filters, best
bets, facets and hits (the vocabulary is in `vocabulary`). `postgres` and `sqlite` each
implement the hooks that keep their text index, match, rank and highlight.
"""

from __future__ import annotations

from abc import abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import Q, Subquery
from django.utils import timezone

from content.languages import default_language

from ...analysis import fold
from ...documents import IndexDocument
from ...models import IndexGeneration, SearchDocument, SearchTerm
from ..base import CONTENT_TYPE_WEIGHTS, Hit, SearchEngine, SearchRequest, SearchResults, batched
from .vocabulary import BATCH, apply_changes, count_words, document_words, find_corrections, row_words, store_counts

# The rank of a row times the weight of its content type (CONTENT_TYPE_WEIGHTS), in SQL.
TYPE_FACTOR_SQL = (
    "(CASE d.content_type "
    + " ".join(f"WHEN '{name}' THEN {weight}" for name, weight in CONTENT_TYPE_WEIGHTS.items())
    + " ELSE 1.0 END)"
)
LIGHT_COLUMNS = "d.id, d.page_id, d.content_type, d.site_keys, d.keyword_terms"
FULL_COLUMNS = (
    "d.id, d.page_id, d.ref, d.title, d.site_key, d.url_path, d.content_type, d.audience, "
    "d.summary, d.phrasings, d.public_text, d.internal_text"
)


def _encode(values: list[str]) -> str:
    return "|" + "|".join(v.replace("|", " ") for v in values) + "|" if values else ""


def _decode(value: str) -> list[str]:
    return [v for v in (value or "").split("|") if v]


class DatabaseEngine(SearchEngine):
    """The shared part; `make_database_engine` picks the subclass for the connection's vendor."""

    name = "database"
    vendor: str  # Django's connection.vendor this subclass serves

    # --- generations -----------------------------------------------------------------------
    def _state(self) -> IndexGeneration:
        state, _ = IndexGeneration.objects.get_or_create(name=self.index_prefix)
        return state

    def _active_subquery(self):
        return Subquery(IndexGeneration.objects.filter(name=self.index_prefix).values("active")[:1])

    def _target_generations(self) -> list[int]:
        state = self._state()
        return [state.active] + ([state.building] if state.building else [])

    # --- writing ----------------------------------------------------------------------------
    def create_index(self) -> None:
        self._state()

    def index_documents(self, documents: list[IndexDocument]) -> None:
        if not documents:
            return
        with transaction.atomic():
            for generation in self._target_generations():
                removed = self._remove(generation, [d.page_id for d in documents])
                self._insert(generation, documents, vocabulary_delta=removed)

    def delete_documents(self, page_ids: Iterable[int]) -> None:
        page_ids = list(page_ids)
        if not page_ids:
            return
        with transaction.atomic():
            for generation in self._target_generations():
                apply_changes(generation, self._remove(generation, page_ids))

    def _remove(self, generation: int, page_ids: list[int]) -> Counter:
        """Delete the rows of these pages; returns the vocabulary change (negative counts)."""
        delta: Counter = Counter()
        rows = list(SearchDocument.objects.filter(generation=generation, page_id__in=page_ids))
        for row in rows:
            count_words(delta, row.language, row_words(row), -1)
        if rows:
            ids = [r.id for r in rows]
            self._remove_from_text_index(ids)
            SearchDocument.objects.filter(id__in=ids).delete()
        return delta

    def _insert(self, generation: int, documents: list[IndexDocument], vocabulary_delta: Counter | None = None):
        delta = vocabulary_delta if vocabulary_delta is not None else Counter()
        now = timezone.now()
        rows = SearchDocument.objects.bulk_create(
            [
                SearchDocument(
                    generation=generation,
                    page_id=d.page_id,
                    ref=d.ref,
                    title=d.title[:255],
                    summary=d.summary,
                    phrasings="\n".join(d.phrasings),
                    keyword_text=d.keyword_text,
                    public_text=d.public_text,
                    internal_text=d.internal_text,
                    keyword_terms=_encode([fold(k) for k in d.keywords]),
                    site_key=d.site_key,
                    site_keys=_encode(d.site_keys),
                    channels=_encode(d.channels),
                    audience=d.audience,
                    content_type=d.content_type,
                    upl_name=d.upl_name[:200],
                    url_path=d.url_path[:500],
                    live=d.live,
                    first_published_at=d.first_published_at,
                    last_published_at=d.last_published_at,
                    date=d.date,
                    readability_score=d.readability_score,
                    indexed_at=now,
                    language=d.language,
                )
                for d in documents
            ]
        )
        self._add_to_text_index(generation, documents, rows)
        for document in documents:
            count_words(delta, document.language, document_words(document), 1)
        if vocabulary_delta is not None:
            apply_changes(generation, delta)
        return delta

    def rebuild(self, documents: Iterable[IndexDocument], *, progress: Callable[[int], None] | None = None) -> int:
        with transaction.atomic():
            state = IndexGeneration.objects.select_for_update().get(pk=self._state().pk)
            generation = max(state.active, state.building or 0) + 1
            state.building = generation
            state.save(update_fields=["building"])
        self._drop_generation(generation)
        vocabulary: Counter = Counter()
        total = 0
        for batch in batched(documents, BATCH):
            # Pages the outbox wrote into the new generation meanwhile are newer: keep those.
            present = set(
                SearchDocument.objects.filter(
                    generation=generation, page_id__in=[d.page_id for d in batch]
                ).values_list("page_id", flat=True)
            )
            fresh = [d for d in batch if d.page_id not in present]
            with transaction.atomic():
                vocabulary.update(self._insert(generation, fresh))
            total += len(batch)
            if progress:
                progress(len(batch))
        with transaction.atomic():
            store_counts(generation, vocabulary)
            state = IndexGeneration.objects.select_for_update().get(pk=state.pk)
            old = state.active
            state.active, state.building, state.switched_at = generation, None, timezone.now()
            state.save(update_fields=["active", "building", "switched_at"])
        self._drop_generation(old)
        self._after_rebuild()
        return total

    def _drop_generation(self, generation: int):
        with transaction.atomic():
            self._drop_generation_from_text_index(generation)
            SearchDocument.objects.filter(generation=generation).delete()
            SearchTerm.objects.filter(generation=generation).delete()

    # A separate text index (SQLite's FTS5 table) follows the rows through these hooks;
    # generated columns (PostgreSQL) follow by themselves.
    def _add_to_text_index(self, generation: int, documents: list[IndexDocument], rows: list[SearchDocument]):
        """Index the text of `documents`, just inserted as `rows` into `generation`."""

    def _remove_from_text_index(self, ids: list[int]):
        """Forget the text of these SearchDocument rows (about to be deleted)."""

    def _drop_generation_from_text_index(self, generation: int):
        """Forget the text of every row of `generation` (about to be deleted)."""

    def _after_rebuild(self):
        """A new generation went live and the old one is gone."""

    # --- reading ----------------------------------------------------------------------------
    def count(self) -> int:
        return SearchDocument.objects.filter(generation=self._active_subquery()).count()

    def health(self) -> dict:
        try:
            state = IndexGeneration.objects.filter(name=self.index_prefix).first()
            return {
                "ok": True,
                "engine": self.name,
                "database": self.vendor,
                "generation": state.active if state else None,
                "building": state.building if state else None,
            }
        except Exception as error:  # noqa: BLE001 - health reports, never raises
            return {"ok": False, "engine": self.name, "error": str(error)}

    def _filters(self, request: SearchRequest, *, full_text: bool = False) -> tuple[str, list]:
        """SQL conditions every result must meet, whatever matched: the viewer's rule again.

        `full_text`: for the PostgreSQL match, where every row of the live generation qualifies
        and the generation's index would only keep the planner from the full-text index (`+ 0`
        hides it). Lookups by page id keep using (generation, page_id)."""
        generation = "d.generation + 0" if full_text else "d.generation"
        sql = [f"{generation} = (SELECT active FROM search_indexgeneration WHERE name = %s)", "d.live = %s"]  # noqa: S608 - only constants and %s placeholders
        params: list = [self.index_prefix, True]
        sql.append("d.language = %s")
        params.append(request.language)
        sql.append(f"d.audience IN ({','.join(['%s'] * len(request.audiences))})")
        params += list(request.audiences)
        if request.channel:
            sql.append("d.channels LIKE %s")
            params.append(f"%|{request.channel}|%")
        if request.sites:
            sql.append("(" + " OR ".join(["d.site_keys LIKE %s"] * len(request.sites)) + ")")
            params += [f"%|{s}|%" for s in request.sites]
        for keyword in request.keywords or []:
            sql.append("d.keyword_terms LIKE %s")
            params.append(f"%|{fold(keyword)}|%")
        if request.content_types:
            sql.append(f"d.content_type IN ({','.join(['%s'] * len(request.content_types))})")
            params += list(request.content_types)
        return " AND ".join(sql), params

    def search(self, request: SearchRequest) -> SearchResults:
        filters, filter_params = self._filters(request)
        pinned = self._pinned_rows(request, filters, filter_params)
        combinations, window = self._combinations_and_window(request, pinned, filters, filter_params)
        facets = _facets(combinations) if request.facets else {}
        hits = self._hits(window, request, set(request.pinned_page_ids))
        return SearchResults(hits=hits, total=sum(combinations.values()), facets=facets, engine=self.name)

    @abstractmethod
    def _combinations_and_window(
        self, request: SearchRequest, pinned: list[tuple], filters: str, filter_params: list
    ) -> tuple[Counter, list[tuple]]:
        """Match counts per (content type, encoded sites, encoded keywords), best bets included,
        and the rows of the requested slice (light columns and score): best bets first, then
        the other matches by rank."""

    def _pinned_rows(self, request: SearchRequest, filters: str, filter_params: list) -> list[tuple]:
        """The best bets the viewer may see, in their order (light columns, score 0)."""
        pins = request.pinned_page_ids
        if not pins:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {LIGHT_COLUMNS}, 0 AS score FROM search_searchdocument d "  # noqa: S608 - only constants and %s placeholders
                f"WHERE d.page_id IN ({','.join(['%s'] * len(pins))}) AND {filters}",
                [*pins, *filter_params],
            )
            return sorted(cursor.fetchall(), key=lambda r: pins.index(r[1]))

    def _hits(self, window, request: SearchRequest, pinned: set[int]) -> list[Hit]:
        if not window:
            return []
        ids = [r[0] for r in window]
        scores = {r[0]: float(r[5] or 0) for r in window}
        full = self._rows_with_snippets(request, ids)
        hits = []
        for row_id in ids:
            row, snippet = full[row_id]
            hits.append(
                Hit(
                    page_id=row[1],
                    ref=row[2],
                    title=row[3],
                    site_key=row[4],
                    url_path=row[5],
                    content_type=row[6],
                    audience=row[7],
                    score=scores[row_id],
                    snippet=snippet.strip(),
                    pinned=row[1] in pinned,
                    language=request.language,
                )
            )
        return hits

    @abstractmethod
    def _rows_with_snippets(self, request: SearchRequest, ids: list[int]) -> dict[int, tuple[tuple, str]]:
        """By SearchDocument id: the row's FULL_COLUMNS and a snippet (HTML, terms marked)."""

    def suggest(
        self,
        prefix: str,
        *,
        audiences: tuple[str, ...],
        sites: list[str] | None,
        limit: int,
        language: str | None = None,
    ) -> list[str]:
        queryset = SearchDocument.objects.filter(
            generation=self._active_subquery(),
            live=True,
            audience__in=audiences,
            language=language or default_language(),
        ).filter(Q(title__istartswith=prefix) | Q(title__icontains=f" {prefix}"))
        if sites:
            site_filter = Q()
            for site in sites:
                site_filter |= Q(site_keys__contains=f"|{site}|")
            queryset = queryset.filter(site_filter)
        return list(queryset.order_by("title").values_list("title", flat=True).distinct()[:limit])

    def corrections(self, words: list[str], *, staff: bool, language: str | None = None) -> dict[str, str]:
        return find_corrections(self._active_subquery(), words, staff=staff, language=language or default_language())


def _facets(combinations: Counter) -> dict[str, list[tuple[str, int]]]:
    """Facets from match counts per (content type, encoded sites, encoded keywords): many
    matches share a combination, so each is split once (splitting every row took 40 ms for
    9,500 matches)."""
    sites, types, keywords = Counter(), Counter(), Counter()
    for (content_type, site_keys, keyword_terms), n in combinations.items():
        types[content_type] += n
        for site in _decode(site_keys):
            sites[site] += n
        for keyword in _decode(keyword_terms):
            keywords[keyword] += n
    return {
        "sites": sites.most_common(),
        "content_types": types.most_common(),
        "keywords": keywords.most_common(20),
    }
