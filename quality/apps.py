from django.apps import AppConfig


class QualityConfig(AppConfig):
    """Everything that judges content: B1 today; links, accessibility, review dates and
    feedback next. It reads and writes the facts that `content` stores (a revision's B1 report)
    and attaches its panels and the publish gate to the page models here, so the models never
    import it."""

    name = "quality"
    verbose_name = "Kwaliteit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals
        from .panels import attach_to_page_models

        signals.connect()
        attach_to_page_models()
