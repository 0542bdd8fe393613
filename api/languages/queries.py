import graphene

from content.languages import configured_languages

from .types import Language


class LanguageQueries(graphene.ObjectType):
    languages = graphene.List(
        graphene.NonNull(Language),
        required=True,
        description="The configured languages, the default language first.",
    )

    @staticmethod
    def resolve_languages(root, info):
        return configured_languages()
