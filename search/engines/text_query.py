"""The text part of an OpenSearch/Elasticsearch query: groups of alternatives (elasticsearch-dsl),
each weighted as search.understanding planned it."""

from __future__ import annotations

from elasticsearch_dsl import Q

from ..understanding import prefix_allowed
from .base import SearchRequest


def text_query(request: SearchRequest, fields: list[str], edge_fields: list[str], groups=None):
    """Every group must (or, for `match="any"`, may) match one of its alternatives.

    Nothing is fuzzy: the query planner has already turned typos into exact alternatives (from
    the vocabulary and the keywords), as on every engine; fuzzy expansion tripled the cost of
    a query on OpenSearch and found nothing more in the quality set."""
    groups = [
        Q(
            "bool",
            should=[alternative(a, fields, edge_fields, request.weight(a)) for a in group],
            minimum_should_match=1,
        )
        for group in (request.groups if groups is None else groups)
    ]
    if request.match == "all":
        return Q("bool", must=groups)
    return Q("bool", should=groups, minimum_should_match=1)


def alternative(text: str, fields: list[str], edge_fields: list[str], weight: float = 1.0):
    """One alternative; a derived or thesaurus one (weight < 1) counts less and is never a prefix."""
    extra = {} if weight == 1.0 else {"boost": weight}
    if " " in text.strip():
        return Q("multi_match", query=text, fields=fields, type="phrase", **extra)
    exact = Q("multi_match", query=text, fields=fields, **extra)
    if not prefix_allowed(weight):
        return exact
    edge = Q("multi_match", query=text, fields=edge_fields, boost=0.5)
    return Q("bool", should=[edge, exact], minimum_should_match=1)
