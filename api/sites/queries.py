import graphene

from .directory import site_directory
from .types import Site


class SiteQueries(graphene.ObjectType):
    site = graphene.Field(
        Site,
        key=graphene.String(required=True, description="The site's key, e.g. `deventer`."),
        description="One site: name, hostname, menu, theme and front-end URL. Unknown key: NOT_FOUND.",
    )
    sites = graphene.List(graphene.NonNull(Site), required=True, description="Every site, by key.")

    @staticmethod
    def resolve_site(root, info, key):
        return site_directory(info).get(key)

    @staticmethod
    def resolve_sites(root, info):
        return sorted(site_directory(info).by_key.values(), key=lambda c: c.key)
