"""The one entry point for searching: `search(query, viewer=...)`.

It understands the query once for every engine (search.understanding: filler, hyphens, verb
forms, controlled keywords and the municipal thesaurus, at query time), corrects typos against
the engine's vocabulary, puts best bets first, scopes by site and channel, lets only staff
see internal pages and internal text, and filters the hits by the visibility rule once more.
Every search is in one language (`language`, the default language when left out): only pages
in that language are found, with that language's keywords, stemming and stop words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from content.languages import is_configured
from content.visibility import Viewer, visible_page_ids

from .analysis import fold
from .engines import Hit, SearchEngine, SearchRequest, get_engine
from .keywords import KeywordIndex, best_bets_in, keyword_index
from .metrics import timed_search
from .thesaurus import thesaurus
from .understanding import QueryPlan, plan_query

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 50
MAX_SUGGESTIONS = 10


class SearchInputError(ValueError):
    """The query or its options cannot be searched (empty, too long, too many results asked)."""


@dataclass
class SearchResponse:
    query: str
    hits: list[Hit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
    did_you_mean: str | None = None
    matched_keywords: list[str] = field(default_factory=list)
    offset: int = 0


def normalise_query(query: str) -> str:
    return " ".join((query or "").split())


def correct(plan: QueryPlan, corrections: dict[str, str], index: KeywordIndex) -> bool:
    """Give each plain word its engine correction or a keyword within typo distance.

    Returns whether the groups changed (and the search must run again)."""
    for position, word in plan.plain:
        correction = corrections.get(fold(word))
        near = index.near(word) if correction is None else None
        if near is not None:
            plan.groups[position] += [t for t in near.terms if t not in plan.groups[position]]
            plan.note_keyword(near)
            replacement = near.term
        elif correction:
            plan.groups[position].append(correction)
            replacement = correction
        else:
            continue
        plan.corrected[plan.corrected.index(word)] = replacement
        plan.changed = True
    return plan.changed


def _pins(plan: QueryPlan, language: str | None) -> list[int]:
    return best_bets_in(language, plan.best_bets, plan.borrowed_best_bets)


def search(
    query: str,
    *,
    viewer: Viewer,
    site: str | None = None,
    keywords: list[str] | None = None,
    content_types: list[str] | None = None,
    first: int = 10,
    after: int = 0,
    engine: SearchEngine | None = None,
    language: str | None = None,
) -> SearchResponse:
    """Search the shared index as `viewer`, in `language` (a configured language code; None:
    the default language). Raises SearchInputError, or EngineUnavailable."""
    engine = engine or get_engine()
    with timed_search(engine.name):
        return _search(query, viewer, site, keywords, content_types, first, after, engine, language)


def _search(query, viewer, site, keywords, content_types, first, after, engine, language) -> SearchResponse:
    text = normalise_query(query)
    if not text:
        raise SearchInputError("The query is empty.")
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchInputError(f"The query is longer than {MAX_QUERY_LENGTH} characters.")
    if first < 0 or first > MAX_PAGE_SIZE:
        raise SearchInputError(f"`first` must be between 0 and {MAX_PAGE_SIZE}.")
    if after < 0:
        raise SearchInputError("`after` must not be negative.")
    _check_language(language)
    index = keyword_index(language)
    plan = plan_query(text, index, thesaurus(index.language, index.token))
    filter_keywords = [index.preferred(k) or k for k in keywords or []]
    request = SearchRequest(
        groups=plan.groups,
        audiences=viewer.audiences,
        channel=viewer.channel,
        sites=[site] if site else None,
        keywords=filter_keywords or None,
        content_types=content_types or None,
        pinned_page_ids=_pins(plan, language),
        weights=plan.weights,
        offset=after,
        limit=first,
        language=language,
    )
    # Engines that can send the query with the typo check in one request do so; the query runs
    # again only when a correction changed it.
    results, corrections = engine.search_and_correct(request, [w for _, w in plan.plain], staff=viewer.staff)
    if correct(plan, corrections, index) or results is None:
        request.groups = plan.groups
        request.pinned_page_ids = _pins(plan, language)
        results = engine.search(request)
    if results.total == 0 and len(plan.groups) > 1:
        # Nothing has every word: show what has most of them rather than nothing.
        request.match = "any"
        results = engine.search(request)
    # Defence in depth: the index may lag behind an unpublish; the visibility rule does not.
    visible = visible_page_ids([h.page_id for h in results.hits], viewer) if results.hits else set()
    hits = [h for h in results.hits if h.page_id in visible]
    if len(hits) < len(results.hits):
        logger.warning(
            "Search index holds %d page(s) the viewer may not see; is the outbox behind?", len(results.hits) - len(hits)
        )
    response = SearchResponse(
        query=text,
        hits=hits,
        total=results.total - (len(results.hits) - len(hits)),
        facets=results.facets,
        matched_keywords=plan.keywords,
        offset=after,
    )
    corrected = " ".join(plan.corrected)
    if plan.changed and fold(corrected) != fold(text):
        response.did_you_mean = corrected
    if response.total == 0:
        response.suggestions = suggest(text, viewer=viewer, site=site, engine=engine, index=index, language=language)
    return response


def _check_language(language: str | None) -> None:
    if language is not None and not is_configured(language):
        raise SearchInputError(f"The language {language!r} is not one of the hub's languages.")


def suggest(
    prefix: str,
    *,
    viewer: Viewer,
    site: str | None = None,
    limit: int = MAX_SUGGESTIONS,
    engine: SearchEngine | None = None,
    index: KeywordIndex | None = None,
    language: str | None = None,
) -> list[str]:
    """Completions for `prefix` in `language` (None: the default language): keyword terms
    first, then titles of pages in that language the viewer may find."""
    prefix = normalise_query(prefix)[:MAX_QUERY_LENGTH]
    if not prefix:
        return []
    _check_language(language)
    engine = engine or get_engine()
    index = index or keyword_index(language)
    folded = fold(prefix)
    found = [e.term for e in index.entries if any(fold(t).startswith(folded) for t in e.terms)]
    sites = [site] if site else None
    found += engine.suggest(prefix, audiences=viewer.audiences, sites=sites, limit=limit, language=language)
    return list(dict.fromkeys(found))[:limit]
