"""Open data: what the hub publishes for anyone to reuse, and the bulk export of a site's
public pages in one language.

The export holds exactly what a public web visitor may see: pages by the one visibility rule
(live, not expired, not internal), blocks rendered for a public web viewer (no KCC script, no
link to a draft or internal page), and no internal field (an answer's internal note). Only
content pages (products, answers, articles) of the site's own tree; a page shown on another site
through `also_on` is exported once, by its own site, with `also_on` naming the others.
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects

from content.languages import language_of
from content.models import AnswerPage, ArticlePage, ProductPage, SiteConfig, SiteDirectory
from content.models.pages import HUB_PAGE_MODELS
from content.visibility import PUBLIC_WEB, visible_pages_queryset

from .sc import action_values
from .sc_feed import absolute_media_url
from .sc_html import load_context, product_body_html, stream_html

LICENCE = {
    "id": "CC0-1.0",
    "name": "CC0 1.0 Universeel (publiek domein)",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
    "covers": "de teksten en metadata van de pagina's; afbeeldingen en documenten waarnaar de teksten "
    "verwijzen houden hun eigen rechten",
}
PAGE_SIZE, MAX_PAGE_SIZE = 100, 500
TYPE_NAMES = {ProductPage: "product", AnswerPage: "answer", ArticlePage: "article"}


def visible_ids(config: SiteConfig, language: str, directory: SiteDirectory):
    """Query of the ids of a site's public content pages in one language, by id."""
    from wagtail.models import Page

    root = directory.root_for(config, language)
    if root is None:
        return Page.objects.none().values_list("pk", flat=True)
    pages = Page.objects.filter(path__startswith=root.path).exclude(path=root.path).type(*HUB_PAGE_MODELS)
    return visible_pages_queryset(pages, PUBLIC_WEB).order_by("pk").values_list("pk", flat=True)


def export_batch(ids: list[int], config: SiteConfig, directory: SiteDirectory) -> list[dict]:
    """The pages with these ids as open-data records, in id order, in a constant number of
    queries for the batch."""
    from wagtail.models import Page

    pages = list(Page.objects.filter(pk__in=ids).order_by("pk").specific())
    for model in HUB_PAGE_MODELS:
        prefetch_related_objects([p for p in pages if type(p) is model], "keywords", "also_on")
    language = language_of(pages[0]) if pages else None
    context = load_context([p.body for p in pages], directory, absolute_media_url, language=language)
    records = []
    for page in pages:
        own = directory.site_of(page)
        if own is None or own.pk != config.pk:
            continue  # a nested site's page belongs to that site's export
        records.append(page_record(page, directory, context))
    return records


def page_record(page, directory: SiteDirectory, context) -> dict:
    record = {
        "id": page.pk,
        "ref": page.ref,
        "type": TYPE_NAMES.get(type(page), type(page).__name__.lower()),
        "title": page.title,
        "url": directory.url_of(page),
        "path": directory.public_path(page),
        "language": language_of(page),
        "summary": page.summary,
        "keywords": sorted(k.term for k in page.keywords.all()),
        "also_on": sorted(directory.key_of_site_id(s.pk) for s in page.also_on.all() if directory.key_of_site_id(s.pk)),
        "first_published_at": _iso(page.first_published_at),
        "last_published_at": _iso(page.last_published_at),
    }
    if isinstance(page, ProductPage):
        record.update(
            upl_name=page.upl_name,
            upl_uri=page.upl_uri,
            doelgroep=page.doelgroep,
            themes=page.theme_list,
            actions=[
                {
                    "label": a.get("label", ""),
                    "url": a.get("url", ""),
                    "kind": a.get("kind", ""),
                    "digid": bool(a.get("digid")),
                }
                for a in action_values(page.actions)
            ],
            body_html=product_body_html(page.body, context),
        )
    else:
        record["body_html"] = stream_html(page.body, context)
    if isinstance(page, AnswerPage):
        record.update(
            phrasings=page.phrasing_list, short_answer=page.short_answer, status=page.status, doelgroep=page.doelgroep
        )  # never the internal note: the export is public
    if isinstance(page, ArticlePage):
        record.update(
            kind=page.kind,
            date=_iso(page.date),
            start_date=_iso(page.start_date),
            end_date=_iso(page.end_date),
            location=page.location,
        )
    return record


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def catalogue(directory: SiteDirectory, build_url) -> dict:
    """What /open/ lists: per site its SC feed (when the site can have one) and its export per
    language, with the licence. `build_url(name, **query)` makes an absolute URL."""
    from .sc import site_problems

    sites = []
    for key, config in sorted(directory.by_key.items()):
        problems = site_problems(config)
        sites.append(
            {
                "key": key,
                "name": config.site.site_name or key,
                "organisation": config.organisation_name,
                "samenwerkende_catalogi": None if problems else build_url("sc_feed", site=key),
                "samenwerkende_catalogi_missing": problems,
                "pages": {
                    lang: build_url("pages_export", site=key, language=lang) for lang in directory.languages_of(config)
                },
            }
        )
    return {
        "licence": LICENCE,
        "formats": {
            "samenwerkende_catalogi": "Samenwerkende Catalogi 4.0 (XML), producten in het Nederlands",
            "pages": f"JSON, per site en taal, in delen van hoogstens {MAX_PAGE_SIZE} pagina's (volg `next`)",
        },
        "sites": sites,
    }
