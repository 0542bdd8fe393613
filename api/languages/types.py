import graphene

from content.languages import default_language, language_name


class Language(graphene.ObjectType):
    """A language the hub publishes content in (`HUB_LANGUAGES`)."""

    code = graphene.String(required=True, description="ISO 639-1 code, e.g. `nl` or `en`; pass it as `language`.")
    name = graphene.String(required=True, description="Name of the language in that language, e.g. `Nederlands`.")
    default = graphene.Boolean(
        required=True,
        description="True for the default language: its pages have no language prefix in their path.",
    )

    @staticmethod
    def resolve_code(code, info):
        return code

    @staticmethod
    def resolve_name(code, info):
        return language_name(code)

    @staticmethod
    def resolve_default(code, info):
        return code == default_language()
