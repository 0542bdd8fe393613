"""Keywords and fragments become translatable (1/3): a locale and a translation key, still
empty. Split in three migrations: PostgreSQL refuses to alter a table in the transaction that
just filled it."""

import django.db.models.deletion
from django.db import migrations, models


def configured_locales(apps, schema_editor):
    from content.languages import ensure_locales

    ensure_locales(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0009_outbox_task"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(configured_locales, migrations.RunPython.noop),
        migrations.AddField(
            model_name="keyword",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="keyword",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="fragment",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="fragment",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]
