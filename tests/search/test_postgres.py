"""The database engine on PostgreSQL: matching goes through the GIN index, ranking uses the
small head vector, so a search does not unpack every page's large vector."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.query import search

pytestmark = [pytest.mark.django_db, pytest.mark.postgres, pytest.mark.integration]


@pytest.fixture(scope="module")
def module_search_content(module_search_content_with_english):
    """This module's content has English translations of some pages too."""


def _match_sql(viewer, query="paspoort", language=None):
    with CaptureQueriesContext(connection) as captured:
        search(query, viewer=viewer, language=language)
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


def test_an_english_search_also_matches_through_the_full_text_index(database_engine, public):
    sql = _match_sql(public, "passports", language="en")
    with database_engine._full_text_index_only(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_doc_public_fts" in plan and "Seq Scan on search_searchdocument" not in plan


def test_each_row_is_analysed_in_its_own_language(database_engine):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT language, search_text_config(language)::text, public_vector::text FROM search_searchdocument "
            "WHERE ref IN ('product-paspoort', 'product-passport') AND generation = "
            "(SELECT active FROM search_indexgeneration WHERE name = 'hub') ORDER BY language"
        )
        (english, english_config, english_vector), (dutch, dutch_config, dutch_vector) = cursor.fetchall()
    assert (english, english_config, dutch, dutch_config) == ("en", "english", "nl", "dutch")
    assert "'passport'" in english_vector and "'with'" not in english_vector  # stemmed, stop word gone
    assert "'paspoort'" in dutch_vector and "'met'" not in dutch_vector
