"""Set-up that needs the permissions Django creates after migrating."""

from django.contrib.auth.models import Group, Permission

KCC_GROUP = "KCC-medewerkers"


def create_staff_group(**kwargs):
    permission = Permission.objects.filter(codename="view_internal_content", content_type__app_label="content").first()
    if permission is None:
        return
    group, _ = Group.objects.get_or_create(name=KCC_GROUP)
    group.permissions.add(permission)


def _tombstone(instance, reason):
    from django.utils import timezone

    from .models import PageTombstone

    defaults = {"reason": reason, "removed_at": timezone.now()}
    if getattr(instance, "ref", ""):
        defaults["ref"] = instance.ref
    PageTombstone.objects.update_or_create(page_id=instance.pk, defaults=defaults)


def record_unpublished(sender, instance, **kwargs):
    _tombstone(instance, "unpublished")


def record_deleted(sender, instance, **kwargs):
    # Sent for the specific page and for its base Page row; one tombstone per page.
    # Connected to post_delete: Wagtail unpublishes a page just before deleting it.
    _tombstone(instance, "deleted")


def clear_tombstones(sender, instance, **kwargs):
    from .models import PageTombstone

    PageTombstone.objects.filter(page_id=instance.pk).delete()
