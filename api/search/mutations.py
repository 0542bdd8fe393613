"""`recordSearchFeedback`: the KCC console records whether a search found the answer."""

import graphene

from search.analytics import record_feedback

from ..access import request_is_staff
from ..errors import BAD_INPUT, FORBIDDEN, NOT_FOUND, ClientError


class SearchFeedback(graphene.ObjectType):
    """The feedback as it was stored."""

    query_id = graphene.ID(required=True, description="The search the feedback is about.")
    found = graphene.Boolean(required=True, description="True when the answer was found.")


class SearchMutations(graphene.ObjectType):
    record_search_feedback = graphene.Field(
        SearchFeedback,
        required=True,
        query_id=graphene.ID(required=True, description="`queryId` from the search results."),
        found=graphene.Boolean(required=True, description="Did the search find the answer?"),
        description="Record whether a search found the answer (KCC console; staff only).",
    )

    @staticmethod
    def resolve_record_search_feedback(root, info, query_id, found):
        if not request_is_staff(info.context):
            raise ClientError(FORBIDDEN, "Only staff can record search feedback.")
        try:
            log_id = int(query_id)
        except (TypeError, ValueError):
            raise ClientError(BAD_INPUT, "`queryId` is not a valid id.") from None
        if not record_feedback(log_id, found):
            raise ClientError(NOT_FOUND, f"There is no search with id {query_id}.")
        return SearchFeedback(query_id=log_id, found=found)
