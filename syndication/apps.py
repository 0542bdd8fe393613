from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Feeds and pushes to national systems: Samenwerkende Catalogi 4.0 (a feed), the SDG
    product API and KISS through an Objects API (pushes on the shared outbox). Each target is
    a pure mapping from the content model plus a small sender; `content.visibility` decides
    what is public. Imports `content` only."""

    name = "syndication"
    verbose_name = "Landelijke catalogi"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import panels, sc_feed, subscribers

        subscribers.register_all()
        sc_feed.register()
        panels.attach_to_page_models()
