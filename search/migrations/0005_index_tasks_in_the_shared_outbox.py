"""Move the index tasks into the outbox every subscriber shares (content.OutboxTask, subscriber
"search"), pending and applied alike, and keep `IndexTask` as a proxy that shows only those.

Nothing is lost: every row is copied, with its timestamps, attempts and last error, before the
old table is dropped. Reversible: going back copies the search tasks into `search_indextask`.
"""

from django.db import migrations

SUBSCRIBER = "search"
BATCH = 2000
# search.IndexTask said "index" where the shared outbox says "update".
TO_OUTBOX = {"index": "update", "delete": "delete"}
FROM_OUTBOX = {value: key for key, value in TO_OUTBOX.items()}
COPIED = ["created_at", "available_at", "applied_at", "attempts", "last_error"]


def _copy(rows, make, target):
    batch = []
    for row in rows:
        batch.append(make(row))
        if len(batch) >= BATCH:
            target.objects.bulk_create(batch)
            batch = []
    target.objects.bulk_create(batch)


def index_tasks_to_outbox(apps, schema_editor):
    IndexTask = apps.get_model("search", "IndexTask")
    OutboxTask = apps.get_model("content", "OutboxTask")
    _copy(
        IndexTask.objects.order_by("id").iterator(chunk_size=BATCH),
        lambda task: OutboxTask(
            subscriber=SUBSCRIBER,
            kind="page",
            object_id=task.page_id,
            action=TO_OUTBOX.get(task.action, "update"),
            reason=task.reason,
            **{name: getattr(task, name) for name in COPIED},
        ),
        OutboxTask,
    )


def outbox_to_index_tasks(apps, schema_editor):
    IndexTask = apps.get_model("search", "IndexTask")
    OutboxTask = apps.get_model("content", "OutboxTask")
    tasks = OutboxTask.objects.filter(subscriber=SUBSCRIBER, kind="page")
    _copy(
        tasks.order_by("id").iterator(chunk_size=BATCH),
        lambda task: IndexTask(
            page_id=task.object_id,
            action=FROM_OUTBOX.get(task.action, "index"),
            reason=task.reason[:50],
            **{name: getattr(task, name) for name in COPIED},
        ),
        IndexTask,
    )
    tasks.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0009_outbox_task"),
        ("search", "0004_head_vector"),
    ]

    operations = [
        migrations.RunPython(index_tasks_to_outbox, outbox_to_index_tasks),
        migrations.DeleteModel(
            name="IndexTask",
        ),
        migrations.CreateModel(
            name="IndexTask",
            fields=[],
            options={
                "verbose_name": "indexeertaak",
                "verbose_name_plural": "indexeertaken",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("content.outboxtask",),
        ),
    ]
