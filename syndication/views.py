"""Public, anonymous endpoints under /open/: the list of feeds, the Samenwerkende Catalogi feed
and the bulk JSON export. Nothing here looks at who is asking: everything is what a public web
visitor may see."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from content.languages import default_language, is_configured
from content.models import SiteDirectory

from . import open_data, sc, sc_feed

FEED_MAX_AGE = 300  # seconds a harvester or proxy may reuse the feed without asking again


def _not_found(message: str) -> HttpResponse:
    return HttpResponseNotFound(message + "\n", content_type="text/plain; charset=utf-8")


def _site(request, directory: SiteDirectory):
    """The site asked for with `?site=KEY` (default: Wagtail's default site), or a 404 response."""
    key = request.GET.get("site")
    config = directory.find(key) if key else sc_feed.default_site(directory)
    if config is not None:
        return config, None
    known = ", ".join(sorted(directory.by_key)) or "geen"
    if key:
        return None, _not_found(f"Onbekende site: {key!r}. Bekende sites: {known}.")
    return None, _not_found(f"Er is geen standaardsite; kies er een met ?site=. Bekende sites: {known}.")


@require_safe
def samenwerkende_catalogi(request):
    """`GET /open/samenwerkende-catalogi.xml[?site=KEY]`: the site's products as SC 4.0 XML,
    cached, with `ETag` and `Last-Modified` (304 when the harvester's copy is current)."""
    requested = request.GET.get("site") or ""
    feed = sc_feed.cached(requested)  # the common case: no database query at all
    if feed is None:
        directory = SiteDirectory()
        config, error = _site(request, directory)
        if error:
            return error
        missing = sc.site_problems(config)
        if missing:
            return _not_found(f"De site {config.key!r} levert geen Samenwerkende Catalogi: {'; '.join(missing)}.")
        feed = sc_feed.cached_feed(config, directory, requested)
    response = HttpResponse(feed.body, content_type="application/xml; charset=utf-8")
    response["ETag"] = feed.etag
    response["Last-Modified"] = http_date(feed.last_modified.timestamp())
    response["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
    response["X-Hub-Products"] = str(feed.products)
    # Products left out are named in the editor's panel; the count is here for the operator.
    response["X-Hub-Products-Left-Out"] = str(len(feed.left_out))
    return get_conditional_response(
        request, etag=feed.etag, last_modified=int(feed.last_modified.timestamp()), response=response
    )


@require_safe
def pages_export(request):
    """`GET /open/pages.json?site=KEY&language=nl[&after=ID][&limit=N]`: a site's public pages
    in one language, by id, at most `limit` (≤ 500) a response; `next` gives the rest."""
    directory = SiteDirectory()
    config, error = _site(request, directory)
    if error:
        return error
    language = request.GET.get("language") or default_language()
    if not is_configured(language) or language not in directory.languages_of(config):
        return _not_found(f"De site {config.key!r} heeft geen pagina's in de taal {language!r}.")
    try:
        after = int(request.GET.get("after") or 0)
        limit = min(max(int(request.GET.get("limit") or open_data.PAGE_SIZE), 1), open_data.MAX_PAGE_SIZE)
    except ValueError:
        return HttpResponse(
            "after en limit zijn gehele getallen.\n", status=400, content_type="text/plain; charset=utf-8"
        )
    ids = open_data.visible_ids(config, language, directory)
    batch = list(ids.filter(pk__gt=after)[: limit + 1])
    more = len(batch) > limit
    batch = batch[:limit]
    results = open_data.export_batch(batch, config, directory)
    query = {"site": config.key, "language": language, "after": batch[-1], "limit": limit} if more else None
    return JsonResponse(
        {
            "site": config.key,
            "language": language,
            "licence": open_data.LICENCE,
            "count": ids.count(),
            "results": results,
            "next": request.build_absolute_uri(f"{reverse('open:pages_export')}?{urlencode(query)}") if query else None,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def open_data_index(request):
    """`GET /open/`: the feeds and exports with their licence; JSON for machines
    (`Accept: application/json` or `?format=json`), a page for people."""
    directory = SiteDirectory()

    def build_url(name, **query):
        return request.build_absolute_uri(reverse(f"open:{name}") + "?" + urlencode(query))

    catalogue = open_data.catalogue(directory, build_url)
    wants_json = request.GET.get("format") == "json" or (
        "application/json" in request.headers.get("Accept", "") and "text/html" not in request.headers.get("Accept", "")
    )
    if wants_json:
        return JsonResponse(catalogue, json_dumps_params={"ensure_ascii": False})
    return render(request, "syndication/open_data.html", {"catalogue": catalogue})
