"""Client errors with a stable `extensions.code`. Nothing a client sends may become a 500."""

from graphql import GraphQLError

NOT_FOUND = "NOT_FOUND"
FORBIDDEN = "FORBIDDEN"
UNAUTHENTICATED = "UNAUTHENTICATED"
BAD_INPUT = "BAD_INPUT"
QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
PREVIEW_TOKEN_INVALID = "PREVIEW_TOKEN_INVALID"  # noqa: S105 - an error code, not a secret
SEARCH_UNAVAILABLE = "SEARCH_UNAVAILABLE"
INTERNAL_ERROR = "INTERNAL_ERROR"
# The database does not answer (restarting, fail-over): try again after `Retry-After` seconds.
# Nothing of the request was written.
DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE"
RETRY_AFTER_SECONDS = 5
# `language` is not one of HUB_LANGUAGES; `extensions.languages` lists the configured ones.
LANGUAGE_NOT_CONFIGURED = "LANGUAGE_NOT_CONFIGURED"
# Feedback (docs/feedback.md): the comment is longer than `extensions.maxLength` characters.
COMMENT_TOO_LONG = "COMMENT_TOO_LONG"
# Too much feedback from one resident or employee; `extensions.retryAfter` in seconds.
RATE_LIMITED = "RATE_LIMITED"
# The page exists, but not in the language asked for; `extensions.languages` and
# `extensions.translations` name the versions the caller may see.
NOT_TRANSLATED = "NOT_TRANSLATED"


class ClientError(GraphQLError):
    """Raise from a resolver: becomes a GraphQL error with `extensions.code`."""

    def __init__(self, code: str, message: str, **extensions):
        super().__init__(message, extensions={"code": code, **extensions})
