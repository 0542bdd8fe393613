import graphene


class Keyword(graphene.ObjectType):
    """A controlled keyword with its synonyms and spelling variants."""

    term = graphene.String(required=True, description="The preferred term.")
    synonyms = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Words with the same meaning."
    )
    variants = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Other spellings and common typos."
    )

    @staticmethod
    def resolve_synonyms(keyword, info):
        return keyword.synonym_list

    @staticmethod
    def resolve_variants(keyword, info):
        return keyword.variant_list
