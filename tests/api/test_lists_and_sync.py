from datetime import timedelta

import pytest
from django.utils import timezone

from .conftest import error_codes

pytestmark = pytest.mark.django_db

LIST = """query L($first: Int, $after: String, $site: String, $type: String, $keyword: String,
                 $since: DateTime, $order: PageOrder) {
  pages(first: $first, after: $after, site: $site, type: $type, keyword: $keyword,
        updatedSince: $since, orderBy: $order) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ref title site alsoOn }
    removed { id ref reason }
  }
}"""


def _pages(gql, **variables):
    result = gql(LIST, variables)
    assert "errors" not in result, result
    return result["data"]["pages"]


def test_cursor_pagination_walks_the_whole_list_once(gql, hub_content):
    total = _pages(gql, first=100)["totalCount"]
    seen, after = [], None
    while True:
        page = _pages(gql, first=2, after=after, order="TITLE_ASC")
        seen += [n["ref"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == total == len(set(seen))
    assert seen == [n["ref"] for n in _pages(gql, first=100, order="TITLE_ASC")["nodes"]]


def test_sorting_by_title_uses_an_enum(gql, hub_content):
    titles = [n["title"] for n in _pages(gql, first=100, order="TITLE_ASC")["nodes"]]
    assert titles == sorted(titles)
    assert error_codes(gql('{ pages(orderBy: "title") { totalCount } }'))


def test_a_site_lists_its_own_pages_and_those_shared_with_it(gql, hub_content):
    verkeer = _pages(gql, first=100, site="verkeer")["nodes"]
    refs = {n["ref"] for n in verkeer}
    assert refs == {"article-wegwerkzaamheden-brink", "product-parkeervergunning"}
    shared = [n for n in verkeer if n["ref"] == "product-parkeervergunning"][0]
    assert shared["site"] == "deventer" and shared["alsoOn"] == ["verkeer"]


def test_filters_by_type_and_keyword(gql, hub_content):
    assert {n["ref"] for n in _pages(gql, type="answer")["nodes"]} == {"answer-paspoort-kwijt"}
    assert {n["ref"] for n in _pages(gql, keyword="paspoort")["nodes"]} == {"product-paspoort", "answer-paspoort-kwijt"}


def test_updated_since_returns_changed_pages_and_reports_removed_ones(gql, hub_content):
    from content.models import ArticlePage, ProductPage

    since = timezone.now()
    assert _pages(gql, since=since.isoformat())["nodes"] == []
    changed = ProductPage.objects.get(ref="product-paspoort")
    changed.title = "Paspoort aanvragen of verlengen"
    changed.save_revision().publish()
    ProductPage.objects.get(ref="product-parkeervergunning").unpublish()
    ArticlePage.objects.get(ref="article-nieuws-stadhuis").delete()
    result = _pages(gql, since=since.isoformat())
    assert [n["ref"] for n in result["nodes"]] == ["product-paspoort"]
    assert {(r["ref"], r["reason"]) for r in result["removed"]} == {
        ("product-parkeervergunning", "unpublished"),
        ("article-nieuws-stadhuis", "deleted"),
    }
    # a page that comes back is no longer "removed"
    ProductPage.objects.get(ref="product-parkeervergunning").save_revision().publish()
    later = _pages(gql, since=since.isoformat())
    assert {r["ref"] for r in later["removed"]} == {"article-nieuws-stadhuis"}
    assert _pages(gql, since=(timezone.now() + timedelta(minutes=1)).isoformat())["removed"] == []


def test_parent_lists_only_the_direct_children_of_a_section(gql, hub_content):
    query = 'query { pages(site: "deventer", parent: "/producten/", first: 50) { nodes { ref } } }'
    refs = {n["ref"] for n in gql(query)["data"]["pages"]["nodes"]}
    assert refs == {"product-paspoort", "product-parkeervergunning"}
    assert error_codes(gql('{ pages(parent: "/producten/") { totalCount } }')) == ["BAD_INPUT"]


def test_the_viewer_field_tells_a_console_whether_the_caller_is_staff(gql, hub_content, staff_token):
    assert gql("{ viewer { authenticated staff } }")["data"]["viewer"] == {"authenticated": False, "staff": False}
    staff = gql("{ viewer { authenticated staff } }", token=staff_token)["data"]["viewer"]
    assert staff == {"authenticated": True, "staff": True}
