"""Editors' additions to the municipal thesaurus (search.models.ThesaurusEntry)."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0006_languages")]

    operations = [
        migrations.CreateModel(
            name="ThesaurusEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "phrase",
                    models.CharField(
                        help_text="Zoals inwoners het typen, bijvoorbeeld 'rood staan'.",
                        max_length=100,
                        verbose_name="woord of zinnetje van inwoners",
                    ),
                ),
                (
                    "terms",
                    models.CharField(
                        help_text="De woorden op onze pagina's, gescheiden door komma's. Bijvoorbeeld: schulden, schuldhulpverlening.",
                        max_length=300,
                        verbose_name="officiële woorden",
                    ),
                ),
                ("language", models.CharField(default="nl", max_length=10, verbose_name="taal")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="toegevoegd op")),
            ],
            options={
                "verbose_name": "thesauruswoord",
                "verbose_name_plural": "thesaurus",
                "constraints": [models.UniqueConstraint(fields=("language", "phrase"), name="thesaurus_phrase_once")],
            },
        ),
    ]
