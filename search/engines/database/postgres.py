"""The database engine on PostgreSQL: generated tsvector columns analysed in each row's language
and GIN indexes (migrations 0002, 0004 and 0006), `websearch_to_tsquery`, `ts_rank` and
`ts_headline`. `search_text_config(language)` (migration 0006) maps a language to its text
search configuration (`dutch`, `english`) for the columns and the queries alike.

The columns follow the rows by themselves, so writing needs nothing beyond the shared code but
fresh statistics after a rebuild. A search counts its matches per facet combination in SQL and
fetches only the ranked slice: however many pages match, only the rows of one page travel.
"""

from __future__ import annotations

import math
from collections import Counter
from contextlib import contextmanager

from django.db import connection, transaction

from ...analysis import fold, stem
from ...highlight import MARK_END, MARK_START, marked_to_html
from ...understanding import AS_TYPED_WEIGHT, prefix_allowed
from ..base import SearchRequest
from .base import FULL_COLUMNS, LIGHT_COLUMNS, TYPE_FACTOR_SQL, DatabaseEngine

HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, ShortWord=2"


class PostgresDatabaseEngine(DatabaseEngine):
    vendor = "postgresql"

    def _after_rebuild(self):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")  # fresh statistics for the new rows

    def size_on_disk(self) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size('search_searchdocument') + pg_total_relation_size('search_searchterm')"
            )
            return int(cursor.fetchone()[0])

    def _combinations_and_window(
        self, request: SearchRequest, pinned: list[tuple], filters: str, filter_params: list
    ) -> tuple[Counter, list[tuple]]:
        first, last = request.offset, request.offset + request.limit
        combinations, rest = self._matches(
            request,
            offset=max(0, first - len(pinned)),
            limit=last - first - len(pinned[first:last]),
        )
        combinations.update(row[2:5] for row in pinned)
        return combinations, pinned[first:last] + rest

    def _matches(self, request: SearchRequest, *, offset: int, limit: int) -> tuple[Counter, list[tuple]]:
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
            # values); rank on the small head vector, which stays in the row. Pages with the
            # words as typed in their head come first (the head vector is in the row, too).
            order, order_params = "", []
            typed = request.as_typed_groups
            if typed:
                typed_sql, order_params = self._tsquery_expression(request, typed)
                order = f"(d.head_vector @@ ({typed_sql})) DESC, "
            rank, rank_params = self._rank(request, cursor)
            cursor.execute(
                f"SELECT {LIGHT_COLUMNS}, {rank} * {TYPE_FACTOR_SQL} AS score {source} "  # noqa: S608 - only constants and %s placeholders
                f"ORDER BY {order}score DESC, d.id LIMIT %s OFFSET %s",
                [*rank_params, *params, *order_params, limit, offset],
            )
            return combinations, cursor.fetchall()

    def _rank(self, request: SearchRequest, cursor) -> tuple[str, list]:
        """`ts_rank` on the head vector; with more than one group, each group's rank weighed by
        how rare its words are (BM25's idf from the vocabulary), as BM25 does on the other
        engines: "afspraak paspoort" ranks by "paspoort". ts_rank alone counts every word alike."""
        if len(request.groups) < 2:
            return "ts_rank(d.head_vector, q.query)", []
        weights = self._group_idf(request, cursor)
        parts, params = [], []
        for group, weight in zip(request.groups, weights, strict=True):
            expression, group_params = self._tsquery_expression(request, [group])
            parts.append(f"{weight:.4f} * ts_rank(d.head_vector, {expression})")
            params += group_params
        return "(" + " + ".join(parts) + ")", params

    def _group_idf(self, request: SearchRequest, cursor) -> list[float]:
        """Per group: the idf of its most common word as typed (one query on the vocabulary)."""
        words = {
            group_index: [fold(a) for a in group if " " not in a.strip() and request.weight(a) >= AS_TYPED_WEIGHT]
            for group_index, group in enumerate(request.groups)
        }
        every = sorted({w for found in words.values() for w in found})
        if not every:
            return [1.0] * len(request.groups)
        column = "all_docs" if request.staff else "public_docs"
        active = "(SELECT active FROM search_indexgeneration WHERE name = %s)"
        cursor.execute(
            f"SELECT t.word, t.{column}, (SELECT count(*) FROM search_searchdocument d "  # noqa: S608 - only constants and %s placeholders
            f"WHERE d.generation = {active} AND d.language = %s) FROM search_searchterm t "
            f"WHERE t.generation = {active} AND t.language = %s AND t.word = ANY(%s)",
            [self.index_prefix, request.language, self.index_prefix, request.language, every],
        )
        rows = cursor.fetchall()
        frequency = {word: count for word, count, _ in rows}
        total = rows[0][2] if rows else 0
        return [
            math.log(1 + (total - df + 0.5) / (df + 0.5))
            for df in (max((frequency.get(w, 0) for w in words[i]), default=0) for i in range(len(request.groups)))
        ]

    @contextmanager
    def _full_text_index_only(self):
        """Match through the GIN index, never by reading every row.

        The planner prices `@@` on a row as cheap, but each row's vector is a large value kept
        out of line: a sequential scan unpacks every one of them (90 ms at 10,000 pages), the
        GIN index answers without reading them (10 ms). SET LOCAL ends with the transaction."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")

    def _rows_with_snippets(self, request: SearchRequest, ids: list[int]) -> dict[int, tuple[tuple, str]]:
        placeholders = ",".join(["%s"] * len(ids))
        snippet_source = " || E'\\n' || ".join(f"d.{f}" for f in request.snippet_fields)
        query_sql, query_params = self._tsquery(request)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {FULL_COLUMNS}, ts_headline(search_text_config(%s), {snippet_source}, q.query, %s) "  # noqa: S608 - only constants and %s placeholders
                f"FROM search_searchdocument d, ({query_sql}) q WHERE d.id IN ({placeholders})",
                [request.language, HEADLINE_OPTIONS, *query_params, *ids],
            )
            return {row[0]: (row, marked_to_html(row[12] or "")) for row in cursor.fetchall()}

    def _tsquery(self, request: SearchRequest) -> tuple[str, list]:
        """`SELECT <tsquery> AS query`: websearch_to_tsquery per alternative in the request's
        language, a prefix for compounds."""
        expression, params = self._tsquery_expression(request, request.groups)
        return f"SELECT {expression} AS query", params

    def _tsquery_expression(self, request: SearchRequest, groups: list[list[str]]) -> tuple[str, list]:
        group_sql, params = [], []
        for group in groups:
            alternatives = []
            for alternative in group:
                alternatives.append("websearch_to_tsquery(search_text_config(%s), %s)")
                folded = fold(alternative)
                params += [request.language, f'"{folded}"' if " " in folded else folded]
                prefix = stem(folded, request.language)
                whole_word_only = not prefix_allowed(request.weight(alternative))
                if " " not in folded and prefix.isalnum() and len(prefix) >= 4 and not whole_word_only:
                    alternatives.append("to_tsquery('simple', %s)")
                    params.append(f"{prefix}:*")
            group_sql.append("(" + " || ".join(alternatives) + ")")
        joiner = " && " if request.match == "all" else " || "
        return joiner.join(group_sql) or "NULL::tsquery", params
