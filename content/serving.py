"""The hub is headless: a page's address on the hub itself sends the visitor on to that page on
its website. A page the public may not see, or one of a site without a website, is a 404 with a
short Dutch text; nothing is rendered from a template that a headless hub does not have."""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseRedirect

from .models import HomePage, SectionPage
from .models.pages import HUB_PAGE_MODELS
from .models.sites import SiteDirectory
from .visibility import PUBLIC_WEB, page_is_visible

NOT_HERE = (
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Niet gevonden</title></head>'
    "<body><h1>Deze pagina staat niet op dit adres</h1>"
    "<p>Dit is de contenthub van de gemeente. De pagina's staan op de website van de gemeente.</p>"
    "</body></html>"
)


def serve_on_website(page, request, *args, **kwargs):
    """Page.serve for the hub: a redirect to the page on its website, or a 404."""
    url = SiteDirectory().url_of(page) if page_is_visible(page, PUBLIC_WEB) else None
    if url and url.startswith(("https://", "http://")):
        return HttpResponseRedirect(url)
    return HttpResponse(NOT_HERE, status=404, content_type="text/html; charset=utf-8")


def attach_to_page_models() -> None:
    """Runs in `ready()`: every page type of the hub is served by its website."""
    for model in (HomePage, SectionPage, *HUB_PAGE_MODELS):
        model.serve = serve_on_website
