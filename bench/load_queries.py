"""The GraphQL documents of the load test's users: the front-ends' own (frontend_sites/queries/)
and the website's search, sent as public GET requests."""

import json

from frontend_sites.hub_client import query

SITE = "deventer"
PAGE, PAGES, SYNC = query("page"), query("pages"), query("sync")
SUGGEST = query("search_suggestions")
# The website's search (frontend_sites/hub_search.py builds it from the schema's arguments).
SEARCH = (
    "query Search($query: String!, $site: String, $channel: Channel, $first: Int) {"
    " search(query: $query, site: $site, channel: $channel, first: $first) {"
    " hits { id ref title url site snippet score contentType } totalCount suggestions didYouMean queryId"
    " facets { sites { value count } contentTypes { value count } keywords { value count } }"
    " pageInfo { hasNextPage endCursor } } }"
)


def get_params(document: str, variables: dict) -> dict:
    """The query string of a GraphQL GET request."""
    return {"query": document, "variables": json.dumps(variables)}


def page_variables(page: dict) -> dict:
    return {"site": SITE, "path": page["path"], "channel": "WEB"}


def listing_variables() -> dict:
    return {"site": SITE, "type": "product", "channel": "WEB", "first": 100, "orderBy": "TITLE_ASC"}


def search_variables(words: str) -> dict:
    return {"query": words, "site": SITE, "first": 10}


def sync_variables(since: str | None) -> dict:
    return {"site": SITE, "since": since, "first": 100, "after": None}
