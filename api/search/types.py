"""GraphQL types of the shared search."""

import graphene

from ..core.types import PageInfo


class FacetValue(graphene.ObjectType):
    """One value of a facet and how many results have it."""

    value = graphene.String(required=True, description="The value, such as a site key or a keyword term.")
    count = graphene.Int(required=True, description="Number of results with this value.")


class SearchFacets(graphene.ObjectType):
    """Counts over all results of the query (not only this slice), for filters in a front-end."""

    sites = graphene.List(graphene.NonNull(FacetValue), required=True, description="Results per site key.")
    content_types = graphene.List(
        graphene.NonNull(FacetValue), required=True, description="Results per content type (product, answer, article)."
    )
    keywords = graphene.List(
        graphene.NonNull(FacetValue), required=True, description="Results per controlled keyword (top 20)."
    )


class SearchHit(graphene.ObjectType):
    """One page found. Only pages and text the caller may see; snippets never quote internal text to the public."""

    id = graphene.ID(required=True, description="The page id.")
    ref = graphene.String(required=True, description="The page's stable reference.")
    title = graphene.String(required=True, description="The page title.")
    url = graphene.String(required=True, description="Full URL on the front-end of the page's own site.")
    site = graphene.String(required=True, description="Key of the page's own (canonical) site.")
    snippet = graphene.String(
        required=True, description="A piece of the text, HTML-escaped, with the matching words in <mark> tags."
    )
    score = graphene.Float(required=True, description="Relevance; higher is better. Only comparable within one query.")
    content_type = graphene.String(required=True, description="product, answer or article.")
    best_bet = graphene.Boolean(
        required=True, description="True when an editor promoted this page for a keyword in the query."
    )


class SearchResults(graphene.ObjectType):
    """A slice of the results of one search, with facets and help for a query without results."""

    hits = graphene.List(graphene.NonNull(SearchHit), required=True, description="The results in this slice.")
    total_count = graphene.Int(required=True, description="Number of results in all slices.")
    facets = graphene.Field(SearchFacets, required=True, description="Counts per site, content type and keyword.")
    suggestions = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Other searches to try; filled when nothing was found.",
    )
    did_you_mean = graphene.String(description="The query with typos corrected, when a correction was used.")
    query_id = graphene.ID(description="Identifies this search for `recordSearchFeedback` (answer found or not).")
    page_info = graphene.Field(PageInfo, required=True, description="Pagination information.")
