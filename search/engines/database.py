"""The embedded engine: the hub's own database.

SQLite: an FTS5 table of Dutch-stemmed text (stemmed in Python, see search.analysis), ranked
with bm25. PostgreSQL: generated tsvector columns with the `dutch` configuration and GIN
indexes, `websearch_to_tsquery`, `ts_rank` and `ts_headline`. Both keep one row per page in
`SearchDocument` and a vocabulary (`SearchTerm`) for typo correction, in generations so a
rebuild can switch over at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Q, Subquery
from django.utils import timezone

from ..analysis import allowed_typos, analyse, edit_distance, fold, stem, words
from ..documents import IndexDocument
from ..highlight import MARK_END, MARK_START, highlight, marked_to_html
from ..models import IndexGeneration, SearchDocument, SearchTerm
from .base import Hit, SearchEngine, SearchRequest, SearchResults, batched

BATCH = 500
LIGHT_COLUMNS = "d.id, d.page_id, d.content_type, d.site_keys, d.keyword_terms"
FULL_COLUMNS = (
    "d.id, d.page_id, d.ref, d.title, d.site_key, d.url_path, d.content_type, d.audience, "
    "d.summary, d.phrasings, d.public_text, d.internal_text"
)
FTS_PUBLIC_COLUMNS = "title keywords summary public_text"
FTS_ALL_COLUMNS = "title keywords summary public_text internal_text"
HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, ShortWord=2"


def _encode(values: list[str]) -> str:
    return "|" + "|".join(v.replace("|", " ") for v in values) + "|" if values else ""


def _decode(value: str) -> list[str]:
    return [v for v in (value or "").split("|") if v]


def _vocabulary(document: IndexDocument) -> tuple[set[str], set[str]]:
    """(public words, all words) of a document: folded, at least three letters, not numbers."""
    public_source = " ".join(
        [
            document.title,
            document.summary,
            " ".join(document.phrasings),
            document.keyword_text,
            document.upl_name,
            document.public_text,
        ]
    )
    public = {w for w in words(public_source) if len(w) >= 3 and not w.isdigit() and len(w) <= 100}
    internal = {w for w in words(document.internal_text) if len(w) >= 3 and not w.isdigit() and len(w) <= 100}
    if document.is_internal:
        return set(), public | internal  # every word of an internal page is internal
    return public, public | internal


def _vocabulary_of_row(row: SearchDocument) -> tuple[set[str], set[str]]:
    return _vocabulary(
        IndexDocument(
            page_id=row.page_id,
            ref=row.ref,
            title=row.title,
            summary=row.summary,
            phrasings=row.phrasings.splitlines(),
            keyword_text=row.keyword_text,
            upl_name=row.upl_name,
            public_text=row.public_text,
            internal_text=row.internal_text,
            audience=row.audience,
        )
    )


class DatabaseEngine(SearchEngine):
    name = "database"

    # --- generations -----------------------------------------------------------------------
    def _state(self) -> IndexGeneration:
        state, _ = IndexGeneration.objects.get_or_create(name=self.index_prefix)
        return state

    def _active_subquery(self):
        return Subquery(IndexGeneration.objects.filter(name=self.index_prefix).values("active")[:1])

    def _target_generations(self) -> list[int]:
        state = self._state()
        return [state.active] + ([state.building] if state.building else [])

    @property
    def vendor(self) -> str:
        return connection.vendor

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
                self._apply_vocabulary(generation, self._remove(generation, page_ids))

    def _remove(self, generation: int, page_ids: list[int]) -> Counter:
        """Delete the rows of these pages; returns the vocabulary change (negative counts)."""
        delta: Counter = Counter()
        rows = list(SearchDocument.objects.filter(generation=generation, page_id__in=page_ids))
        for row in rows:
            public, every = _vocabulary_of_row(row)
            for word in every:
                delta[(word, "all")] -= 1
            for word in public:
                delta[(word, "public")] -= 1
        if rows:
            ids = [r.id for r in rows]
            if self.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({','.join(['%s'] * len(ids))})", ids)  # noqa: S608 - only constants and %s placeholders
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
                )
                for d in documents
            ]
        )
        if self.vendor == "sqlite":
            if any(r.pk is None for r in rows):
                ids = dict(
                    SearchDocument.objects.filter(
                        generation=generation, page_id__in=[d.page_id for d in documents]
                    ).values_list("page_id", "id")
                )
            else:
                ids = {r.page_id: r.pk for r in rows}
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO search_fts(rowid, title, keywords, summary, public_text, internal_text) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    [
                        (
                            ids[d.page_id],
                            " ".join(analyse(d.title)),
                            " ".join(analyse(f"{d.keyword_text} {d.upl_name}")),
                            " ".join(analyse(f"{d.summary} {' '.join(d.phrasings)}")),
                            " ".join(analyse(d.public_text)),
                            " ".join(analyse(d.internal_text)),
                        )
                        for d in documents
                    ],
                )
        for document in documents:
            public, every = _vocabulary(document)
            for word in every:
                delta[(word, "all")] += 1
            for word in public:
                delta[(word, "public")] += 1
        if vocabulary_delta is not None:
            self._apply_vocabulary(generation, delta)
        return delta

    def _apply_vocabulary(self, generation: int, delta: Counter):
        changed = {word for (word, _), n in delta.items() if n}
        if not changed:
            return
        existing = {t.word: t for t in SearchTerm.objects.filter(generation=generation, word__in=changed)}
        new, update, gone = [], [], []
        for word in changed:
            public, every = delta[(word, "public")], delta[(word, "all")]
            term = existing.get(word)
            if term is None:
                if every > 0:
                    new.append(
                        SearchTerm(
                            generation=generation,
                            word=word,
                            length=len(word),
                            public_docs=max(public, 0),
                            all_docs=every,
                        )
                    )
                continue
            term.public_docs = max(term.public_docs + public, 0)
            term.all_docs = max(term.all_docs + every, 0)
            (update if term.all_docs else gone).append(term)
        SearchTerm.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
        if update:
            SearchTerm.objects.bulk_update(update, ["public_docs", "all_docs"], batch_size=BATCH)
        if gone:
            SearchTerm.objects.filter(id__in=[t.id for t in gone]).delete()

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
            SearchTerm.objects.bulk_create(
                [
                    SearchTerm(
                        generation=generation,
                        word=word,
                        length=len(word),
                        all_docs=n,
                        public_docs=vocabulary[(word, "public")],
                    )
                    for (word, kind), n in vocabulary.items()
                    if kind == "all" and n > 0
                ],
                batch_size=BATCH,
                ignore_conflicts=True,
            )
            state = IndexGeneration.objects.select_for_update().get(pk=state.pk)
            old = state.active
            state.active, state.building, state.switched_at = generation, None, timezone.now()
            state.save(update_fields=["active", "building", "switched_at"])
        self._drop_generation(old)
        if self.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE search_searchdocument")  # fresh statistics for the new rows
        return total

    def _drop_generation(self, generation: int):
        with transaction.atomic():
            if self.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "DELETE FROM search_fts WHERE rowid IN "
                        "(SELECT id FROM search_searchdocument WHERE generation = %s)",
                        [generation],
                    )
            SearchDocument.objects.filter(generation=generation).delete()
            SearchTerm.objects.filter(generation=generation).delete()

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

    def size_on_disk(self) -> int | None:
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute(
                    "SELECT pg_total_relation_size('search_searchdocument') "
                    "+ pg_total_relation_size('search_searchterm')"
                )
                return int(cursor.fetchone()[0])
            try:
                cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_%%'")
                value = cursor.fetchone()[0]
            except Exception:  # noqa: BLE001 - SQLite built without dbstat
                return None
            return int(value or 0)

    def _filters(self, request: SearchRequest, *, full_text: bool = False) -> tuple[str, list]:
        """SQL conditions every result must meet, whatever matched: the viewer's rule again.

        `full_text`: for the PostgreSQL match, where every row of the live generation qualifies
        and the generation's index would only keep the planner from the full-text index (`+ 0`
        hides it). Lookups by page id keep using (generation, page_id)."""
        generation = "d.generation + 0" if full_text else "d.generation"
        sql = [f"{generation} = (SELECT active FROM search_indexgeneration WHERE name = %s)", "d.live = %s"]  # noqa: S608 - only constants and %s placeholders
        params: list = [self.index_prefix, True]
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
        first, last = request.offset, request.offset + request.limit
        if self.vendor == "postgresql":
            combinations, rest = self._postgres_matches(
                request,
                offset=max(0, first - len(pinned)),
                limit=last - first - len(pinned[first:last]),
            )
            combinations.update(row[2:5] for row in pinned)
            window = pinned[first:last] + rest
        else:
            matches = self._sqlite_matches(request, filters, filter_params)
            rows = pinned + [r for r in matches if r[1] not in request.pinned_page_ids]
            combinations = Counter(row[2:5] for row in rows)
            window = rows[first:last]
        facets = _facets(combinations) if request.facets else {}
        hits = self._hits(window, request, set(request.pinned_page_ids))
        return SearchResults(hits=hits, total=sum(combinations.values()), facets=facets, engine=self.name)

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

    def _postgres_matches(self, request: SearchRequest, *, offset: int, limit: int) -> tuple[Counter, list[tuple]]:
        """Counts per (type, sites, keywords) of every match but the best bets, and the slice of
        the ranked matches: only the rows of one page travel, however many pages match."""
        filters, filter_params = self._filters(request, full_text=True)
        query_sql, query_params = self._tsquery(request)
        vector = "d.all_vector" if request.staff else "d.public_vector"
        where, params = f"{vector} @@ q.query AND {filters}", [*query_params, *filter_params]
        if request.pinned_page_ids:
            where += f" AND d.page_id NOT IN ({','.join(['%s'] * len(request.pinned_page_ids))})"
            params += request.pinned_page_ids
        source = f"FROM search_searchdocument d, ({query_sql}) q WHERE {where}"
        with self._full_text_index_only(), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.content_type, d.site_keys, d.keyword_terms, count(*) {source} GROUP BY 1, 2, 3", params
            )
            combinations = Counter({tuple(row[:3]): row[3] for row in cursor.fetchall()})
            if limit <= 0 or not combinations:
                return combinations, []
            # Match on the full vector (its GIN index answers without reading the rows' large
            # values); rank on the small head vector, which stays in the row.
            cursor.execute(
                f"SELECT {LIGHT_COLUMNS}, ts_rank(d.head_vector, q.query) AS score {source} "  # noqa: S608 - only constants and %s placeholders
                "ORDER BY score DESC, d.id LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return combinations, cursor.fetchall()

    def _sqlite_matches(self, request: SearchRequest, filters: str, filter_params: list) -> list[tuple]:
        match = self._fts_match(request)
        if not match:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {LIGHT_COLUMNS}, -bm25(search_fts, 4.0, 4.0, 2.0, 1.0, 0.8) AS score "  # noqa: S608 - only constants and %s placeholders
                f"FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
                f"WHERE search_fts MATCH %s AND {filters} ORDER BY score DESC, d.id",
                [match, *filter_params],
            )
            return cursor.fetchall()

    @contextmanager
    def _full_text_index_only(self):
        """PostgreSQL: match through the GIN index, never by reading every row.

        The planner prices `@@` on a row as cheap, but each row's vector is a large value kept
        out of line: a sequential scan unpacks every one of them (90 ms at 10,000 pages), the
        GIN index answers without reading them (10 ms). SET LOCAL ends with the transaction."""
        if self.vendor != "postgresql":
            yield
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")

    def _hits(self, window, request: SearchRequest, pinned: set[int]) -> list[Hit]:
        if not window:
            return []
        ids = [r[0] for r in window]
        scores = {r[0]: float(r[5] or 0) for r in window}
        placeholders = ",".join(["%s"] * len(ids))
        snippet_source = " || E'\\n' || ".join(f"d.{f}" for f in request.snippet_fields)
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                query_sql, query_params = self._tsquery(request)
                cursor.execute(
                    f"SELECT {FULL_COLUMNS}, ts_headline('dutch', {snippet_source}, q.query, %s) "  # noqa: S608 - only constants and %s placeholders
                    f"FROM search_searchdocument d, ({query_sql}) q WHERE d.id IN ({placeholders})",
                    [HEADLINE_OPTIONS, *query_params, *ids],
                )
            else:
                cursor.execute(
                    f"SELECT {FULL_COLUMNS} FROM search_searchdocument d WHERE d.id IN ({placeholders})",  # noqa: S608
                    ids,
                )
            full = {row[0]: row for row in cursor.fetchall()}
        terms = [t for group in request.groups for alt in group for t in alt.split()]
        hits = []
        for row_id in ids:
            row = full[row_id]
            by_name = dict(zip(("summary", "phrasings", "public_text", "internal_text"), row[8:12], strict=True))
            if self.vendor == "postgresql":
                snippet = marked_to_html(row[12] or "")
            else:
                snippet = highlight("\n".join(by_name[f] for f in request.snippet_fields if by_name[f]), terms)
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
                )
            )
        return hits

    def _tsquery(self, request: SearchRequest) -> tuple[str, list]:
        """`SELECT <tsquery> AS query`: websearch_to_tsquery per alternative, a prefix for compounds."""
        group_sql, params = [], []
        for group in request.groups:
            alternatives = []
            for alternative in group:
                alternatives.append("websearch_to_tsquery('dutch', %s)")
                folded = fold(alternative)
                params.append(f'"{folded}"' if " " in folded else folded)
                prefix = stem(folded)
                if " " not in folded and prefix.isalnum() and len(prefix) >= 4:
                    alternatives.append("to_tsquery('simple', %s)")
                    params.append(f"{prefix}:*")
            group_sql.append("(" + " || ".join(alternatives) + ")")
        joiner = " && " if request.match == "all" else " || "
        return f"SELECT {joiner.join(group_sql) or 'NULL::tsquery'} AS query", params

    def _fts_match(self, request: SearchRequest) -> str:
        """An FTS5 MATCH expression over the stemmed columns the viewer may search."""
        groups = []
        for group in request.groups:
            alternatives = []
            for alternative in group:
                stems = analyse(alternative) or analyse(alternative, keep_stop_words=True)
                if not stems:
                    continue
                if len(stems) > 1:
                    alternatives.append('"' + " ".join(stems) + '"')
                else:
                    alternatives.append(f'"{stems[0]}"' + ("*" if len(stems[0]) >= 4 else ""))
            if alternatives:
                groups.append("(" + " OR ".join(dict.fromkeys(alternatives)) + ")")
        if not groups:
            return ""
        columns = FTS_ALL_COLUMNS if request.staff else FTS_PUBLIC_COLUMNS
        joiner = " AND " if request.match == "all" else " OR "
        return "{" + columns + "} : (" + joiner.join(groups) + ")"

    def suggest(self, prefix: str, *, audiences: tuple[str, ...], sites: list[str] | None, limit: int) -> list[str]:
        queryset = SearchDocument.objects.filter(
            generation=self._active_subquery(), live=True, audience__in=audiences
        ).filter(Q(title__istartswith=prefix) | Q(title__icontains=f" {prefix}"))
        if sites:
            site_filter = Q()
            for site in sites:
                site_filter |= Q(site_keys__contains=f"|{site}|")
            queryset = queryset.filter(site_filter)
        return list(queryset.order_by("title").values_list("title", flat=True).distinct()[:limit])

    def corrections(self, words: list[str], *, staff: bool) -> dict[str, str]:
        words = [fold(w) for w in words if len(w) >= 3 and not w.isdigit()]
        if not words:
            return {}
        terms = SearchTerm.objects.filter(generation=self._active_subquery())
        if not staff:
            terms = terms.filter(public_docs__gt=0)
        shortest, longest = min(map(len, words)), max(map(len, words))
        near = Q()
        for word in words:
            near |= Q(word__startswith=word[0]) | Q(word__endswith=word[-2:])
        candidates = list(
            terms.filter(length__gte=shortest - 2, length__lte=longest + 2).filter(near).values_list("word", "all_docs")
        )
        found = {}
        known = {word for word, _ in candidates}
        for word in words:
            if word in known or any(stem(c) == stem(word) for c, _ in candidates):
                continue
            limit = allowed_typos(word)
            best = None
            for candidate, frequency in candidates:
                distance = edit_distance(word, candidate, limit)
                if distance <= limit and (best is None or (distance, -frequency) < best[0]):
                    best = ((distance, -frequency), candidate)
            if best:
                found[word] = best[1]
        return found


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
