"""Template context for every page: the site (name, menu, theme) and the front-end's kind."""

from django.conf import settings

from . import hub_client, languages
from .theme import css_variables


def load_site(key: str, language: str | None = None) -> dict:
    """The site from the hub (menu in `language`), cached; a minimal stand-in when the hub
    cannot tell."""

    def produce():
        data = hub_client.client().execute(hub_client.query("site"), {"key": key, "language": language})
        return data["site"]

    try:
        return hub_client.cached(("site", key, language), produce)
    except (hub_client.HubError, hub_client.HubUnavailable):
        return {
            "key": key,
            "name": "Gemeente Deventer",
            "menu": [],
            "frontendUrl": "",
            "theme": {"logoText": "Gemeente Deventer", "tagline": ""},
            "unavailable": True,
        }


def frontend(request) -> dict:
    language = getattr(request, "language", None) or languages.default_language()
    site = getattr(request, "frontend_site", None)
    if site is None:
        site = load_site(settings.FRONTEND_SITE_KEY, language)
        request.frontend_site = site
    variables = css_variables(site.get("theme"))
    signed_in = False
    if settings.FRONTEND_KIND == "kcc":
        from .views.kcc import staff_token

        signed_in = bool(staff_token(request))
    return {
        "signed_in": signed_in,
        "language": language,
        "lang_prefix": languages.prefix(language),
        "ui": languages.texts(language),
        "language_names": languages.NAMES,
        "frontend_kind": settings.FRONTEND_KIND,
        "site": site,
        "theme_css": "; ".join(f"{k}: {v}" for k, v in variables.items()),
        "theme_color": variables["--gemeente-color-primary"],
    }
