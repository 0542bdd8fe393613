import graphene

from content.languages import configured_languages

from ..access import viewer_for_request
from ..core.dataloaders import request_loader
from .directory import site_directory
from .menus import MenuLoader, SiteInLanguage


class Theme(graphene.ObjectType):
    """The look of a site."""

    primary_color = graphene.String(required=True, description="Main colour, as #rrggbb.")
    secondary_color = graphene.String(required=True, description="Second colour, as #rrggbb.")
    logo_text = graphene.String(required=True, description="Text shown with the logo.")
    tagline = graphene.String(required=True, description="Short line under the logo.")


class MenuItem(graphene.ObjectType):
    """One item of a site's main menu, in the language asked for."""

    title = graphene.String(required=True, description="Text of the menu item (the page's title in a translation).")
    path = graphene.String(
        description="Path of the page on the website (with the language prefix for a translation), when the item "
        "points at a page."
    )
    url = graphene.String(required=True, description="Full URL on the site's front-end, or the external URL.")


class Site(graphene.ObjectType):
    """A site served by the hub, such as the main website or a subsite, in one language."""

    key = graphene.String(required=True, description="Short, stable name of the site (e.g. `deventer`).")
    name = graphene.String(required=True, description="Name of the site.")
    hostname = graphene.String(required=True, description="Host name the hub knows the site by.")
    frontend_url = graphene.String(required=True, description="Base URL of the site's front-end.")
    theme = graphene.Field(Theme, required=True, description="Colours and logo text.")
    menu = graphene.List(
        graphene.NonNull(MenuItem),
        required=True,
        description="The main menu in `language`, in order: items whose page has no visible version in that "
        "language are left out; items with an external URL stay.",
    )
    language = graphene.String(required=True, description="The language of this answer (menu), an ISO 639-1 code.")
    languages = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="The configured languages in which the site has a home page, the default language first.",
    )

    @staticmethod
    def resolve_key(site, info):
        return site.config.key

    @staticmethod
    def resolve_name(site, info):
        return site.config.site.site_name or site.config.key

    @staticmethod
    def resolve_hostname(site, info):
        return site.config.site.hostname

    @staticmethod
    def resolve_frontend_url(site, info):
        return site.config.frontend_url or ""

    @staticmethod
    def resolve_theme(site, info):
        return site.config

    @staticmethod
    def resolve_menu(site, info):
        return request_loader(info, MenuLoader).load(MenuLoader.key(site, _viewer(info))) or []

    @staticmethod
    def resolve_language(site, info):
        return site.language

    @staticmethod
    def resolve_languages(site, info):
        homes = set(site_directory(info).languages_of(site.config))
        return [code for code in configured_languages() if code in homes]


def _viewer(info):
    return viewer_for_request(info.context, "web")


def sites_in_language(info, configs, language: str) -> list[SiteInLanguage]:
    """The sites of a response, their menus registered to load together."""
    sites = [SiteInLanguage(config, language) for config in configs]
    request_loader(info, MenuLoader).prime(MenuLoader.key(site, _viewer(info)) for site in sites)
    return sites
