"""Pinned SQL query counts per front-end query, in Dutch and in English. They must not grow
with the number of pages, blocks, keywords or links, so an N+1 cannot come back unnoticed."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PRODUCT_PAGE = """query Product($path: String!) {
  page(site: "deventer", path: $path, channel: APP) {
    id ref title url site summary lastPublishedAt alsoOn keywords { term synonyms }
    ... on ProductPage { uplName actions { label url } sections { section heading blocks {
      id type
      ... on TextBlock { html }
      ... on LinkListBlock { links { title url pageRef } }
      ... on FragmentBlock { fragmentTitle fragmentBlocks { type ... on TextBlock { html }
                                                          ... on LinkListBlock { links { url } } } }
      ... on CostTableBlock { costRows { amountFormatted } }
    } } }
  }
}"""
LISTING = """query Listing($first: Int) {
  pages(site: "deventer", type: "product", first: $first) {
    totalCount nodes { ref title url summary keywords { term } alsoOn blocks { type ... on TextBlock { plainText } } }
  }
}"""
# The front-end's list of titles (the listing of the benchmark): no blocks, so no page bodies.
TITLES_LISTING = """query Titles($first: Int) {
  pages(site: "deventer", type: "product", first: $first, orderBy: TITLE_ASC) { nodes { id title url summary } }
}"""
ACTIONS_LISTING = """query Actions($first: Int) {
  pages(site: "deventer", type: "product", first: $first) { nodes { ref ... on ProductPage { actions { label } } } }
}"""
TITLES_LISTING_QUERIES = 3
# What the figures are today; a change that adds queries must update them on purpose.
# (One less since pages chosen in blocks load with the visibility rule in one go:
# `content.visibility.visible_pages`.)
PRODUCT_PAGE_QUERIES = 9
LISTING_QUERIES = 10
ENGLISH_PRODUCT_PAGE = """query EnglishProduct($path: String!) {
  page(site: "deventer", path: $path, channel: APP) {
    id ref title url path language site summary lastPublishedAt alsoOn keywords { term synonyms }
    translations { language path url ref }
    ... on ProductPage { uplName actions { label url } sections { section heading blocks {
      id type
      ... on TextBlock { html }
      ... on LinkListBlock { links { title url pageRef pagePath } }
      ... on FragmentBlock { fragmentTitle fragmentBlocks { type ... on TextBlock { html }
                                                          ... on LinkListBlock { links { url } } } }
      ... on CostTableBlock { costRows { amountFormatted } }
    } } }
  }
}"""
ENGLISH_LISTING = """query EnglishListing($first: Int) {
  pages(site: "deventer", type: "product", language: "en", first: $first) {
    totalCount nodes { ref title url path language translations { language url ref } summary keywords { term }
                       alsoOn blocks { type ... on TextBlock { plainText } ... on FragmentBlock { fragmentTitle } } }
  }
}"""
# An English page costs three queries more: the translated homes, the English fragments and
# `translations`.
ENGLISH_PRODUCT_PAGE_QUERIES = 12
ENGLISH_LISTING_QUERIES = 13


def _catalogue(pages: int, blocks: int, keywords: int) -> dict:
    terms = [f"trefwoord-{k}" for k in range(keywords)]
    items = []
    for n in range(pages):
        body = []
        for b in range(blocks):
            body.append({"type": "text", "value": f"Tekst {b} van product {n}."})
            body.append(
                {
                    "type": "link_list",
                    "value": [
                        {"title": "Ander product", "page": f"product-{(n + 1) % pages}"},
                        {"title": "Site", "url": "https://example.org"},
                    ],
                }
            )
        body.append({"type": "fragment", "section": "contact", "value": "contact"})
        body.append({"type": "cost_table", "section": "kosten", "value": [{"description": "Kosten", "amount": "10"}]})
        items.append(
            {
                "ref": f"product-{n}",
                "type": "product",
                "site": "deventer",
                "parent": "/producten/",
                "title": f"Product {n}",
                "slug": f"product-{n}",
                "keywords": terms,
                "also_on": ["verkeer"],
                "blocks": body,
            }
        )
    return {
        "format": "hub-import/1",
        "keywords": [{"term": t, "synonyms": ["x"]} for t in terms],
        "fragments": [
            {
                "ref": "contact",
                "title": "Contact",
                "blocks": [
                    {"type": "text", "value": "Bel 14 0570."},
                    {"type": "link_list", "value": [{"title": "Product", "page": "product-0"}]},
                ],
            }
        ],
        "items": items,
    }


def _count(client, query, variables):
    client.post("/graphql/", json.dumps({"query": query, "variables": variables}), content_type="application/json")
    # Measured warm: Django caches content types per process.
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/graphql/", json.dumps({"query": query, "variables": variables}), content_type="application/json"
        )
    body = response.json()
    assert "errors" not in body, body
    return len(queries), body


@pytest.fixture
def catalogue(import_json):
    from tests.conftest import load_fixture

    import_json(load_fixture("sites.json"))

    def build(pages, blocks, keywords):
        import_json(_catalogue(pages, blocks, keywords))

    return build


def test_the_product_page_query_count_is_flat_and_pinned(client, catalogue):
    catalogue(pages=2, blocks=1, keywords=1)
    small, body = _count(client, PRODUCT_PAGE, {"path": "/producten/product-0/"})
    assert body["data"]["page"]["ref"] == "product-0"
    catalogue(pages=12, blocks=15, keywords=8)
    large, body = _count(client, PRODUCT_PAGE, {"path": "/producten/product-0/"})
    assert len(body["data"]["page"]["keywords"]) == 8
    assert small == large == PRODUCT_PAGE_QUERIES


def test_the_listing_query_count_is_flat_and_pinned(client, catalogue):
    catalogue(pages=2, blocks=1, keywords=1)
    small, body = _count(client, LISTING, {"first": 50})
    assert len(body["data"]["pages"]["nodes"]) == 2
    catalogue(pages=25, blocks=6, keywords=5)
    large, body = _count(client, LISTING, {"first": 50})
    assert len(body["data"]["pages"]["nodes"]) == 25
    assert small == large == LISTING_QUERIES


def test_a_list_of_titles_takes_three_queries_and_never_reads_page_bodies(client, catalogue):
    catalogue(pages=25, blocks=6, keywords=5)
    _count(client, TITLES_LISTING, {"first": 50})
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/graphql/",
            json.dumps({"query": TITLES_LISTING, "variables": {"first": 50}}),
            content_type="application/json",
        )
    nodes = response.json()["data"]["pages"]["nodes"]
    assert [n["title"] for n in nodes] == sorted(n["title"] for n in nodes)
    assert len(nodes) == 25
    assert len(queries) == TITLES_LISTING_QUERIES
    assert not any('"body"' in q["sql"] or '"actions"' in q["sql"] for q in queries.captured_queries)


def test_actions_in_a_list_load_with_the_pages_not_one_query_per_page(client, catalogue):
    catalogue(pages=2, blocks=1, keywords=1)
    small, _body = _count(client, ACTIONS_LISTING, {"first": 50})
    catalogue(pages=25, blocks=1, keywords=1)
    large, body = _count(client, ACTIONS_LISTING, {"first": 50})
    assert len(body["data"]["pages"]["nodes"]) == 25
    assert small == large == TITLES_LISTING_QUERIES


def _english_catalogue(pages: int, blocks: int, keywords: int) -> dict:
    """English translations of the products of `_catalogue`, linking to each other."""
    items = []
    for n in range(pages):
        body = []
        for b in range(blocks):
            body.append({"type": "text", "value": f"Text {b} of product {n}."})
            other = f"product-{(n + 1) % pages}-en"
            body.append({"type": "link_list", "value": [{"title": "Other product", "page": other}]})
        body.append({"type": "fragment", "section": "contact", "value": "contact"})
        body.append({"type": "cost_table", "section": "kosten", "value": [{"description": "Costs", "amount": "10"}]})
        items.append(
            {
                "ref": f"product-{n}-en",
                "type": "product",
                "language": "en",
                "translation_of": f"product-{n}",
                "title": f"Product {n} in English",
                "slug": f"product-{n}",
                "keywords": [f"keyword-{k}" for k in range(keywords)],
                "also_on": ["verkeer"],
                "blocks": body,
            }
        )
    return {
        "format": "hub-import/1",
        "keywords": [
            {"term": f"keyword-{k}", "language": "en", "translation_of": f"trefwoord-{k}"} for k in range(keywords)
        ],
        "fragments": [
            {
                "ref": "contact",
                "language": "en",
                "title": "Contact",
                "blocks": [
                    {"type": "text", "value": "Call 14 0570."},
                    # A fragment cannot yet link to a translation made in the same file.
                    {"type": "link_list", "value": [{"title": "Product", "page": "product-0"}]},
                ],
            }
        ],
        "items": items,
    }


@pytest.fixture
def bilingual_catalogue(catalogue, import_json):
    def build(pages, blocks, keywords):
        catalogue(pages, blocks, keywords)
        import_json(_english_catalogue(pages, blocks, keywords))

    return build


def test_the_english_product_page_query_count_is_flat_and_pinned(client, bilingual_catalogue):
    bilingual_catalogue(pages=2, blocks=1, keywords=1)
    small, body = _count(client, ENGLISH_PRODUCT_PAGE, {"path": "/en/producten/product-0/"})
    data = body["data"]
    assert (data["page"]["ref"], data["page"]["translations"][0]["ref"]) == ("product-0-en", "product-0")
    bilingual_catalogue(pages=12, blocks=15, keywords=8)
    large, body = _count(client, ENGLISH_PRODUCT_PAGE, {"path": "/en/producten/product-0/"})
    data = body["data"]
    assert [k["term"] for k in data["page"]["keywords"]] == sorted(f"keyword-{k}" for k in range(8))
    blocks = [b for s in data["page"]["sections"] for b in s["blocks"]]
    assert {b.get("fragmentTitle") for b in blocks if b["type"] == "fragment"} == {"Contact"}
    assert small == large == ENGLISH_PRODUCT_PAGE_QUERIES


def test_the_english_listing_query_count_is_flat_and_pinned(client, bilingual_catalogue):
    bilingual_catalogue(pages=2, blocks=1, keywords=1)
    small, body = _count(client, ENGLISH_LISTING, {"first": 50})
    data = body["data"]
    assert {n["language"] for n in data["pages"]["nodes"]} == {"en"}
    bilingual_catalogue(pages=25, blocks=6, keywords=5)
    large, body = _count(client, ENGLISH_LISTING, {"first": 50})
    data = body["data"]
    assert len(data["pages"]["nodes"]) == 25
    assert all(n["translations"][0]["language"] == "nl" for n in data["pages"]["nodes"])
    assert small == large == ENGLISH_LISTING_QUERIES
