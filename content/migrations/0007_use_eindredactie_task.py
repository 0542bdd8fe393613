"""The "Eindredactie" workflow uses the task that shows the B1 report."""

from django.db import migrations


def use_b1_task(apps, schema_editor):
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    EindredactieTask = apps.get_model("content", "EindredactieTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = GroupApprovalTask.objects.filter(name="Eindredactie").first()
    task_type, _ = ContentType.objects.get_or_create(app_label="content", model="eindredactietask")
    new, _ = EindredactieTask.objects.get_or_create(name="Eindredactie (B1)",
                                                    defaults={"content_type": task_type, "active": True})
    if old is None:
        return
    new.groups.set(old.groups.all())
    WorkflowTask.objects.filter(task_id=old.pk).update(task_id=new.pk)
    old.active = False
    old.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [("content", "0006_eindredactie_task")]
    operations = [migrations.RunPython(use_b1_task, migrations.RunPython.noop)]
