"""Signal handlers of the content app: editor roles and page tombstones."""

from django.apps import apps

from .languages import ensure_locales, language_of
from .roles import KCC_STAFF as KCC_GROUP
from .roles import apply_base_roles, apply_site_editor_role, ensure_permissions_exist

__all__ = ["KCC_GROUP", "ensure_roles"]


def ensure_roles(**kwargs):
    """Keep the base editor groups and their permissions in place (after every migrate, and
    after a test flush, which empties the permission tables)."""
    ensure_locales(apps)
    ensure_permissions_exist(apps)
    apply_base_roles(apps)


def site_editors_for_config(sender, instance, **kwargs):
    """A site that gets its key gets its own editors' group, limited to its tree."""
    if instance.key and instance.site_id:
        root_page_id = type(instance.site).objects.filter(pk=instance.site_id).values_list("root_page_id", flat=True)
        apply_site_editor_role(apps, instance.key, root_page_id.first())


def _tombstone(instance, reason):
    from django.utils import timezone

    from .models import PageTombstone

    defaults = {"reason": reason, "removed_at": timezone.now(), "language": language_of(instance)}
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
