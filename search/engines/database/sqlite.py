"""The database engine on SQLite: an FTS5 table (`search_fts`, migration 0002) of stemmed text,
stemmed in Python in each document's language (see search.analysis), ranked with bm25 and
highlighted in Python. The query is stemmed in the request's language and only rows of that
language are joined, so Dutch and English stems never meet.

The FTS5 table is a separate index keyed by the SearchDocument id (its rowid), so every write
to the rows is repeated there. A search reads the light columns of every match, best bets
first, and counts the facets of them all in Python.
"""

from __future__ import annotations

from collections import Counter

from django.db import connection

from ...analysis import analyse
from ...documents import IndexDocument
from ...highlight import highlight
from ...models import SearchDocument
from ...understanding import prefix_allowed
from ..base import SearchRequest
from .base import FULL_COLUMNS, LIGHT_COLUMNS, TYPE_FACTOR_SQL, DatabaseEngine

FTS_PUBLIC_COLUMNS = "title keywords summary public_text"
FTS_ALL_COLUMNS = "title keywords summary public_text internal_text"
FTS_HEAD_COLUMNS = "title keywords summary"  # search.engines.base.HEAD_FIELDS


class SQLiteDatabaseEngine(DatabaseEngine):
    vendor = "sqlite"

    # --- the FTS5 table follows the rows ----------------------------------------------------
    def _add_to_text_index(self, generation: int, documents: list[IndexDocument], rows: list[SearchDocument]):
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
                        " ".join(analyse(d.title, language=d.language)),
                        " ".join(analyse(f"{d.keyword_text} {d.upl_name}", language=d.language)),
                        " ".join(analyse(f"{d.summary} {' '.join(d.phrasings)}", language=d.language)),
                        " ".join(analyse(d.public_text, language=d.language)),
                        " ".join(analyse(d.internal_text, language=d.language)),
                    )
                    for d in documents
                ],
            )

    def _remove_from_text_index(self, ids: list[int]):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({','.join(['%s'] * len(ids))})", ids)  # noqa: S608 - only constants and %s placeholders

    def _drop_generation_from_text_index(self, generation: int):
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_searchdocument WHERE generation = %s)",
                [generation],
            )

    def size_on_disk(self) -> int | None:
        with connection.cursor() as cursor:
            try:
                cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_%%'")
                value = cursor.fetchone()[0]
            except Exception:  # noqa: BLE001 - SQLite built without dbstat
                return None
            return int(value or 0)

    # --- searching --------------------------------------------------------------------------
    def _combinations_and_window(
        self, request: SearchRequest, pinned: list[tuple], filters: str, filter_params: list
    ) -> tuple[Counter, list[tuple]]:
        matches = self._matches(request, filters, filter_params)
        rows = pinned + [r for r in matches if r[1] not in request.pinned_page_ids]
        return Counter(row[2:5] for row in rows), rows[request.offset : request.offset + request.limit]

    def _matches(self, request: SearchRequest, filters: str, filter_params: list) -> list[tuple]:
        """Every match the viewer may see, best first (light columns and score)."""
        match = self._fts_match(request)
        if not match:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {LIGHT_COLUMNS}, -bm25(search_fts, 4.0, 4.0, 2.0, 1.0, 0.8) * {TYPE_FACTOR_SQL} AS score "  # noqa: S608 - only constants and %s placeholders
                f"FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
                f"WHERE search_fts MATCH %s AND {filters} ORDER BY score DESC, d.id",
                [match, *filter_params],
            )
            rows = cursor.fetchall()
            typed = request.as_typed_groups
            if typed and rows:
                # Pages with the words as typed in their head come first (the sort keeps the rank).
                head = self._fts_match(request, typed, columns=FTS_HEAD_COLUMNS)
                cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [head])
                as_typed = {row[0] for row in cursor.fetchall()}
                rows.sort(key=lambda row: row[0] not in as_typed)
            return rows

    def _fts_match(self, request: SearchRequest, groups: list[list[str]] | None = None, columns: str = "") -> str:
        """An FTS5 MATCH expression over the stemmed columns the viewer may search."""
        match_groups = []
        for group in request.groups if groups is None else groups:
            alternatives = []
            for alternative in group:
                language = request.language
                stems = analyse(alternative, language=language) or analyse(
                    alternative, keep_stop_words=True, language=language
                )
                if not stems:
                    continue
                if len(stems) > 1:
                    alternatives.append('"' + " ".join(stems) + '"')
                else:
                    prefix = len(stems[0]) >= 4 and prefix_allowed(request.weight(alternative))
                    alternatives.append(f'"{stems[0]}"' + ("*" if prefix else ""))
            if alternatives:
                match_groups.append("(" + " OR ".join(dict.fromkeys(alternatives)) + ")")
        if not match_groups:
            return ""
        columns = columns or (FTS_ALL_COLUMNS if request.staff else FTS_PUBLIC_COLUMNS)
        joiner = " AND " if request.match == "all" else " OR "
        return "{" + columns + "} : (" + joiner.join(match_groups) + ")"

    def _rows_with_snippets(self, request: SearchRequest, ids: list[int]) -> dict[int, tuple[tuple, str]]:
        placeholders = ",".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {FULL_COLUMNS} FROM search_searchdocument d WHERE d.id IN ({placeholders})",  # noqa: S608
                ids,
            )
            rows = cursor.fetchall()
        terms = [t for group in request.groups for alt in group for t in alt.split()]
        snippets = {}
        for row in rows:
            by_name = dict(zip(("summary", "phrasings", "public_text", "internal_text"), row[8:12], strict=True))
            snippets[row[0]] = (
                row,
                highlight(
                    "\n".join(by_name[f] for f in request.snippet_fields if by_name[f]),
                    terms,
                    language=request.language,
                ),
            )
        return snippets
