"""The generation of the public content: one token that changes whenever anything a public
answer is made of changes (docs/operations.md, "Shared cache").

Every cache of public output (the GraphQL response cache, the Samenwerkende Catalogi feed) keys
its entries by this token, so a publish through one hub instance is seen by every other instance
at once: they share the token through Django's cache (Redis when several instances run). Old
entries are never deleted; nobody asks for their token again and they expire.

What moves the token: publishing, unpublishing, moving or deleting a page, saving a page outside
a draft (code and imports), and saving or deleting a fragment, site settings, a keyword, a
thesaurus entry, a site, a locale, an image, a document, a redirect, a view restriction or a tag;
the search subscriber moves it after it applied a batch (search results changed). Saving a draft
does not: the public sees nothing of it.

Within a transaction the token moves at once and again after the commit: a request on another
instance between the change and its commit may have stored the old content under the first new
token, never under the second.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

KEY = "content:generation"
# What a draft save writes to a page row (wagtail's save_revision and its lock fields).
DRAFT_FIELDS = frozenset(
    {
        "comments",
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# Models outside the page tree whose rows a public answer can show ("app_label.ModelName").
PUBLIC_MODELS = frozenset(
    {
        "content.Fragment",
        "content.Keyword",
        "content.KeywordBestBet",
        "content.SiteConfig",
        "content.MenuItem",
        "content.PageTombstone",
        "search.ThesaurusEntry",
        "wagtailcore.Site",
        "wagtailcore.Locale",
        "wagtailcore.PageViewRestriction",
        "wagtailcore.CollectionViewRestriction",
        "wagtailimages.Image",
        "wagtaildocs.Document",
        "wagtailredirects.Redirect",
        "taggit.Tag",
        "taggit.TaggedItem",
    }
)

# Sent by the shared cache when it answers again after an outage: whatever changed while it was
# away did not move the token there, so the token must move now.
shared_cache_recovered = Signal()


def shared_cache_available() -> bool:
    """Whether the cache's last answer came from the shared cache (hub.cache.SharedRedisCache
    tells; a local-memory cache of a single process always counts as shared)."""
    return getattr(cache, "is_available", lambda: True)()


def current() -> dict:
    """{"token": ..., "at": when it last moved, or None}; one cache read. While the shared cache
    is away every call gets a token of its own: nothing cached is reused then. (The read itself
    asks Redis again once the backend's retry pause is over.)"""
    value = cache.get(KEY)
    if value is None and shared_cache_available():
        cache.add(KEY, {"token": uuid4().hex, "at": None}, None)
        value = cache.get(KEY) or {"token": "none", "at": None}
    if not shared_cache_available():
        return _of_its_own()  # answered from this process's memory, where no publish reaches
    return value


def _of_its_own() -> dict:
    return {"token": uuid4().hex, "at": datetime.now(UTC)}


def move() -> None:
    """A new token, now."""
    cache.set(KEY, {"token": uuid4().hex, "at": datetime.now(UTC)}, None)


def changed() -> None:
    """Public content changed in the current transaction (or just now, outside one)."""
    move()  # also for what this transaction itself reads next (tests, one request that writes and reads)
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(callback is move for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(move)


def _is_page(instance) -> bool:
    from wagtail.models import Page

    return isinstance(instance, Page)


def _saved(sender, instance, update_fields=None, **kwargs) -> None:
    if _is_page(instance):
        if not (update_fields and set(update_fields) <= DRAFT_FIELDS):
            changed()
    elif sender._meta.label in PUBLIC_MODELS:
        changed()


def _deleted(sender, instance, **kwargs) -> None:
    if _is_page(instance) or sender._meta.label in PUBLIC_MODELS:
        changed()


def _m2m_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and (_is_page(instance) or instance._meta.label in PUBLIC_MODELS):
        changed()


def _on_event(sender=None, **kwargs) -> None:
    changed()


def connect() -> None:
    """Connect the token to the changes above (from `ContentConfig.ready()`)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move, shared_cache_recovered):
        signal.connect(_on_event, dispatch_uid=f"content-generation-{id(signal)}")
    post_save.connect(_saved, dispatch_uid="content-generation-save")
    post_delete.connect(_deleted, dispatch_uid="content-generation-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="content-generation-m2m")
