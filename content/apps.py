from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Inhoud"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.models import Page
        from wagtail.signals import copy_for_translation_done, page_published, page_unpublished

        from . import generation
        from .audit import sign_in as audit_sign_in
        from .models import SiteConfig
        from .models.pages import HUB_PAGE_MODELS
        from .serving import attach_to_page_models as serve_on_websites
        from .signals import clear_tombstones, ensure_roles, record_deleted, record_unpublished, site_editors_for_config
        from .translation_admin import attach_to_page_models
        from .translations import record_new_translation

        post_migrate.connect(ensure_roles, sender=self)
        audit_sign_in.connect()
        generation.connect()
        copy_for_translation_done.connect(record_new_translation, dispatch_uid="hub-translation-synced")
        attach_to_page_models()
        serve_on_websites()
        post_save.connect(site_editors_for_config, sender=SiteConfig, dispatch_uid="hub-site-editors")
        for model in HUB_PAGE_MODELS:
            page_unpublished.connect(record_unpublished, sender=model, dispatch_uid=f"tomb-unpub-{model.__name__}")
            page_published.connect(clear_tombstones, sender=model, dispatch_uid=f"tomb-pub-{model.__name__}")
            post_delete.connect(record_deleted, sender=model, dispatch_uid=f"tomb-del-{model.__name__}")
        post_delete.connect(record_deleted, sender=Page, dispatch_uid="tomb-del-page")
