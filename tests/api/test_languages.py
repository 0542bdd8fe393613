"""A front-end asks for a language and gets that language's content: pages by path (with or
without `/en/`) and by ref, lists per language with their own sync, menus, fragments, the
versions in other languages, and coded errors for a language that is not there."""

import json

import pytest
from django.utils import timezone

from tests.conftest import HUB_CONTENT

from .conftest import error_codes

pytestmark = pytest.mark.django_db

PAGE = """query Page($path: String!, $language: String, $channel: Channel) {
  page(site: "deventer", path: $path, language: $language, channel: $channel) {
    ref title path url language translations { language path url ref }
  }
}"""
PAGE_BY_REF = """query ByRef($ref: String!, $language: String) {
  pageByRef(ref: $ref, language: $language) { ref title path language translations { language ref } }
}"""
PREVIEW_BY_PATH = """query Preview($path: String!, $token: String) {
  page(site: "deventer", path: $path, previewToken: $token) { ref language title }
}"""
PREVIEW_BY_REF = """query PreviewByRef($ref: String!, $language: String, $token: String) {
  pageByRef(ref: $ref, language: $language, previewToken: $token) { ref language title }
}"""
PAGE_BLOCKS = """query Blocks($path: String!) {
  page(site: "deventer", path: $path) {
    blocks { type ... on FragmentBlock { fragmentTitle fragmentBlocks { ... on TextBlock { plainText } } } }
  }
}"""
PAGES = """query Pages($language: String, $since: DateTime) {
  pages(site: "deventer", language: $language, updatedSince: $since, first: 100) {
    totalCount nodes { ref language path } removed { ref reason }
  }
}"""
SITE_MENU = """query Menu($key: String!, $language: String) {
  site(key: $key, language: $language) { key language languages menu { title path url } }
}"""
LANGUAGES = "{ languages { code name default } }"
SEARCH = """query Search($query: String!, $prefix: String!, $language: String) {
  search(query: $query, language: $language) { hits { ref url } }
  searchSuggestions(prefix: $prefix, language: $language)
}"""
EVERY_FIELD_WITH_LANGUAGE = {
    "page": 'page(site: "deventer", path: "/", language: $language) { title }',
    "pageByRef": 'pageByRef(ref: "product-paspoort", language: $language) { title }',
    "pages": "pages(language: $language) { totalCount }",
    "search": 'search(query: "paspoort", language: $language) { totalCount }',
    "searchSuggestions": 'searchSuggestions(prefix: "pas", language: $language)',
    "site": 'site(key: "deventer", language: $language) { key }',
    "sites": "sites(language: $language) { key }",
}

# English content in the import format: a public translation with an English fragment, an
# internal translation of a public answer, and (saved as a draft) a translation that is not
# published yet.
ENGLISH = {
    "format": "hub-import/1",
    "keywords": [
        {"term": "passport", "variants": ["pasport"], "translation_of": "paspoort", "language": "en"},
    ],
    "fragments": [
        {
            "language": "en",
            "ref": "contact-gemeente",
            "title": "Contact the municipality",
            "blocks": [{"type": "text", "value": "Phone **14 0570** on working days."}],
        }
    ],
    "items": [
        {
            "type": "product",
            "ref": "product-passport",
            "translation_of": "product-paspoort",
            "language": "en",
            "title": "Apply for a passport",
            "summary": "Apply for a Dutch passport at the town hall of Deventer.",
            "keywords": ["passport"],
            "blocks": [
                {"type": "steps", "value": ["Make an appointment.", "Bring a photo.", "Collect your passport."]},
                {"type": "fragment", "value": "contact-gemeente", "section": "contact"},
            ],
        },
        {
            "type": "answer",
            "ref": "answer-lost-passport",
            "translation_of": "answer-paspoort-kwijt",
            "language": "en",
            "audience": "internal",
            "title": "What do I do when my passport is lost?",
            "blocks": [{"type": "text", "value": "ENGLISH-INTERNAL instructions."}],
        },
    ],
}
ENGLISH_DRAFT = {
    "format": "hub-import/1",
    "items": [
        {
            "ref": "product-parking-permit",
            "type": "product",
            "language": "en",
            "translation_of": "product-parkeervergunning",
            "title": "Parking permit for residents",
            "blocks": [{"type": "text", "value": "ENGLISH-DRAFT text."}],
        }
    ],
}
PASSPORT_NL = "/producten/paspoort-aanvragen/"
PASSPORT_EN = "/en/producten/apply-for-a-passport/"


@pytest.fixture(scope="module")
def module_english(module_import):
    module_import(*HUB_CONTENT, (ENGLISH, True), (ENGLISH_DRAFT, False))


@pytest.fixture
def english(module_english, db):
    """The shared content of tests/fixtures with its English translations, once per module."""


@pytest.fixture(scope="module")
def module_english_index(module_english, django_db_blocker):
    from tests.search.conftest import indexed_engine

    with indexed_engine("database", django_db_blocker) as engine:
        yield engine


@pytest.fixture
def english_search(module_english_index, english, settings):
    """The English content indexed by the database engine."""
    from tests.search.conftest import point_settings_at

    point_settings_at(settings, module_english_index)


def _data(result, field):
    assert "errors" not in result, result["errors"]
    return result["data"][field]


def _error(result):
    (error,) = result["errors"]
    return error["extensions"]


def test_the_configured_languages_are_listed_default_first(gql, db):
    assert _data(gql(LANGUAGES), "languages") == [
        {"code": "nl", "name": "Nederlands", "default": True},
        {"code": "en", "name": "English", "default": False},
    ]


def test_an_english_page_is_found_by_its_path_with_the_language_prefix(gql, english):
    page = _data(gql(PAGE, {"path": PASSPORT_EN}), "page")
    assert (page["ref"], page["language"], page["path"]) == ("product-passport", "en", PASSPORT_EN)
    assert page["url"] == "http://localhost:8001" + PASSPORT_EN


def test_an_english_page_is_found_by_its_path_without_prefix_and_the_language(gql, english):
    page = _data(gql(PAGE, {"path": "/producten/apply-for-a-passport/", "language": "en"}), "page")
    assert page["ref"] == "product-passport"
    assert _data(gql(PAGE, {"path": PASSPORT_EN, "language": "en"}), "page")["ref"] == "product-passport"


def test_without_prefix_and_language_the_dutch_page_keeps_its_path(gql, english):
    page = _data(gql(PAGE, {"path": PASSPORT_NL}), "page")
    assert (page["ref"], page["language"], page["path"]) == ("product-paspoort", "nl", PASSPORT_NL)
    assert page["url"] == "http://localhost:8001" + PASSPORT_NL


def test_a_prefix_and_a_language_that_disagree_are_bad_input(gql, english):
    assert error_codes(gql(PAGE, {"path": PASSPORT_EN, "language": "nl"})) == ["BAD_INPUT"]


def test_a_page_without_translation_is_not_translated_with_the_languages_it_has(gql, english):
    # The English translation of the parking permit is a draft: not there for anyone.
    path = "/producten/parkeervergunning-voor-bewoners/"
    for variables in ({"path": path, "language": "en"}, {"path": "/en" + path}):
        result = gql(PAGE, variables)
        assert result["data"]["page"] is None
        extensions = _error(result)
        assert extensions["code"] == "NOT_TRANSLATED"
        assert extensions["languages"] == ["nl"]
        assert extensions["translations"] == [{"language": "nl", "path": path, "url": "http://localhost:8001" + path}]
    result = gql(PAGE_BY_REF, {"ref": "product-parkeervergunning", "language": "en"})
    assert result["data"]["pageByRef"] is None
    assert _error(result)["code"] == "NOT_TRANSLATED"
    assert "ENGLISH-DRAFT" not in json.dumps(result["errors"]) and "parking" not in json.dumps(result["errors"])


def test_a_path_of_one_language_asked_in_another_names_where_the_page_is(gql, english):
    # The English page's path without prefix is no Dutch address; the Dutch version is elsewhere.
    result = gql(PAGE, {"path": "/producten/apply-for-a-passport/"})
    assert result["data"]["page"] is None
    extensions = _error(result)
    assert extensions["code"] == "NOT_FOUND"
    assert [(t["language"], t["path"]) for t in extensions["translations"]] == [
        ("nl", PASSPORT_NL),
        ("en", PASSPORT_EN),
    ]


def test_nothing_at_a_path_in_any_language_is_not_found(gql, english):
    for path in ("/producten/bestaat-niet/", "/en/producten/bestaat-niet/"):
        assert error_codes(gql(PAGE, {"path": path})) == ["NOT_FOUND"]


def test_page_by_ref_gives_the_translation_in_the_language_asked(gql, english):
    page = _data(gql(PAGE_BY_REF, {"ref": "product-paspoort", "language": "en"}), "pageByRef")
    assert (page["ref"], page["path"]) == ("product-passport", PASSPORT_EN)
    page = _data(gql(PAGE_BY_REF, {"ref": "product-passport", "language": "nl"}), "pageByRef")
    assert (page["ref"], page["language"]) == ("product-paspoort", "nl")
    assert _data(gql(PAGE_BY_REF, {"ref": "product-passport"}), "pageByRef")["language"] == "en"


@pytest.mark.parametrize("code", ["pl", "xx", "EN", "", " en", "en-GB", "nl_NL", "x" * 5000])
@pytest.mark.parametrize("field", sorted(EVERY_FIELD_WITH_LANGUAGE))
def test_a_language_that_is_not_configured_is_refused_on_every_field(gql, english, field, code):
    result = gql(f"query Q($language: String) {{ {EVERY_FIELD_WITH_LANGUAGE[field]} }}", {"language": code})
    extensions = _error(result)
    assert extensions["code"] == "LANGUAGE_NOT_CONFIGURED"
    assert extensions["languages"] == ["nl", "en"]


@pytest.mark.parametrize(
    "variables",
    [
        {"path": "/en"},
        {"path": "/en/"},
        {"path": "/EN/producten/apply-for-a-passport/"},
        {"path": "en/producten/apply-for-a-passport/"},
        {"path": "/nl/producten/paspoort-aanvragen/"},
        {"path": "/en/en/producten/"},
        {"path": "/pl/producten/"},
        {"path": "/en/%00/"},
        {"path": "/" + "en/" * 400},
        {"path": PASSPORT_EN, "language": 5},
        {"path": PASSPORT_EN, "language": ["en"]},
        {"path": PASSPORT_EN, "language": {"code": "en"}},
    ],
)
def test_bad_language_input_is_never_a_server_error(gql, english, variables):
    result = gql(PAGE, variables)
    codes = error_codes(result)
    assert "INTERNAL_ERROR" not in codes
    assert codes or result["data"]["page"]["language"] in {"nl", "en"}


def test_a_page_lists_its_visible_translations(gql, english):
    dutch = _data(gql(PAGE, {"path": PASSPORT_NL}), "page")
    assert dutch["translations"] == [
        {"language": "en", "path": PASSPORT_EN, "url": "http://localhost:8001" + PASSPORT_EN, "ref": "product-passport"}
    ]
    english_page = _data(gql(PAGE, {"path": PASSPORT_EN}), "page")
    assert [(t["language"], t["ref"]) for t in english_page["translations"]] == [("nl", "product-paspoort")]


def test_an_internal_or_draft_translation_never_appears_for_an_anonymous_caller(gql, english):
    answer = _data(gql(PAGE_BY_REF, {"ref": "answer-paspoort-kwijt"}), "pageByRef")
    assert answer["translations"] == []
    parking = _data(gql(PAGE_BY_REF, {"ref": "product-parkeervergunning"}), "pageByRef")
    assert parking["translations"] == []
    result = gql(PAGE_BY_REF, {"ref": "answer-paspoort-kwijt", "language": "en"})
    assert _error(result)["code"] == "NOT_TRANSLATED" and _error(result)["languages"] == ["nl"]
    assert error_codes(gql(PAGE_BY_REF, {"ref": "answer-lost-passport"})) == ["NOT_FOUND"]
    listed = json.dumps(_data(gql(PAGES, {"language": "en"}), "pages"))
    assert "answer-lost-passport" not in listed and "product-parking-permit" not in listed


def test_staff_with_a_token_see_an_internal_translation_but_no_draft(gql, english, staff_token):
    answer = _data(gql(PAGE_BY_REF, {"ref": "answer-paspoort-kwijt"}, token=staff_token), "pageByRef")
    assert answer["translations"] == [{"language": "en", "ref": "answer-lost-passport"}]
    english_answer = _data(
        gql(PAGE_BY_REF, {"ref": "answer-paspoort-kwijt", "language": "en"}, token=staff_token), "pageByRef"
    )
    assert english_answer["ref"] == "answer-lost-passport"
    parking = _data(gql(PAGE_BY_REF, {"ref": "product-parkeervergunning"}, token=staff_token), "pageByRef")
    assert parking["translations"] == []


def test_a_draft_translation_is_served_only_with_its_preview_token(gql, english):
    from content.models import ProductPage

    token = ProductPage.objects.get(ref="product-parking-permit").create_page_preview().token
    path = "/en/producten/parking-permit-for-residents/"
    assert error_codes(gql(PREVIEW_BY_PATH, {"path": path})) == ["NOT_FOUND"]
    page = _data(gql(PREVIEW_BY_PATH, {"path": path, "token": token}), "page")
    assert (page["ref"], page["language"]) == ("product-parking-permit", "en")
    variables = {"ref": "product-parkeervergunning", "language": "en", "token": token}
    assert _data(gql(PREVIEW_BY_REF, variables), "pageByRef")["ref"] == "product-parking-permit"
    # the token opens that one page, not its original
    assert error_codes(gql(PREVIEW_BY_REF, {**variables, "language": "nl"})) == ["BAD_INPUT"]


def test_pages_lists_one_language_the_default_without_argument(gql, english):
    english_refs = {n["ref"] for n in _data(gql(PAGES, {"language": "en"}), "pages")["nodes"]}
    assert english_refs == {"product-passport"}
    dutch = _data(gql(PAGES, {}), "pages")["nodes"]
    assert {n["language"] for n in dutch} == {"nl"}
    assert "product-paspoort" in {n["ref"] for n in dutch}


def test_updated_since_and_removed_pages_are_per_language(gql, english):
    from content.models import ArticlePage, ProductPage

    since = timezone.now().isoformat()
    passport = ProductPage.objects.get(ref="product-passport")
    passport.title = "Apply for a passport or renew it"
    passport.save_revision().publish()
    ProductPage.objects.get(ref="product-paspoort").unpublish()
    ArticlePage.objects.get(ref="article-nieuws-stadhuis").delete()
    english_list = _data(gql(PAGES, {"language": "en", "since": since}), "pages")
    assert [n["ref"] for n in english_list["nodes"]] == ["product-passport"]
    assert english_list["removed"] == []
    dutch_list = _data(gql(PAGES, {"since": since}), "pages")
    assert dutch_list["nodes"] == []
    assert {(r["ref"], r["reason"]) for r in dutch_list["removed"]} == {
        ("product-paspoort", "unpublished"),
        ("article-nieuws-stadhuis", "deleted"),
    }
    passport.unpublish()
    english_list = _data(gql(PAGES, {"language": "en", "since": since}), "pages")
    assert [(r["ref"], r["reason"]) for r in english_list["removed"]] == [("product-passport", "unpublished")]


def test_the_english_menu_shows_translated_pages_and_keeps_external_links(gql, english):
    from content.models import MenuItem, SiteConfig

    MenuItem.objects.create(
        config=SiteConfig.objects.get(key="deventer"), title="Afval", url="https://example.org/afval", sort_order=9
    )
    site = _data(gql(SITE_MENU, {"key": "deventer", "language": "en"}), "site")
    assert (site["language"], site["languages"]) == ("en", ["nl", "en"])
    # /nieuws/ has no English version: left out; /producten/ shows its English version.
    assert site["menu"] == [
        {"title": "Producten", "path": "/en/producten/", "url": "http://localhost:8001/en/producten/"},
        {"title": "Afval", "path": None, "url": "https://example.org/afval"},
    ]
    dutch = _data(gql(SITE_MENU, {"key": "deventer"}), "site")
    assert dutch["language"] == "nl"
    assert [m["title"] for m in dutch["menu"]] == ["Producten en diensten", "Nieuws", "Afval"]
    verkeer = _data(gql(SITE_MENU, {"key": "verkeer", "language": "en"}), "site")
    assert (verkeer["languages"], verkeer["menu"]) == (["nl"], [])
    sites = _data(gql('{ sites(language: "en") { key language } }'), "sites")
    assert {s["language"] for s in sites} == {"en"}


def test_an_english_page_shows_the_english_fragment(gql, english):
    def fragment(path):
        blocks = _data(gql(PAGE_BLOCKS, {"path": path}), "page")["blocks"]
        return next(b for b in blocks if b["type"] == "fragment")

    english_fragment = fragment(PASSPORT_EN)
    assert english_fragment["fragmentTitle"] == "Contact the municipality"
    assert english_fragment["fragmentBlocks"][0]["plainText"] == "Phone 14 0570 on working days."
    assert fragment(PASSPORT_NL)["fragmentTitle"] == "Contact met de gemeente"


def test_search_and_suggestions_are_in_the_language_asked(gql, english_search):
    result = gql(SEARCH, {"query": "passport", "prefix": "passp", "language": "en"})
    assert "errors" not in result, result["errors"]
    hits = result["data"]["search"]["hits"]
    assert hits[0] == {"ref": "product-passport", "url": "http://localhost:8001" + PASSPORT_EN}
    assert "answer-lost-passport" not in {h["ref"] for h in hits}
    assert "passport" in result["data"]["searchSuggestions"]
    dutch = gql(SEARCH, {"query": "paspoort", "prefix": "paspo"})["data"]
    assert "product-paspoort" in {h["ref"] for h in dutch["search"]["hits"]}
    assert not {h["ref"] for h in dutch["search"]["hits"]} & {"product-passport", "answer-lost-passport"}
    assert "passport" not in dutch["searchSuggestions"]
