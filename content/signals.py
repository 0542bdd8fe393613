"""Set-up that needs the permissions Django creates after migrating."""

from django.contrib.auth.models import Group, Permission

KCC_GROUP = "KCC-medewerkers"


def create_staff_group(**kwargs):
    permission = Permission.objects.filter(
        codename="view_internal_content", content_type__app_label="content").first()
    if permission is None:
        return
    group, _ = Group.objects.get_or_create(name=KCC_GROUP)
    group.permissions.add(permission)
