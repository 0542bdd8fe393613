"""Groups for web editors and final editors, and the "Eindredactie" approval workflow."""

from django.db import migrations

EDITOR_PERMISSIONS = ["add_page", "change_page"]
FINAL_EDITOR_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ContentType = apps.get_model("contenttypes", "ContentType")

    admin_access = Permission.objects.filter(codename="access_admin").first()
    root = Page.objects.filter(depth=1).first()
    groups = {}
    for name, codenames in (("Webredacteuren", EDITOR_PERMISSIONS), ("Eindredacteuren", FINAL_EDITOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        if admin_access:
            group.permissions.add(admin_access)
        if root:
            for codename in codenames:
                permission = Permission.objects.filter(codename=codename, content_type__app_label="wagtailcore").first()
                if permission:
                    GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        groups[name] = group

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Eindredactie", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(groups["Eindredacteuren"])
    workflow_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="workflow")
    workflow, _ = Workflow.objects.get_or_create(name="Eindredactie", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root:
        WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
