"""Languages: every indexed page and every vocabulary word has a `language`.

PostgreSQL: the full-text columns (`public_vector`, `all_vector`, `head_vector`) are analysed in
the row's language instead of always in Dutch. `search_text_config(language)`, an immutable SQL
function, is the one place that maps a language code to a text search configuration: the
generated columns and the queries both call it (`dutch` for nl, `english` for en, `simple` for a
language without stemming yet). Existing rows were Dutch and stay so; their columns are
recomputed as the columns are added again. SQLite stores text stemmed in Python: nothing to do.
"""

from django.db import migrations, models

ACCENTED = "áàâäãéèêëíìîïóòôöõúùûüçñý"
PLAIN = "aaaaaeeeeiiiiooooouuuucny"

TEXT_CONFIG_FUNCTION = """
CREATE OR REPLACE FUNCTION search_text_config(text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE $1
        WHEN 'nl' THEN 'pg_catalog.dutch'::regconfig
        WHEN 'en' THEN 'pg_catalog.english'::regconfig
        ELSE 'pg_catalog.simple'::regconfig
    END
$$
"""

PUBLIC_COLUMNS = [
    ("title", "A"),
    ("keyword_text", "A"),
    ("upl_name", "A"),
    ("summary", "B"),
    ("phrasings", "B"),
    ("public_text", "C"),
]
HEAD_COLUMNS = PUBLIC_COLUMNS[:5]
LARGE_COLUMNS = ["public_vector", "all_vector"]


def _vector(config, column, weight):
    return (
        f"setweight(to_tsvector({config}, translate(lower(coalesce({column}, '')), "
        f"'{ACCENTED}', '{PLAIN}')), '{weight}')"
    )


def _vectors(config) -> dict[str, str]:
    public = " || ".join(_vector(config, column, weight) for column, weight in PUBLIC_COLUMNS)
    return {
        "public_vector": public,
        "all_vector": f"{public} || {_vector(config, 'internal_text', 'D')}",
        "head_vector": " || ".join(_vector(config, column, weight) for column, weight in HEAD_COLUMNS),
    }


def _replace_vectors(cursor, config):
    cursor.execute(
        "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head_vector, "
        "DROP COLUMN IF EXISTS public_vector, DROP COLUMN IF EXISTS all_vector"
    )
    cursor.execute(
        "ALTER TABLE search_searchdocument "
        + ", ".join(
            f"ADD COLUMN {name} tsvector GENERATED ALWAYS AS ({expression}) STORED"
            for name, expression in _vectors(config).items()
        )
    )
    cursor.execute("CREATE INDEX search_doc_public_fts ON search_searchdocument USING GIN (public_vector)")
    cursor.execute("CREATE INDEX search_doc_all_fts ON search_searchdocument USING GIN (all_vector)")
    cursor.execute("SAVEPOINT search_lz4")
    try:
        cursor.execute(
            "ALTER TABLE search_searchdocument "
            + ", ".join(f"ALTER COLUMN {c} SET COMPRESSION lz4" for c in LARGE_COLUMNS)
        )
        cursor.execute("RELEASE SAVEPOINT search_lz4")
    except Exception:  # noqa: BLE001 - a server built without lz4 keeps its default (pglz)
        cursor.execute("ROLLBACK TO SAVEPOINT search_lz4")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(TEXT_CONFIG_FUNCTION)
        _replace_vectors(cursor, "search_text_config(language)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        _replace_vectors(cursor, "'dutch'::regconfig")
        cursor.execute("DROP FUNCTION IF EXISTS search_text_config(text)")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_index_tasks_in_the_shared_outbox")]

    operations = [
        migrations.RemoveConstraint(model_name="searchterm", name="search_term_once"),
        migrations.RemoveIndex(model_name="searchterm", name="search_term_length"),
        migrations.AddField(
            model_name="searchdocument",
            name="language",
            field=models.CharField(default="nl", max_length=10),
        ),
        migrations.AddField(
            model_name="searchterm",
            name="language",
            field=models.CharField(default="nl", max_length=10),
        ),
        migrations.AddIndex(
            model_name="searchterm",
            index=models.Index(fields=["generation", "language", "length"], name="search_term_language_length"),
        ),
        migrations.AddConstraint(
            model_name="searchterm",
            constraint=models.UniqueConstraint(
                fields=("generation", "language", "word"), name="search_term_once_per_language"
            ),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
