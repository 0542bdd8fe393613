"""Fetching pages from the hub for the views: one page, lists, and a section's pages."""

from django.conf import settings
from django.http import Http404

from . import hub_client

CHANNELS = {"website": "WEB", "app": "APP", "kcc": "KCC"}
MAX_LIST_PAGES = 5  # 5 slices of 100: enough for a section listing or a sitemap


def channel() -> str:
    return CHANNELS[settings.FRONTEND_KIND]


def normalise_path(path: str) -> str:
    path = "/" + path.strip("/") + "/"
    return "/" if path == "//" else path


class NotTranslated(Exception):
    """The page exists, but not in the language asked for: `translations` says where it does."""

    def __init__(self, translations: list[dict]):
        super().__init__("not translated")
        self.translations = translations


def get_page(path: str, language: str | None = None) -> dict:
    """The page at `path` on this front-end's site in `language`; Http404 when the hub says
    NOT_FOUND, NotTranslated when the page exists only in other languages."""
    variables = {"site": settings.FRONTEND_SITE_KEY, "path": path, "channel": channel(), "language": language}
    try:
        data = hub_client.client().execute(hub_client.query("page"), variables)
    except hub_client.HubError as error:
        if error.code in {"NOT_FOUND", "FORBIDDEN"}:
            raise Http404(path) from error
        if error.code == "NOT_TRANSLATED":
            raise NotTranslated(error.extensions.get("translations") or []) from error
        raise
    if not data.get("page"):
        raise Http404(path)
    return data["page"]


def list_pages(
    *,
    type: str | None = None,
    first: int = 100,
    order_by: str = "LAST_PUBLISHED_DESC",
    max_slices: int = 1,
    token: str | None = None,
    chan: str | None = None,
    language: str | None = None,
) -> list[dict]:
    """Published pages shown on this site, newest first unless `order_by` says otherwise."""
    pages: list[dict] = []
    after = None
    client = hub_client.client(token)
    for _ in range(max_slices):
        data = client.execute(
            hub_client.query("pages"),
            {
                "site": settings.FRONTEND_SITE_KEY,
                "type": type,
                "channel": chan or channel(),
                "first": first,
                "after": after,
                "orderBy": order_by,
                "language": language,
            },
        )
        connection = data["pages"]
        pages.extend(connection["nodes"])
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    return pages


def section_children(section_path: str, language: str | None = None) -> list[dict]:
    """Pages of this site that live below a section, e.g. everything under /producten/."""
    pages = list_pages(max_slices=MAX_LIST_PAGES, order_by="TITLE_ASC", language=language)
    children = [
        p
        for p in pages
        if p["site"] == settings.FRONTEND_SITE_KEY and p["path"].startswith(section_path) and p["path"] != section_path
    ]
    if children and all(p["contentType"] == "article" for p in children):
        children.sort(key=lambda p: p.get("date") or "", reverse=True)
    return children
