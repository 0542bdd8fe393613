from django.conf import settings


def store_b1_report(sender, instance, created, **kwargs):
    """Every saved page revision gets its B1 report, in the same transaction as the revision."""
    if not created or not getattr(settings, "HUB_B1_STORE_ON_SAVE", True):
        return
    from .reports import store_for_revision

    store_for_revision(instance)
