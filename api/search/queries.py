"""The `search` and `searchSuggestions` fields."""

import logging

import graphene

from search.analytics import log_search
from search.engines import EngineUnavailable
from search.query import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SearchInputError
from search.query import search as run_search
from search.query import suggest as run_suggest

from ..access import viewer_for_request
from ..core.types import Channel, channel_value, decode_cursor, encode_cursor
from ..errors import BAD_INPUT, SEARCH_UNAVAILABLE, ClientError
from ..languages.arguments import language_argument, requested_language
from ..sites.directory import site_directory
from .types import FacetValue, SearchFacets, SearchHit, SearchResults

logger = logging.getLogger(__name__)


def _check_site(info, site):
    if site is None:
        return None
    directory = site_directory(info)
    directory.get(site)  # raises NOT_FOUND for an unknown key
    return site


def _unavailable(error):
    logger.warning("Search engine unavailable: %s", error)
    return ClientError(SEARCH_UNAVAILABLE, "Search is temporarily unavailable. Please try again later.")


class SearchQueries(graphene.ObjectType):
    search = graphene.Field(
        SearchResults,
        query=graphene.String(required=True, description=f"What to search for (1 to {MAX_QUERY_LENGTH} characters)."),
        site=graphene.String(description="Only pages shown on this site (key); all sites when left out."),
        channel=Channel(default_value="web", description="The channel the results are for."),
        keywords=graphene.List(
            graphene.NonNull(graphene.String), description="Only pages with all of these keywords (terms or synonyms)."
        ),
        first=graphene.Int(default_value=10, description=f"Results in this slice (0 to {MAX_PAGE_SIZE})."),
        after=graphene.String(description="Cursor of the last result of the previous slice."),
        language=language_argument("only pages in this language, searched with its keywords"),
        description="Search every site's pages in one index. Staff (token or session) also find internal content.",
    )
    search_suggestions = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        prefix=graphene.String(required=True, description="What has been typed so far."),
        site=graphene.String(description="Only suggest pages shown on this site (key)."),
        language=language_argument("completions from keywords and titles in this language"),
        description="Completions for a search box: keyword terms and page titles (at most 10).",
    )

    @staticmethod
    def resolve_search(root, info, query, site=None, channel="web", keywords=None, first=10, after=None, language=None):
        info.context._hub_uncacheable = True  # logged, with a queryId of its own (api/response_cache.py)
        viewer = viewer_for_request(info.context, channel_value(channel))
        language = requested_language(language)
        site = _check_site(info, site)
        offset = decode_cursor(after)
        try:
            response = run_search(
                query, viewer=viewer, site=site, keywords=keywords, first=first, after=offset, language=language
            )
        except SearchInputError as error:
            raise ClientError(BAD_INPUT, str(error)) from None
        except EngineUnavailable as error:
            raise _unavailable(error) from None
        log = log_search(
            response.query, site=site, channel=viewer.channel, result_count=response.total, staff=viewer.staff
        )
        directory = site_directory(info)
        hits = [
            SearchHit(
                id=hit.page_id,
                ref=hit.ref,
                title=hit.title,
                url=_url(directory, hit),
                site=hit.site_key,
                snippet=hit.snippet,
                score=round(hit.score, 6),
                content_type=hit.content_type,
                best_bet=hit.pinned,
            )
            for hit in response.hits
        ]
        end = offset + len(hits)
        return SearchResults(
            hits=hits,
            total_count=response.total,
            facets=SearchFacets(
                sites=_facet(response.facets.get("sites")),
                content_types=_facet(response.facets.get("content_types")),
                keywords=_facet(response.facets.get("keywords")),
            ),
            suggestions=response.suggestions,
            did_you_mean=response.did_you_mean,
            query_id=log.pk,
            page_info={"has_next_page": end < response.total, "end_cursor": encode_cursor(end - 1) if hits else None},
        )

    @staticmethod
    def resolve_search_suggestions(root, info, prefix, site=None, language=None):
        viewer = viewer_for_request(info.context, "web")
        language = requested_language(language)
        site = _check_site(info, site)
        if len(prefix) > MAX_QUERY_LENGTH:
            raise ClientError(BAD_INPUT, f"The prefix is longer than {MAX_QUERY_LENGTH} characters.")
        try:
            return run_suggest(prefix, viewer=viewer, site=site, language=language)
        except EngineUnavailable as error:
            raise _unavailable(error) from None


def _facet(values):
    return [FacetValue(value=value, count=count) for value, count in values or []]


def _url(directory, hit) -> str:
    config = directory.by_key.get(hit.site_key)
    # The index keeps the path within the language's tree; the language adds its prefix.
    return directory.url_for_path(config, hit.url_path, hit.language) if config else hit.url_path
