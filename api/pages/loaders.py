"""Per-request batch loading of what pages need: keywords, sites, blocks, readability, owner."""

from collections import defaultdict

from content.languages import language_of
from content.models import Keyword, Team
from content.rendering import load_references, render_for_channel
from content.visibility import PUBLIC_WEB

from ..core.dataloaders import loaders_for, request_loader
from .translations import PageTranslationsLoader

STREAM_FIELD = "body"


def viewer_of(info, page):
    return getattr(page, "_hub_viewer", PUBLIC_WEB)


def prime_pages(info, pages, viewer):
    """Register pages that will be resolved together, so their relations load in one go."""
    registry = _registry(info)
    for page in pages:
        page._hub_viewer = viewer
        registry[(viewer, page.pk)] = page
    keys = [(viewer, p.pk) for p in pages]
    for name in ("keywords", "also_on", "blocks", "readability", "owner"):
        _loader(info, name).prime(keys)
    request_loader(info, PageTranslationsLoader).prime(PageTranslationsLoader.key(viewer, p) for p in pages)
    return pages


def _registry(info):
    request = info.context
    if not hasattr(request, "_hub_pages"):
        request._hub_pages = {}
    return request._hub_pages


def _pages(info, keys):
    registry = _registry(info)
    return [registry[k] for k in keys if k in registry]


def _loader(info, name):
    loaders = loaders_for(info)
    return loaders.get(name, lambda keys: LOADERS[name](info, keys))


def _key(info, page):
    viewer = viewer_of(info, page)
    _registry(info).setdefault((viewer, page.pk), page)
    return (viewer, page.pk)


def keywords_of(info, page):
    return _loader(info, "keywords").load(_key(info, page)) or []


def also_on_of(info, page):
    return _loader(info, "also_on").load(_key(info, page)) or []


def rendered_blocks_of(info, page):
    return _loader(info, "blocks").load(_key(info, page)) or []


def readability_of(info, page):
    return _loader(info, "readability").load(_key(info, page))


def owner_of(info, page) -> str:
    """The name of the team that owns the page ("" when none does)."""
    return _loader(info, "owner").load(_key(info, page)) or ""


def translations_of(info, page):
    """The page's versions in other languages that its viewer may see."""
    key = PageTranslationsLoader.key(viewer_of(info, page), page)
    return request_loader(info, PageTranslationsLoader).load(key) or []


def _through_rows(pages, field_name):
    """Rows of a ParentalManyToMany field for many pages: one query per page type."""
    by_model = defaultdict(list)
    for page in pages:
        if hasattr(type(page), field_name):
            by_model[type(page)].append(page.pk)
    for model, ids in by_model.items():
        through = getattr(model, field_name).through
        source = model._meta.model_name
        target = [f.name for f in through._meta.fields if f.name not in ("id", source)][0]
        yield from through.objects.filter(**{f"{source}_id__in": ids}).values_list(f"{source}_id", f"{target}_id")


def _load_keywords(info, keys):
    pages = _pages(info, keys)
    rows = list(_through_rows(pages, "keywords"))
    keywords = Keyword.objects.in_bulk({k for _, k in rows})
    by_page = defaultdict(list)
    for page_id, keyword_id in rows:
        by_page[page_id].append(keywords[keyword_id])
    return {k: sorted(by_page.get(k[1], []), key=lambda kw: kw.term) for k in keys}


def _load_also_on(info, keys):
    from ..sites.directory import site_directory

    directory = site_directory(info)
    by_page = defaultdict(list)
    for page_id, site_id in _through_rows(_pages(info, keys), "also_on"):
        if site_id in directory.by_site_id:
            by_page[page_id].append(directory.by_site_id[site_id].key)
    return {k: sorted(by_page.get(k[1], [])) for k in keys}


def _load_blocks(info, keys):
    # Pages of one viewer and one language share their references: an English page shows the
    # English translation of a fragment it embeds.
    registry = _registry(info)
    groups = defaultdict(list)
    for key in keys:
        if key in registry:
            groups[(key[0], language_of(registry[key]))].append(key)
    result = {}
    for (viewer, language), viewer_keys in groups.items():
        pages = [registry[k] for k in viewer_keys]
        streams = [getattr(p, STREAM_FIELD, None) for p in pages]
        references = load_references([s for s in streams if s is not None], viewer, language=language)
        for key, stream in zip(viewer_keys, streams, strict=True):
            result[key] = render_for_channel(stream, viewer, references=references) if stream is not None else []
    return result


def _load_readability(info, keys):
    from content.models import PageReadability

    pages = _pages(info, keys)
    reports = PageReadability.summaries_for_pages(pages)
    return {k: reports.get(k[1]) for k in keys}


def _load_owner(info, keys):
    registry = _registry(info)
    team_ids = {k: getattr(registry.get(k), "owner_team_id", None) for k in keys}
    wanted = {t for t in team_ids.values() if t is not None}
    names = dict(Team.objects.filter(pk__in=wanted).values_list("pk", "name")) if wanted else {}
    return {k: names.get(team_id, "") for k, team_id in team_ids.items()}


LOADERS = {
    "keywords": _load_keywords,
    "also_on": _load_also_on,
    "blocks": _load_blocks,
    "readability": _load_readability,
    "owner": _load_owner,
}
