import graphene

from ..languages.arguments import language_argument, requested_language
from .directory import site_directory
from .types import Site, sites_in_language


class SiteQueries(graphene.ObjectType):
    site = graphene.Field(
        Site,
        key=graphene.String(required=True, description="The site's key, e.g. `deventer`."),
        language=language_argument("the menu in this language"),
        description="One site: name, hostname, menu, theme and front-end URL. Unknown key: NOT_FOUND.",
    )
    sites = graphene.List(
        graphene.NonNull(Site),
        required=True,
        language=language_argument("the menus in this language"),
        description="Every site, by key.",
    )

    @staticmethod
    def resolve_site(root, info, key, language=None):
        language = requested_language(language)
        return sites_in_language(info, [site_directory(info).get(key)], language)[0]

    @staticmethod
    def resolve_sites(root, info, language=None):
        language = requested_language(language)
        configs = sorted(site_directory(info).by_key.values(), key=lambda c: c.key)
        return sites_in_language(info, configs, language)
