"""Keywords and fragments become translatable (3/3): locale and key required, one term or
ref per language."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("content", "0011_snippets_in_default_language")]

    operations = [
        migrations.AlterField(
            model_name="keyword",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="keyword",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="fragment",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="fragment",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="keyword",
            name="term",
            field=models.CharField(max_length=100, verbose_name="voorkeursterm"),
        ),
        migrations.AlterField(
            model_name="fragment",
            name="ref",
            field=models.SlugField(max_length=100, verbose_name="referentie"),
        ),
        migrations.AlterUniqueTogether(name="keyword", unique_together={("translation_key", "locale")}),
        migrations.AlterUniqueTogether(name="fragment", unique_together={("translation_key", "locale")}),
        migrations.AddConstraint(
            model_name="keyword",
            constraint=models.UniqueConstraint(fields=("term", "locale"), name="content_keyword_term_per_locale"),
        ),
        migrations.AddConstraint(
            model_name="fragment",
            constraint=models.UniqueConstraint(fields=("ref", "locale"), name="content_fragment_ref_per_locale"),
        ),
    ]
