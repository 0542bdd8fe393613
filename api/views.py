"""The GraphQL endpoint: limits, stable error codes, and HTTP caching for public GET queries."""

import hashlib
import logging
import re
from functools import lru_cache

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView, HttpError
from graphql import ExecutionResult, GraphQLError, OperationType, execute, get_operation_ast, parse, validate
from graphql.validation import NoSchemaIntrospectionCustomRule, specified_rules

from . import response_cache
from .access import request_is_staff, request_user
from .core.limits import QueryMeasure
from .errors import (
    BAD_INPUT,
    DATABASE_UNAVAILABLE,
    INTERNAL_ERROR,
    QUERY_TOO_COMPLEX,
    QUERY_TOO_DEEP,
    RETRY_AFTER_SECONDS,
    ClientError,
)

logger = logging.getLogger(__name__)
MAX_QUERY_LENGTH = 20_000
DATABASE_DOWN_MESSAGE = "The database does not answer; nothing was changed. Try again in a few seconds."
# A NUL written as an escape inside a GraphQL string ("\u0000", or "\u{0}" in newer syntax).
_NUL_ESCAPE = re.compile(r"\\u(?:0000|\{0+\})", re.IGNORECASE)


class HubGraphQLView(GraphQLView):
    def dispatch(self, request, *args, **kwargs):
        request._hub_cost = None
        key = response_cache.key_for(request)
        if key is not None:
            request._hub_generation, answer = response_cache.lookup(key)
            if request._hub_generation is None:
                key = None  # the shared cache is away: build the answer, keep nothing
            else:
                request._hub_cache = "hit" if answer is not None else "miss"
            if answer is not None:
                request._hub_operation = answer.operation
                return self._cached(request, answer)
        try:
            request_user(request)  # a bad or revoked token is refused, whatever the query asks
            response = super().dispatch(request, *args, **kwargs)
        except ClientError as error:  # raised while reading who is calling
            response = self._json_error(request, error, 401 if error.extensions["code"] == "UNAUTHENTICATED" else 400)
        except (OperationalError, InterfaceError):
            request._hub_database_down = True
            response = self._json_error(request, ClientError(DATABASE_UNAVAILABLE, DATABASE_DOWN_MESSAGE), 503)
        except Exception:  # noqa: BLE001 - a client must never see a stack trace or a bare 500
            logger.exception("GraphQL request failed")
            response = self._json_error(request, ClientError(INTERNAL_ERROR, "Something went wrong on our side."), 500)
        if getattr(request, "_hub_database_down", False):
            response.status_code = 503
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return self._cache_headers(request, response, key)

    def _json_error(self, request, error, status):
        return HttpResponse(
            self.json_encode(request, {"errors": [self.format_error(error)]}),
            status=status,
            content_type="application/json",
        )

    def execute_graphql_request(self, request, data, query, variables, operation_name, show_graphiql=False):
        if not query:
            if show_graphiql:
                return None
            return ExecutionResult(errors=[ClientError(BAD_INPUT, "Must provide a query string.")])
        if not isinstance(query, str) or len(query) > MAX_QUERY_LENGTH:
            return ExecutionResult(
                errors=[ClientError(BAD_INPUT, f"The query must be a text of at most {MAX_QUERY_LENGTH} characters.")]
            )
        if variables is not None and not isinstance(variables, dict):
            return ExecutionResult(errors=[ClientError(BAD_INPUT, "`variables` must be a JSON object.")])
        if _has_nul(query) or _NUL_ESCAPE.search(query) or _has_nul(variables):
            # PostgreSQL cannot store or compare text with NUL characters: refuse them up front.
            return ExecutionResult(errors=[ClientError(BAD_INPUT, "Text may not contain NUL characters.")])
        if operation_name is not None and not isinstance(operation_name, str):
            return ExecutionResult(errors=[ClientError(BAD_INPUT, "`operationName` must be a text.")])
        document, errors = _parse_and_validate(self.schema.graphql_schema, query, settings.HUB_GRAPHQL["INTROSPECTION"])
        if errors:
            return ExecutionResult(errors=list(errors))
        operation = get_operation_ast(document, operation_name)
        request._hub_operation = operation.name.value if operation is not None and operation.name else None
        if request.method.lower() == "get" and operation is not None and operation.operation != OperationType.QUERY:
            if show_graphiql:
                return None
            return ExecutionResult(errors=[ClientError(BAD_INPUT, "Only queries may be sent with GET; use POST.")])
        limits = settings.HUB_GRAPHQL
        measure = QueryMeasure(document, variables, operation_name)
        request._hub_cost = {
            "cost": measure.cost,
            "maxCost": limits["MAX_COST"],
            "depth": measure.depth,
            "maxDepth": limits["MAX_DEPTH"],
        }
        if measure.depth > limits["MAX_DEPTH"]:
            return ExecutionResult(
                errors=[
                    ClientError(
                        QUERY_TOO_DEEP,
                        f"The query is {measure.depth} levels deep; at most {limits['MAX_DEPTH']} are allowed.",
                    )
                ]
            )
        if measure.cost > limits["MAX_COST"]:
            return ExecutionResult(
                errors=[
                    ClientError(
                        QUERY_TOO_COMPLEX,
                        f"The query costs {measure.cost}; at most {limits['MAX_COST']} is allowed.",
                        cost=measure.cost,
                        maxCost=limits["MAX_COST"],
                    )
                ]
            )
        result = execute(
            self.schema.graphql_schema,
            document,
            context_value=self.get_context(request),
            variable_values=variables,
            operation_name=operation_name,
            middleware=self.get_middleware(request),
        )
        if any(isinstance(e.original_error, OperationalError | InterfaceError) for e in result.errors or ()):
            request._hub_database_down = True  # answered 503 with Retry-After (dispatch)
        return result

    def get_response(self, request, data, show_graphiql=False):
        result, status = super().get_response(request, data, show_graphiql)
        if result is not None and request._hub_cost is not None:
            # Append the cost as `extensions` without decoding the whole response again.
            extensions = self.json_encode(request, {"extensions": {"cost": request._hub_cost}})
            result = result[:-1] + "," + extensions[1:] if result.endswith("}") else result
        return result, status

    @staticmethod
    def format_error(error):
        if isinstance(error, HttpError):
            return {"message": str(error.message or "Bad request."), "extensions": {"code": BAD_INPUT}}
        if not isinstance(error, GraphQLError):
            return {"message": str(error), "extensions": {"code": BAD_INPUT}}
        original = error.original_error
        if isinstance(original, OperationalError | InterfaceError):
            return {"message": DATABASE_DOWN_MESSAGE, "path": error.path, "extensions": {"code": DATABASE_UNAVAILABLE}}
        if original is not None and not isinstance(original, GraphQLError):
            if isinstance(original, ValueError | TypeError) and "int" in str(original).lower():
                return {"message": "A value is out of range.", "path": error.path, "extensions": {"code": BAD_INPUT}}
            logger.error("Unexpected error in a resolver", exc_info=original)
            return {
                "message": "Something went wrong on our side.",
                "path": error.path,
                "extensions": {"code": INTERNAL_ERROR},
            }
        formatted = error.formatted
        formatted.setdefault("extensions", {}).setdefault("code", BAD_INPUT)
        return formatted

    def _cache_headers(self, request, response, key=None):
        patch_vary_headers(response, ["Authorization", "Cookie"])
        private = (
            request.method != "GET"
            or response.status_code != 200
            or "HTTP_AUTHORIZATION" in request.META
            or getattr(request, "_hub_no_store", False)
            or _safe_is_staff(request)
        )
        if private:
            patch_cache_control(response, private=True, no_store=True)
            return response
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        patch_cache_control(response, public=True, max_age=settings.HUB_GRAPHQL["PUBLIC_CACHE_SECONDS"])
        if key is not None:
            response_cache.keep(key, request, response)
        return _not_modified_or(request, response)

    def _cached(self, request, answer):
        response = HttpResponse(answer.body, content_type=answer.content_type)
        response["ETag"] = answer.etag
        patch_vary_headers(response, ["Authorization", "Cookie"])
        patch_cache_control(response, public=True, max_age=settings.HUB_GRAPHQL["PUBLIC_CACHE_SECONDS"])
        return _not_modified_or(request, response)


def _not_modified_or(request, response):
    """304 when the caller holds this very answer (If-None-Match), else the answer."""
    if request.META.get("HTTP_IF_NONE_MATCH") != response["ETag"]:
        return response
    not_modified = HttpResponseNotModified()
    for header in ("ETag", "Cache-Control", "Vary"):
        not_modified[header] = response[header]
    return not_modified


@lru_cache(maxsize=512)
def _parse_and_validate(schema, query: str, introspection: bool):
    """Front-ends send the same few documents: parse and validate each once per process."""
    try:
        document = parse(query, max_tokens=5000)
    except GraphQLError as error:
        return None, (ClientError(BAD_INPUT, error.message),)
    rules = list(specified_rules)
    if not introspection:
        rules.append(NoSchemaIntrospectionCustomRule)
    errors = validate(schema, document, rules, max_errors=20)
    return document, tuple(ClientError(BAD_INPUT, e.message, locations=_locations(e)) for e in errors)


def _safe_is_staff(request) -> bool:
    try:
        return request_is_staff(request)
    except ClientError:
        return True


def _locations(error):
    return [{"line": loc.line, "column": loc.column} for loc in error.locations or []]


def make_graphql_view():
    from .schema import schema

    return csrf_exempt(HubGraphQLView.as_view(schema=schema, graphiql=settings.HUB_GRAPHQL["GRAPHIQL"]))


graphql_view = make_graphql_view()


def _has_nul(value) -> bool:
    """Whether a text, or any text inside lists and objects, holds a NUL character."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False
