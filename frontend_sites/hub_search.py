"""Search through the hub's shared index, built on what the hub's `search` field offers."""

import logging
from dataclasses import dataclass, field

from . import hub_client
from .capabilities import capabilities

logger = logging.getLogger(__name__)
HIT_FIELDS = "id ref title url site snippet score contentType"
FACETS = "facets { sites { value count } contentTypes { value count } keywords { value count } }"
CONTENT_TYPE_ARGS = ("contentType", "contentTypes", "type")
CONTENT_TYPE_LABELS = {
    "product": "Producten en diensten",
    "answer": "Vragen en antwoorden",
    "article": "Nieuws en werkzaamheden",
    "section": "Overzichten",
    "home": "Home",
}


class SearchUnavailable(Exception):
    """The hub has no search yet, or its search engine does not answer."""


@dataclass
class SearchResult:
    query: str
    hits: list[dict] = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
    did_you_mean: str | None = None
    query_id: str | None = None
    end_cursor: str | None = None
    has_next_page: bool = False


def search(
    query: str,
    *,
    site: str | None,
    channel: str = "WEB",
    keywords: list[str] | None = None,
    content_type: str | None = None,
    first: int = 10,
    after: str | None = None,
    token: str | None = None,
    language: str | None = None,
) -> SearchResult:
    caps = capabilities()
    if not caps.has_search:
        raise SearchUnavailable("The hub's schema has no `search` field yet.")
    args = caps.search_args()
    values = {
        "query": query,
        "site": site,
        "channel": channel,
        "keywords": keywords or None,
        "first": first,
        "after": after,
        "language": language,
    }
    type_arg = next((name for name in CONTENT_TYPE_ARGS if name in args), None)
    if type_arg and content_type:
        values[type_arg] = [content_type] if args[type_arg].startswith("[") else content_type
    values = {k: v for k, v in values.items() if k in args and v is not None}
    document = _document(args, values, caps.search_result_fields)
    try:
        data = hub_client.client(token).execute(document, values)
    except hub_client.FieldMissing as error:
        raise SearchUnavailable(error.message) from error
    except hub_client.HubError as error:
        if error.code in {"SEARCH_UNAVAILABLE", "INTERNAL_ERROR"}:
            raise SearchUnavailable(error.message) from error
        raise
    raw = data.get("search") or {}
    hits = raw.get("hits") or []
    if content_type and not type_arg:  # the hub cannot filter by type: do it for this slice
        hits = [h for h in hits if h.get("contentType") == content_type]
    page_info = raw.get("pageInfo") or {}
    return SearchResult(
        query=query,
        hits=hits,
        total=raw.get("totalCount", len(hits)),
        facets=raw.get("facets") or {},
        suggestions=raw.get("suggestions") or [],
        did_you_mean=raw.get("didYouMean"),
        query_id=raw.get("queryId"),
        end_cursor=page_info.get("endCursor"),
        has_next_page=bool(page_info.get("hasNextPage")),
    )


def _document(args: dict[str, str], values: dict, result_fields: set[str]) -> str:
    variables = ", ".join(f"${name}: {args[name]}" for name in values)
    arguments = ", ".join(f"{name}: ${name}" for name in values)
    selection = [f"hits {{ {HIT_FIELDS} }}"]
    known = result_fields or {"totalCount", "facets", "suggestions", "didYouMean"}
    for name in ("totalCount", "suggestions", "didYouMean", "queryId"):
        if name in known:
            selection.append(name)
    if "facets" in known:
        selection.append(FACETS)
    if "pageInfo" in known:
        selection.append("pageInfo { hasNextPage endCursor }")
    return f"query Search({variables}) {{ search({arguments}) {{ {' '.join(selection)} }} }}"


def suggestions(prefix: str, site: str | None, language: str | None = None) -> list[str]:
    """Completions for what a resident is typing; empty when the hub has none."""
    caps = capabilities()
    if not prefix.strip() or not caps.has_suggestions:
        return []
    if language and "language" in caps.query_fields.get("searchSuggestions", {}):
        try:
            data = hub_client.client().execute(
                hub_client.query("search_suggestions_language"), {"prefix": prefix, "site": site, "language": language}
            )
        except hub_client.HubError:
            return []
        return list(data.get("searchSuggestions") or [])[:10]
    try:
        data = hub_client.client().execute(hub_client.query("search_suggestions"), {"prefix": prefix, "site": site})
    except hub_client.HubError:
        return []
    return list(data.get("searchSuggestions") or [])[:10]


def record_feedback(query_id: str, found: bool, token: str | None) -> bool:
    """Call `recordSearchFeedback` when the hub has it. True when it was recorded."""
    mutation = capabilities().feedback
    if not mutation or not query_id:
        return False
    args = mutation["args"]
    selection = " { __typename }" if mutation["returns_object"] else ""
    document = (
        f"mutation RecordSearchFeedback($queryId: {args.get('queryId', 'ID!')}, "
        f"$found: {args.get('found', 'Boolean!')}) "
        f"{{ recordSearchFeedback(queryId: $queryId, found: $found){selection} }}"
    )
    try:
        hub_client.client(token).execute(document, {"queryId": query_id, "found": found})
    except hub_client.HubError as error:
        logger.warning("Search feedback not recorded: %s", error)
        return False
    return True


def content_type_label(value: str) -> str:
    return CONTENT_TYPE_LABELS.get(value, value)
