"""The transactional outbox shared by every subscriber (search, national catalogues, webhooks).

search.0005 moves the search index's tasks (search.IndexTask) into this table."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0008_editor_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name="OutboxTask",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("subscriber", models.CharField(max_length=50, verbose_name="afnemer")),
                ("kind", models.CharField(default="page", max_length=30, verbose_name="soort object")),
                ("object_id", models.PositiveBigIntegerField(verbose_name="object-id")),
                (
                    "action",
                    models.CharField(
                        choices=[("update", "bijwerken"), ("delete", "verwijderen")],
                        default="update",
                        max_length=10,
                        verbose_name="actie",
                    ),
                ),
                ("reason", models.CharField(blank=True, max_length=100, verbose_name="aanleiding")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="aangemaakt")),
                (
                    "available_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="uit te voeren vanaf"),
                ),
                ("applied_at", models.DateTimeField(blank=True, null=True, verbose_name="uitgevoerd")),
                ("attempts", models.PositiveIntegerField(default=0, verbose_name="pogingen")),
                ("last_error", models.TextField(blank=True, verbose_name="laatste fout")),
            ],
            options={
                "verbose_name": "uitgaande taak",
                "verbose_name_plural": "uitgaande taken",
                "indexes": [
                    models.Index(
                        condition=models.Q(("applied_at__isnull", True)),
                        fields=["subscriber", "available_at"],
                        name="outbox_due",
                    ),
                    models.Index(
                        condition=models.Q(("applied_at__isnull", True)),
                        fields=["subscriber", "kind", "object_id"],
                        name="outbox_pending_object",
                    ),
                    models.Index(fields=["subscriber", "applied_at"], name="outbox_applied"),
                ],
            },
        ),
    ]
