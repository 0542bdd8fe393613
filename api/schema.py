"""The root schema: each domain contributes its own Queries class."""

import graphene

from .feedback.mutations import FeedbackMutations
from .keywords.queries import KeywordQueries
from .languages.queries import LanguageQueries
from .pages.blocks import BLOCK_TYPES
from .pages.queries import PageQueries
from .pages.types import PAGE_TYPES
from .search.mutations import SearchMutations
from .search.queries import SearchQueries
from .sites.queries import SiteQueries
from .viewer.queries import ViewerQueries


class Query(
    SiteQueries, PageQueries, KeywordQueries, SearchQueries, ViewerQueries, LanguageQueries, graphene.ObjectType
):
    """Everything a front-end, the app or the KCC console reads from the hub."""


class Mutation(SearchMutations, FeedbackMutations, graphene.ObjectType):
    """Writes from the KCC console, and residents' feedback through the website and the app."""


schema = graphene.Schema(
    query=Query, mutation=Mutation, types=[*dict.fromkeys(PAGE_TYPES.values()), *BLOCK_TYPES.values()]
)
