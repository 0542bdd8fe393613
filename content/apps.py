from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Inhoud"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .signals import create_staff_group

        post_migrate.connect(create_staff_group, sender=self)
