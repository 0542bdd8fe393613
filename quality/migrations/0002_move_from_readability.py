"""Create the word-list tables where the old app did not (a fresh database), and move the old
app's content types to `quality` so that group permissions on the word lists are kept."""

from django.db import migrations

MODELS = ("glossaryterm", "allowedword")


def tables_and_content_types(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for name in MODELS:
        model = apps.get_model("quality", name)
        if model._meta.db_table not in existing:
            schema_editor.create_model(model)
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in MODELS:
        if not ContentType.objects.filter(app_label="quality", model=name).exists():
            ContentType.objects.filter(app_label="readability", model=name).update(app_label="quality")


class Migration(migrations.Migration):
    dependencies = [
        ("quality", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(tables_and_content_types, migrations.RunPython.noop)]
