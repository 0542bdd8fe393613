"""The database engine on PostgreSQL: matching goes through the GIN index, ranking uses the
small head vector, so a search does not unpack every page's large vector."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.query import search

pytestmark = [pytest.mark.django_db, pytest.mark.postgres, pytest.mark.integration]


def _match_sql(viewer):
    with CaptureQueriesContext(connection) as captured:
        search("paspoort", viewer=viewer)
    [sql] = [q["sql"] for q in captured.captured_queries if "@@" in q["sql"] and "ts_rank" in q["sql"]]
    return sql


@pytest.mark.parametrize("vector_index", ["search_doc_public_fts", "search_doc_all_fts"])
def test_the_match_uses_the_full_text_index_and_ranks_on_the_head_vector(
    database_engine, public, staff_kcc, vector_index
):
    viewer = staff_kcc if vector_index == "search_doc_all_fts" else public
    sql = _match_sql(viewer)
    assert "ts_rank(d.head_vector" in sql
    with database_engine._full_text_index_only(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert vector_index in plan and "Seq Scan on search_searchdocument" not in plan
    # The planner setting does not outlive the search.
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
