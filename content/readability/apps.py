from django.apps import AppConfig


class ReadabilityConfig(AppConfig):
    name = "content.readability"
    label = "readability"
    verbose_name = "Taal (B1)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
