"""Full-text structures of the database engine, per database.

PostgreSQL: two generated tsvector columns with the `dutch` configuration and GIN indexes
(public fields only, and public + internal), and pg_trgm on the vocabulary when the role may
create the extension (it is "trusted" since PostgreSQL 13; without it typo correction falls
back to Python). SQLite: an FTS5 table whose rowid is the SearchDocument id.
"""

from django.db import migrations

# ASCII folding inside an immutable expression (unaccent() is not immutable).
ACCENTED = "áàâäãéèêëíìîïóòôöõúùûüçñý"
PLAIN = "aaaaaeeeeiiiiooooouuuucny"


def _vector(column, weight):
    return (
        f"setweight(to_tsvector('dutch'::regconfig, translate(lower(coalesce({column}, '')), "
        f"'{ACCENTED}', '{PLAIN}')), '{weight}')"
    )


PUBLIC_VECTOR = " || ".join(
    [
        _vector("title", "A"),
        _vector("keyword_text", "A"),
        _vector("upl_name", "A"),
        _vector("summary", "B"),
        _vector("phrasings", "B"),
        _vector("public_text", "C"),
    ]
)
ALL_VECTOR = f"{PUBLIC_VECTOR} || {_vector('internal_text', 'D')}"

FTS5_COLUMNS = "title, keywords, summary, public_text, internal_text"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "ALTER TABLE search_searchdocument "
                f"ADD COLUMN public_vector tsvector GENERATED ALWAYS AS ({PUBLIC_VECTOR}) STORED, "
                f"ADD COLUMN all_vector tsvector GENERATED ALWAYS AS ({ALL_VECTOR}) STORED"
            )
            cursor.execute("CREATE INDEX search_doc_public_fts ON search_searchdocument USING GIN (public_vector)")
            cursor.execute("CREATE INDEX search_doc_all_fts ON search_searchdocument USING GIN (all_vector)")
            cursor.execute("SAVEPOINT search_trgm")
            try:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                cursor.execute(
                    "CREATE INDEX search_term_trgm ON search_searchterm USING GIN (word gin_trgm_ops)"
                )
                cursor.execute("RELEASE SAVEPOINT search_trgm")
            except Exception:  # noqa: BLE001 - no permission for the extension: Python fallback
                cursor.execute("ROLLBACK TO SAVEPOINT search_trgm")
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE search_fts USING fts5({FTS5_COLUMNS}, tokenize='unicode61 remove_diacritics 2')"
            )


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE search_searchdocument DROP COLUMN public_vector, DROP COLUMN all_vector")
            cursor.execute("DROP INDEX IF EXISTS search_term_trgm")
        elif connection.vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
