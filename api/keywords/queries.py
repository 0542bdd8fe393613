import graphene

from content.models import Keyword as KeywordModel

from .types import Keyword

MAX_KEYWORDS = 1000


class KeywordQueries(graphene.ObjectType):
    keywords = graphene.List(
        graphene.NonNull(Keyword),
        required=True,
        description=f"All controlled keywords, sorted by term (at most {MAX_KEYWORDS}).",
    )

    @staticmethod
    def resolve_keywords(root, info):
        return list(KeywordModel.objects.order_by("term")[:MAX_KEYWORDS])
