from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Zoeken"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from content.models import Fragment, Keyword, KeywordBestBet
        from content.models.pages import HUB_PAGE_MODELS
        from content.outbox import Subscriber, register

        from . import signals
        from .outbox import SUBSCRIBER, index_batch

        # Index updates are applied inline in development (HUB_OUTBOX_INLINE), by the worker in production.
        register(Subscriber(SUBSCRIBER, index_batch))

        for model in HUB_PAGE_MODELS:
            name = model.__name__
            page_published.connect(signals.page_published, sender=model, dispatch_uid=f"search-pub-{name}")
            page_unpublished.connect(signals.page_unpublished, sender=model, dispatch_uid=f"search-unpub-{name}")
            post_page_move.connect(signals.page_moved, sender=model, dispatch_uid=f"search-move-{name}")
        # Deleting a page sends post_delete for its specific class and for Page; the base row suffices.
        post_delete.connect(signals.page_deleted, sender=Page, dispatch_uid="search-del-page")
        # Moving a section moves every page below it.
        from content.models import HomePage, SectionPage

        for model in (SectionPage, HomePage):
            post_page_move.connect(signals.page_moved, sender=model, dispatch_uid=f"search-move-{model.__name__}")
        post_save.connect(signals.keyword_saved, sender=Keyword, dispatch_uid="search-keyword-save")
        pre_delete.connect(signals.keyword_deleting, sender=Keyword, dispatch_uid="search-keyword-delete")
        post_save.connect(signals.best_bet_changed, sender=KeywordBestBet, dispatch_uid="search-bestbet-save")
        post_delete.connect(signals.best_bet_changed, sender=KeywordBestBet, dispatch_uid="search-bestbet-del")
        post_save.connect(signals.fragment_saved, sender=Fragment, dispatch_uid="search-fragment-save")
        # An editor's thesaurus entry works in the next search: it shares the keywords' token.
        from .models import ThesaurusEntry

        post_save.connect(signals.best_bet_changed, sender=ThesaurusEntry, dispatch_uid="search-thesaurus-save")
        post_delete.connect(signals.best_bet_changed, sender=ThesaurusEntry, dispatch_uid="search-thesaurus-del")
        # Changes made while the shared cache was away did not reach it: read the token anew.
        from content.generation import shared_cache_recovered

        from .keywords import forget_version_token

        shared_cache_recovered.connect(forget_version_token, dispatch_uid="search-keywords-recovered")
