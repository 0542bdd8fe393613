"""The Samenwerkende Catalogi feed of an organisation: which products are in it, the feed built
in batches, cached until something it shows changes, and the editor's answer for the panel.

A feed belongs to an organisation (a gemeente, by its OWMS identifier), asked for through one of
its sites: every site with the same OWMS identifier contributes the products of its own tree, so
the national harvester needs one address per gemeente, whichever of its sites it was given.
Which products: every product page in those trees in the default language that a public web
visitor may see (`content.visibility`) and that passes `sc.problems` (UPL, summary, the site's
organisation). A product shown on another site through `also_on` is in the feed once, with its
canonical URL (on its own site) as identifier.

Caching: the feed is kept in Django's cache under a generation token. A publish, unpublish,
move or delete of any page, a change to a fragment and a change to the site settings start a
new generation once their transaction commits (links and fragments inside a product's text
change the feed too); the next request builds the feed again. With a shared cache (Redis in
production) every hub instance sees the new generation at once.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

from django.conf import settings
from django.core.cache import cache

from content import generation as public_generation
from content.languages import default_language
from content.models import PageTombstone, ProductPage, SiteConfig, SiteDirectory
from content.visibility import PUBLIC_WEB, visible_pages_queryset

from . import sc
from .audit import record_feed_build
from .sc_html import load_context
from .status import Delivery, register_target

logger = logging.getLogger(__name__)

CHUNK = 500  # products rendered per batch: references are loaded once per batch
FEED_TIMEOUT = 24 * 60 * 60  # old generations fall out of the cache by themselves


@dataclass
class Feed:
    body: bytes
    etag: str
    last_modified: datetime
    products: int
    left_out: list[tuple[str, list[str]]] = field(default_factory=list)  # (ref, reasons)


def default_site(directory: SiteDirectory) -> SiteConfig | None:
    """The settings of Wagtail's default site (the feed without `?site=`)."""
    return next((c for c in directory.by_key.values() if c.site.is_default_site), None)


def absolute_media_url(url: str) -> str:
    """Media (images, documents) are served by the hub: absolute on its public base URL."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", url)


def organisation_sites(config: SiteConfig, directory: SiteDirectory) -> list[SiteConfig]:
    """The sites of the organisation of `config` (same OWMS identifier), the one whose name and
    identifier the feed carries first: the default site when it is one of them, else by key."""
    identifier = config.owms_identifier.strip()
    sites = [c for c in directory.by_key.values() if identifier and c.owms_identifier.strip() == identifier]
    return sorted(sites or [config], key=lambda c: (not c.site.is_default_site, c.key))


def visible_products(sites: list[SiteConfig], directory: SiteDirectory):
    """The products a public visitor may see in the sites' own default-language trees, by path
    (one query, with the visibility rule as a subquery)."""
    from django.db.models import Q
    from wagtail.models import Page

    roots = [r for r in (directory.root_for(c, default_language()) for c in sites) if r is not None]
    if not roots:
        return ProductPage.objects.none()
    in_trees = Q()
    for root in roots:
        in_trees |= Q(path__startswith=root.path) & ~Q(path=root.path)
    pages = Page.objects.filter(in_trees).type(ProductPage)
    visible = visible_pages_queryset(pages, PUBLIC_WEB).values("pk")
    return ProductPage.objects.filter(pk__in=visible).order_by("path")


def _batches(iterable, size: int):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def build_feed(config: SiteConfig, directory: SiteDirectory | None = None, *, absolute=absolute_media_url) -> Feed:
    """The whole feed of the organisation of a site, rendered now (uncached)."""
    directory = directory or SiteDirectory()
    sites = organisation_sites(config, directory)
    owner = sites[0]
    parts = [sc.feed_start()]
    left_out: list[tuple[str, list[str]]] = []
    newest: list[datetime] = []
    count = 0
    for pages in _batches(visible_products(sites, directory).iterator(chunk_size=CHUNK), CHUNK):
        context = load_context([p.body.raw_data for p in pages], directory, absolute)
        for page in pages:
            if directory.site_of(page) not in sites:
                continue  # in a nested site's tree of another organisation: that one's feed
            reasons = sc.problems(page, directory)
            if reasons:
                left_out.append((page.ref, reasons))
                continue
            parts.append(sc.product_xml(page, directory.url_of(page), owner, context))
            count += 1
            if page.last_published_at:
                newest.append(page.last_published_at)
    parts.append(sc.feed_end())
    body = "".join(parts).encode("utf-8")
    if left_out:
        logger.info("SC feed of %s: %d product(s) left out: %s", owner.key, len(left_out), left_out[:20])
    removed = PageTombstone.objects.order_by("-removed_at").values_list("removed_at", flat=True).first()
    moments = [*newest, *([removed] if removed else [])]
    return Feed(
        body=body,
        etag='"' + hashlib.sha256(body).hexdigest()[:40] + '"',
        last_modified=max(moments) if moments else datetime.now(UTC),
        products=count,
        left_out=left_out,
    )


# --- the cache -------------------------------------------------------------------------------
# Shared cache (Django's, Redis in production) under the generation token, plus a copy in this
# process: a feed of thousands of products is tens of megabytes, and unpickling it on every
# request would cost more than the request. The copy is dropped as soon as the generation moves.
_local: dict[str, object] = {}
_local_token: list[str] = [""]


def generation() -> dict:
    """The public content's generation (content.generation); drops this process's copies when
    it moved."""
    current = public_generation.current()
    if current["token"] != _local_token[0]:
        _local.clear()
        _local_token[0] = current["token"]
    return current


def invalidate() -> None:
    """Start a new generation: every feed is built again on its next request."""
    public_generation.move()


def _get(key: str):
    value = _local.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            _local[key] = value
    return value


def _set(key: str, value) -> None:
    cache.set(key, value, FEED_TIMEOUT)
    _local[key] = value


def cached(requested: str) -> Feed | None:
    """The current feed for `?site=<requested>` (empty: the default site) when one is cached;
    no database query."""
    token = generation()["token"]
    owner = _get(f"syndication:sc:site:{requested}:{token}")
    return _get(f"syndication:sc:feed:{owner}:{token}") if owner else None


def cached_feed(config: SiteConfig, directory: SiteDirectory | None = None, requested: str | None = None) -> Feed:
    """The feed of the organisation of `config`, built when the current generation has none."""
    current = generation()
    token = current["token"]
    directory = directory or SiteDirectory()
    # One feed per organisation, whichever of its sites was asked.
    owner_config = organisation_sites(config, directory)[0]
    owner = owner_config.key
    feed = _get(f"syndication:sc:feed:{owner}:{token}")
    if feed is None:
        feed = build_feed(config, directory)
        record_feed_build(owner_config, feed.products, feed.left_out)
        if current["at"] and current["at"] > feed.last_modified:
            # A removal or a move changed the feed after its newest product was published.
            feed.last_modified = current["at"]
        _set(f"syndication:sc:feed:{owner}:{token}", feed)
    _set(f"syndication:sc:site:{config.key if requested is None else requested}:{token}", owner)
    return feed


# --- the editor's answer ---------------------------------------------------------------------
def answer(page) -> Delivery | None:
    """Is this product in its site's SC feed, and if not, why (for the panel)."""
    if not isinstance(page, ProductPage):
        return None
    if page.pk is None:
        return Delivery(sc.TARGET, False, [sc.NOT_PUBLISHED, *sc.content_problems(page)])
    directory = SiteDirectory()
    live = page
    if page.live and page.has_unpublished_changes:
        live = ProductPage.objects.filter(pk=page.pk).first() or page
    reasons = sc.problems(live, directory)
    included = not reasons
    if live is not page:
        # The version being edited is not published yet: say what publishing it would change.
        edited = sc.content_problems(page)
        fixed = [p for p in sc.content_problems(live) if p not in edited]
        reasons += [f"na publiceren van deze versie: {p}" for p in edited if p not in reasons]
        if fixed:
            reasons.append(f"opgelost in deze versie, nog niet gepubliceerd: {', '.join(fixed)}")
    return Delivery(sc.TARGET, included, reasons, last_changed_at=live.last_published_at)


def register() -> None:
    """Register the panel's answer (called once from `SyndicationConfig.ready()`); the cache
    follows content.generation."""
    register_target(answer)
