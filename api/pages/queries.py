import graphene
from django.db.models import Q
from wagtail.models import Page

from content.languages import language_of, locale_id_for
from content.models import PageTombstone
from content.models.pages import HUB_PAGE_MODELS, find_page_by_ref
from content.visibility import page_is_visible, visible_pages_queryset

from ..access import viewer_for_request
from ..core.selection import selected_field_names
from ..core.types import Channel, PageInfo, channel_value, decode_cursor, encode_cursor, page_size
from ..errors import BAD_INPUT, NOT_FOUND, ClientError
from ..languages.arguments import language_argument, requested_language, split_language_prefix
from ..sites.directory import site_directory
from .loaders import prime_pages
from .preview import page_from_preview_token
from .translations import missing_in_language
from .types import PageInterface

TYPE_MODELS = {m.__name__.removesuffix("Page").lower(): m for m in HUB_PAGE_MODELS}
# Fields of a listed page that read its stream fields (`body`, `actions`): without any of them
# the list loads the pages without those columns.
STREAM_FIELD_SELECTIONS = {"blocks", "sections", "actions"}


class PageOrder(graphene.Enum):
    """Sort order of a page list."""

    LAST_PUBLISHED_DESC = "-last_published_at"
    LAST_PUBLISHED_ASC = "last_published_at"
    TITLE_ASC = "title"
    TITLE_DESC = "-title"


class RemovedPage(graphene.ObjectType):
    """A page that is no longer available: drop it from an offline copy."""

    id = graphene.ID(required=True, description="Id of the page that was removed.")
    ref = graphene.String(description="Ref of the page, if it had one.")
    reason = graphene.String(required=True, description="`unpublished` or `deleted`.")
    removed_at = graphene.DateTime(required=True, description="When it was removed.")

    @staticmethod
    def resolve_id(tombstone, info):
        return tombstone.page_id


class PageEdge(graphene.ObjectType):
    """A page in a list, with its cursor."""

    cursor = graphene.String(required=True, description="Cursor of this page in the list.")
    node = graphene.Field(PageInterface, required=True, description="The page.")


class PageConnection(graphene.ObjectType):
    """A slice of a page list."""

    edges = graphene.List(graphene.NonNull(PageEdge), required=True, description="Pages with cursors.")
    nodes = graphene.List(graphene.NonNull(PageInterface), required=True, description="The pages of this slice.")
    page_info = graphene.Field(PageInfo, required=True, description="Pagination information.")
    total_count = graphene.Int(required=True, description="Number of pages in the whole list.")
    removed = graphene.List(
        graphene.NonNull(RemovedPage),
        required=True,
        description="With `updatedSince`: pages of the list's language unpublished or deleted since then. "
        "Empty otherwise.",
    )

    @staticmethod
    def resolve_total_count(connection, info):
        return connection["queryset"].count()


def _find_by_path(info, site_key, path, language=None):
    """(page or None, language, path without prefix) for a path as shown on the website."""
    directory = site_directory(info)
    config = directory.get(site_key)
    if not isinstance(path, str) or len(path) > 1000 or "//" in path:
        raise ClientError(BAD_INPUT, "`path` must look like /producten/paspoort/.")
    path, language = split_language_prefix(path, language)
    return directory.page_at(config, path, language), language, path


def _elsewhere(info, site_key, path, language):
    """The pages at `path` in the other languages of the site (any state)."""
    directory = site_directory(info)
    config = directory.get(site_key)
    found = (directory.page_at(config, path, other) for other in directory.languages_of(config) if other != language)
    return [page for page in found if page is not None]


def _through_ids(models, field_name, **lookup):
    """Pages whose many-to-many `field_name` matches `lookup`, as `pk__in` subqueries.

    Subqueries instead of joins, so no DISTINCT is needed however many rows match.
    """
    condition = Q(pk__in=[])
    for model in models:
        through = getattr(model, field_name).through
        source = f"{model._meta.model_name}_id"
        condition |= Q(pk__in=through.objects.filter(**lookup).values(source))
    return condition


def _not_found(what):
    return ClientError(NOT_FOUND, f"No page {what} that you may see.")


def _resolve_single(info, page, channel, preview_token, what):
    """Apply the preview token and the visibility rule to one page."""
    preview_id = None
    if preview_token:
        draft = page_from_preview_token(preview_token)
        if page is None or draft.pk != page.pk:
            raise ClientError(BAD_INPUT, "This preview token belongs to another page.")
        page, preview_id = draft, draft.pk
    if page is None:
        raise _not_found(what)
    viewer = viewer_for_request(info.context, channel_value(channel), preview_page_id=preview_id)
    if preview_id:
        info.context._hub_no_store = True
    if not page_is_visible(page, viewer):
        raise _not_found(what)
    return prime_pages(info, [page], viewer)[0]


class PageQueries(graphene.ObjectType):
    page = graphene.Field(
        PageInterface,
        site=graphene.String(required=True, description="Key of the site, e.g. `deventer`."),
        path=graphene.String(required=True, description="Path within the site, e.g. `/producten/paspoort/`."),
        channel=graphene.Argument(Channel, default_value="web", description="Channel to render for."),
        preview_token=graphene.String(description="Token from the editor's preview link, to see that page's draft."),
        language=language_argument(
            "the page in this language; a path that starts with `/en/` asks for English too (both given: they must "
            "agree)"
        ),
        description="One page by site and path as shown on the website, rendered for a channel. Not there in "
        "the language asked but in another: NOT_TRANSLATED. Unknown or not visible: NOT_FOUND.",
    )
    page_by_ref = graphene.Field(
        PageInterface,
        ref=graphene.String(required=True, description="The page's ref, e.g. `product-paspoort`."),
        channel=graphene.Argument(Channel, default_value="web", description="Channel to render for."),
        preview_token=graphene.String(description="Preview token for this page's draft."),
        language=language_argument(
            "the translation of the page with `ref` in this language (NOT_TRANSLATED if none)",
            default="the page with `ref`, in its own language",
        ),
        description="One page by its ref, rendered for a channel; with `language`, its translation.",
    )
    page_preview = graphene.Field(
        PageInterface,
        token=graphene.String(required=True, description="The token from the preview link."),
        channel=graphene.Argument(Channel, default_value="web", description="Channel to render for."),
        description="The draft being previewed. Tokens expire; an expired token gives PREVIEW_TOKEN_INVALID.",
    )
    pages = graphene.Field(
        PageConnection,
        required=True,
        site=graphene.String(description="Only pages shown on this site (its own and those shared with it)."),
        type=graphene.String(description="product, answer or article."),
        keyword=graphene.String(description="Only pages with this keyword (its preferred term)."),
        parent=graphene.String(description="Only the direct children of this path in `site`, e.g. `/producten/`."),
        channel=graphene.Argument(Channel, default_value="web", description="Channel to render for."),
        updated_since=graphene.DateTime(
            description="Only pages published since then; `removed` lists pages gone since."
        ),
        order_by=graphene.Argument(PageOrder, default_value="-last_published_at", description="Sort order."),
        first=graphene.Int(description="How many pages (default 20, at most 100)."),
        after=graphene.String(description="Cursor to start after."),
        language=language_argument("only pages in this language, and `removed` only pages of this language"),
        description="A paginated list of published pages the caller may see, in one language.",
    )

    @staticmethod
    def resolve_page(root, info, site, path, channel="web", preview_token=None, language=None):
        page, language, bare_path = _find_by_path(info, site, path, language)
        what = f"at {path!r} on {site!r}"
        if page is None and not preview_token:
            viewer = viewer_for_request(info.context, channel_value(channel))
            elsewhere = _elsewhere(info, site, bare_path, language)
            raise missing_in_language(info, elsewhere, language, viewer, what) if elsewhere else _not_found(what)
        return _resolve_single(info, page, channel, preview_token, what)

    @staticmethod
    def resolve_page_by_ref(root, info, ref, channel="web", preview_token=None, language=None):
        language = requested_language(language) if language is not None else None
        page = find_page_by_ref(ref)
        what = f"with ref {ref!r}"
        if language is None or page is None or language_of(page) == language:
            return _resolve_single(info, page, channel, preview_token, what)
        # Another language than the page's own: its translation, which the caller must be
        # allowed to see (or preview); the page with the ref must be visible itself.
        viewer = viewer_for_request(info.context, channel_value(channel))
        if not page_is_visible(page, viewer):
            raise _not_found(what)
        translation = page.get_translation_or_none(locale_id_for(language))
        if translation is None or not (preview_token or page_is_visible(translation.specific, viewer)):
            raise missing_in_language(info, [page], language, viewer, what)
        return _resolve_single(info, translation.specific, channel, preview_token, what)

    @staticmethod
    def resolve_page_preview(root, info, token, channel="web"):
        draft = page_from_preview_token(token)
        info.context._hub_no_store = True
        viewer = viewer_for_request(info.context, channel_value(channel), preview_page_id=draft.pk)
        if not page_is_visible(draft, viewer):
            raise _not_found("for this token")
        return prime_pages(info, [draft], viewer)[0]

    @staticmethod
    def resolve_pages(
        root,
        info,
        site=None,
        type=None,
        keyword=None,
        parent=None,
        channel="web",
        updated_since=None,
        order_by="-last_published_at",
        first=None,
        after=None,
        language=None,
    ):
        viewer = viewer_for_request(info.context, channel_value(channel))
        folder = None
        if parent is not None:
            if site is None:
                raise ClientError(BAD_INPUT, "`parent` needs `site`.")
            # A parent given as `/en/producten/` asks for the English list.
            folder, language, _path = _find_by_path(info, site, parent, language)
            if folder is None:
                raise _not_found(f"at {parent!r} on {site!r}")
        language = requested_language(language)
        size, offset = page_size(first), decode_cursor(after)
        order = getattr(order_by, "value", order_by)
        if type is not None and type not in TYPE_MODELS:
            raise ClientError(BAD_INPUT, f"Unknown type {type!r}; use {', '.join(TYPE_MODELS)}.")
        models = [TYPE_MODELS[type]] if type else list(HUB_PAGE_MODELS)
        from django.contrib.contenttypes.models import ContentType

        queryset = Page.objects.filter(content_type__in=ContentType.objects.get_for_models(*models).values())
        queryset = visible_pages_queryset(queryset, viewer, models).filter(locale_id=locale_id_for(language))
        if site is not None:
            config = site_directory(info).get(site)
            home = site_directory(info).root_for(config, language)
            shared = _through_ids(models, "also_on", site_id=config.site_id)
            queryset = queryset.filter((Q(path__startswith=home.path) if home else Q(pk__in=[])) | shared)
        if folder is not None:
            queryset = queryset.filter(path__startswith=folder.path, depth=folder.depth + 1)
        if keyword:
            queryset = queryset.filter(_through_ids(models, "keywords", keyword__term__iexact=keyword))
        if updated_since is not None:
            queryset = queryset.filter(last_published_at__gte=updated_since)
        queryset = queryset.order_by(order, "pk")
        listed = queryset
        if not selected_field_names(info) & STREAM_FIELD_SELECTIONS:
            # A list of titles and summaries does not parse every page's blocks.
            listed = listed.defer_streamfields()
        rows = list(listed.specific()[offset : offset + size + 1])
        has_next = len(rows) > size
        pages = prime_pages(info, rows[:size], viewer)
        removed = []
        if updated_since is not None:
            tombstones = PageTombstone.objects.filter(removed_at__gte=updated_since, language__in=[language, ""])
            removed = list(tombstones.order_by("removed_at")[:1000])
            # A page that came back and is visible again is not "removed".
            back = set(
                visible_pages_queryset(Page.objects.filter(pk__in=[t.page_id for t in removed]), viewer).values_list(
                    "pk", flat=True
                )
            )
            removed = [t for t in removed if t.page_id not in back]
        edges = [{"cursor": encode_cursor(offset + i), "node": p} for i, p in enumerate(pages)]
        return {
            "edges": edges,
            "nodes": pages,
            "page_info": {"has_next_page": has_next, "end_cursor": edges[-1]["cursor"] if edges else None},
            "queryset": queryset,
            "removed": removed,
        }
