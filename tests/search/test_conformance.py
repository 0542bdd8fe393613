"""One suite, every engine: the database engine (on SQLite or PostgreSQL, whichever DATABASE_URL
points at) and the real OpenSearch. The tests do not know which engine they talk to."""

import pytest

from content.models import AnswerPage, Keyword, KeywordBestBet, ProductPage
from content.visibility import Viewer
from search.query import SearchInputError, search, suggest
from tests.search.conftest import load_search_fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def module_search_content(module_search_content_with_english):
    """This module's content has English translations of some pages too."""


# Raw text of internal fields in tests/fixtures/content.json: never in a public answer.
INTERNAL_TEXTS = ["GEHEIM-INTERN", "GEHEIM", "INTERNE NOTITIE", "Vraag of de inwoner", "marechaussee", "register"]
LEAKY_QUERIES = [
    "GEHEIM-INTERN",
    "geheim",
    "INTERNE NOTITIE",
    "Vraag of de inwoner",
    "noodpaspoort",
    "werkinstructie",
    "marechaussee Schiphol",
    "controleer het register",
    "paspoort",
    "paspoort inwoner afspraak",
]


def refs(response):
    return [h.ref for h in response.hits]


def visible_text(response) -> str:
    parts = [response.did_you_mean or "", *response.suggestions]
    for hit in response.hits:
        parts += [hit.title, hit.snippet, hit.ref]
    return "\n".join(parts).lower()


def test_a_typo_still_finds_the_driving_licence(engine, public):
    response = search("rijbewjis", viewer=public)
    assert "product-rijbewijs" in refs(response)[:3]


def test_a_typo_offers_the_corrected_query(engine, public):
    assert search("rijbewjis", viewer=public).did_you_mean == "rijbewijs"


def test_a_plural_finds_the_singular(engine, public):
    response = search("uittreksels", viewer=public)
    assert "product-uittreksel-brp" in refs(response)[:3]
    assert response.did_you_mean is None  # an inflection is not a typo


def test_an_inflected_verb_finds_the_page(engine, public):
    assert refs(search("verbouwen rijksmonumenten", viewer=public))[:1] == ["product-rijksmonument"]


def test_colloquial_kliko_finds_the_container_page_through_a_keyword_synonym(engine, public):
    # The container page never says "kliko"; its keyword has it as a synonym.
    assert refs(search("kliko", viewer=public))[0] == "product-afvalcontainer"


def test_trouwen_finds_the_marriage_page(engine, public):
    assert refs(search("trouwen", viewer=public))[0] == "product-huwelijk"


def test_a_synonym_added_to_a_keyword_works_at_once_without_a_reindex(engine, public):
    assert search("huisvuilbak", viewer=public).total == 0
    keyword = Keyword.objects.get(term="afvalcontainer")
    keyword.synonyms += "\nhuisvuilbak"
    keyword.save()
    assert refs(search("huisvuilbak", viewer=public))[:1] == ["product-afvalcontainer"]


def test_best_bets_come_first(engine, public):
    keyword = Keyword.objects.get(term="grofvuil")
    promoted = ProductPage.objects.get(ref="product-afvalcontainer")
    KeywordBestBet.objects.create(keyword=keyword, page=promoted, sort_order=0)
    response = search("grofvuil", viewer=public)
    assert refs(response)[:2] == ["product-afvalcontainer", "product-grofvuil"]
    assert response.hits[0].pinned and not response.hits[1].pinned


def test_a_best_bet_the_viewer_may_not_see_is_left_out(engine, public, staff_kcc):
    keyword = Keyword.objects.get(term="paspoort")
    internal = AnswerPage.objects.get(ref="answer-intern-noodpaspoort")
    KeywordBestBet.objects.create(keyword=keyword, page=internal, sort_order=0)
    assert "answer-intern-noodpaspoort" not in refs(search("paspoort", viewer=public))
    staff = search("paspoort", viewer=staff_kcc)
    assert set(refs(staff)[:2]) == {"product-paspoort", "answer-intern-noodpaspoort"}
    assert staff.hits[0].pinned and staff.hits[1].pinned


def test_a_subsite_can_search_only_itself(engine, public):
    response = search("werkzaamheden", viewer=public, site="verkeer")
    assert set(refs(response)) == {"article-wegwerkzaamheden-brink", "article-fietspad-verkeer"}
    assert search("paspoort", viewer=public, site="verkeer").total == 0


def test_a_page_shown_on_another_site_is_found_there(engine, public):
    assert refs(search("parkeervergunning", viewer=public, site="verkeer")) == ["product-parkeervergunning"]


def test_without_a_site_every_site_is_searched(engine, public):
    response = search("werkzaamheden", viewer=public)
    assert {"article-wegwerkzaamheden-brink", "article-fietspad-verkeer"} <= set(refs(response))
    assert dict(response.facets["sites"])["verkeer"] >= 2


def test_a_page_with_blocks_only_for_the_app_is_not_found_on_the_web(engine, public):
    assert search("pushberichten", viewer=public).total == 0
    assert refs(search("pushberichten", viewer=Viewer(channel="app"))) == ["article-alleen-app"]


@pytest.mark.parametrize("query", LEAKY_QUERIES)
def test_internal_pages_and_text_never_reach_an_anonymous_caller(engine, public, query):
    response = search(query, viewer=public)
    assert "answer-intern-noodpaspoort" not in refs(response)
    text = visible_text(response)
    for secret in INTERNAL_TEXTS:
        assert secret.lower() not in text, f"{secret!r} leaked for query {query!r}"


def test_internal_text_is_not_offered_as_a_suggestion_to_the_public(engine, public):
    for prefix in ("Werkinstr", "GEHEIM", "noodpas"):
        assert suggest(prefix, viewer=public) == []
    assert search("marechausee", viewer=public).did_you_mean is None


def test_staff_find_internal_pages_and_internal_text(engine, staff_kcc):
    assert refs(search("noodpaspoort", viewer=staff_kcc)) == ["answer-intern-noodpaspoort"]
    note = search("controleer het register", viewer=staff_kcc)
    assert refs(note)[0] == "answer-paspoort-kwijt"
    assert "<mark>register</mark>" in note.hits[0].snippet
    assert "product-paspoort" in refs(search("Vraag of de inwoner", viewer=staff_kcc))


def test_a_draft_is_never_found(engine, public, staff_kcc):
    for viewer in (public, staff_kcc):
        assert search("CONCEPTTEKST", viewer=viewer).total == 0
        assert search("afvalpas", viewer=viewer).total == 0


def test_snippets_are_escaped_html_with_marks(engine, public):
    response = search("bouwjaar", viewer=public)
    assert refs(response) == ["product-rijksmonument"]
    snippet = response.hits[0].snippet
    assert "<mark>Bouwjaar</mark>" in snippet
    assert "&lt; 1965 &amp; beschermd" in snippet
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")


def test_facets_count_sites_content_types_and_keywords(engine, public):
    response = search("paspoort", viewer=public)
    assert dict(response.facets["content_types"]) == {"product": 1, "answer": 1}
    assert dict(response.facets["sites"]) == {"deventer": 2}
    assert dict(response.facets["keywords"])["paspoort"] == 2


def test_keywords_filter_the_results(engine, public):
    assert refs(search("paspoort", viewer=public, keywords=["reisdocument"])) == [
        "product-paspoort",
        "answer-paspoort-kwijt",
    ]
    assert search("container", viewer=public, keywords=["paspoort"]).total == 0


def test_results_are_paginated(engine, public):
    everything = search("aanvragen", viewer=public, first=50)
    assert everything.total >= 3
    first = search("aanvragen", viewer=public, first=1)
    second = search("aanvragen", viewer=public, first=1, after=1)
    assert first.total == second.total == everything.total
    assert refs(first) + refs(second) == refs(everything)[:2]


def test_pages_of_one_hit_walk_the_same_list_with_best_bets_first(engine, public):
    keyword = Keyword.objects.get(term="grofvuil")
    promoted = ProductPage.objects.get(ref="product-afvalcontainer")
    KeywordBestBet.objects.create(keyword=keyword, page=promoted, sort_order=0)
    everything = search("grofvuil", viewer=public, first=50)
    assert everything.total >= 2 and refs(everything)[0] == "product-afvalcontainer"
    pages = [search("grofvuil", viewer=public, first=1, after=i) for i in range(everything.total)]
    assert [r for page in pages for r in refs(page)] == refs(everything)
    assert {page.total for page in pages} == {everything.total}
    assert everything.facets == pages[-1].facets


def test_words_that_are_nowhere_find_nothing_and_no_correction(engine, public):
    response = search("qwzxv", viewer=public)
    assert response.total == 0 and response.hits == [] and response.did_you_mean is None


def test_suggestions_complete_titles_and_keywords(engine, public):
    found = suggest("rijb", viewer=public)
    assert "rijbewijs" in found and "Rijbewijs verlengen" in found
    assert "Werkzaamheden op de Brink" not in suggest("Werkz", viewer=public, site="deventer")
    assert "Werkzaamheden op de Brink" in suggest("Werkz", viewer=public, site="verkeer")


def test_a_page_the_index_still_holds_after_unpublishing_is_filtered_at_query_time(engine, public):
    # The visibility rule runs again on the hits: a lagging index cannot show an unpublished page.
    page = ProductPage.objects.get(ref="product-huwelijk")
    ProductPage.objects.filter(pk=page.pk).update(live=False)
    assert "product-huwelijk" not in refs(search("huwelijk", viewer=public))


# --- languages: English translations of some pages (fixtures/english.json) --------------------

ENGLISH_REFS = {item["ref"] for item in load_search_fixture("english.json")["items"]}
# Raw text of the internal fields of the English content: never in a public answer.
ENGLISH_INTERNAL_TEXTS = ["STAFFNOTE", "CONFIDENTIAL", "ledger", "Military Police", "step-by-step plan"]
ENGLISH_LEAKY_QUERIES = [
    "STAFFNOTE",
    "CONFIDENTIAL",
    "ledger",
    "check the lost-documents ledger",
    "military police Schiphol",
    "emergency passport",
    "work instruction",
    "passport",
    "stolen documents",
    "another question",
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("passports", "product-passport"),
        ("parking permits", "product-parking-permit"),
        ("applying for a passport", "product-passport"),
        ("lost passports", "answer-lost-passport"),
        ("getting married", "product-marriage"),
        ("collecting bulky items", "product-bulky-waste"),
    ],
)
def test_an_english_search_finds_the_english_page_for_plurals_and_inflections(engine, public, query, expected):
    assert expected in refs(search(query, viewer=public, language="en"))[:3]


@pytest.mark.parametrize("query", ["paspoort", "parkeervergunning", "container", "Brink", "passport", "parking"])
def test_a_dutch_search_returns_no_english_page(engine, public, staff_kcc, query):
    for viewer in (public, staff_kcc):
        assert not set(refs(search(query, viewer=viewer, first=50))) & ENGLISH_REFS
        assert not set(refs(search(query, viewer=viewer, first=50, language="nl"))) & ENGLISH_REFS


@pytest.mark.parametrize("query", ["passport", "paspoort", "container", "Brink", "parking permit", "marriage"])
def test_an_english_search_returns_no_dutch_page(engine, public, staff_kcc, query):
    for viewer in (public, staff_kcc):
        found = refs(search(query, viewer=viewer, first=50, language="en"))
        assert found and set(found) <= ENGLISH_REFS, found


def test_english_facets_and_suggestions_hold_only_english_pages(engine, public):
    response = search("passport", viewer=public, language="en")
    assert dict(response.facets["content_types"]) == {"product": 1, "answer": 1}
    assert dict(response.facets["keywords"])["passport"] == 2
    assert "Apply for a passport" in suggest("Appl", viewer=public, language="en")
    assert "Apply for a passport" not in suggest("Appl", viewer=public)
    assert "Paspoort aanvragen" not in suggest("Pasp", viewer=public, language="en")


@pytest.mark.parametrize("query", ENGLISH_LEAKY_QUERIES)
def test_internal_english_text_never_reaches_an_anonymous_caller(engine, public, query):
    response = search(query, viewer=public, language="en")
    assert "answer-internal-emergency-passport" not in refs(response)
    # "Did you mean" repeats the caller's own words; only its corrections count.
    own_words = query.lower().split()
    corrections = [w for w in (response.did_you_mean or "").lower().split() if w not in own_words]
    text = "\n".join([*corrections, visible_text(response).replace((response.did_you_mean or "").lower(), "", 1)])
    for secret in ENGLISH_INTERNAL_TEXTS:
        assert secret.lower() not in text, f"{secret!r} leaked for query {query!r}"


def test_internal_english_words_are_not_offered_to_the_public(engine, public):
    for prefix in ("Work instr", "CONFIDENTIAL", "STAFFNOTE", "ledg"):
        assert suggest(prefix, viewer=public, language="en") == []
    assert search("ledgr", viewer=public, language="en").did_you_mean is None


def test_staff_find_internal_english_pages_and_text(engine, staff_kcc):
    # The passport page is the best bet of the passport keyword; the instruction comes next.
    assert (
        "answer-internal-emergency-passport" in refs(search("emergency passport", viewer=staff_kcc, language="en"))[:2]
    )
    assert refs(search("CONFIDENTIAL", viewer=staff_kcc, language="en")) == ["answer-internal-emergency-passport"]
    response = search("ledger", viewer=staff_kcc, language="en")
    assert "answer-lost-passport" in refs(response)
    assert any("<mark>ledger</mark>" in hit.snippet for hit in response.hits)


def test_english_snippets_mark_the_inflected_words(engine, public):
    response = search("passports", viewer=public, language="en")
    assert refs(response)[0] == "product-passport"
    assert {hit.language for hit in response.hits} == {"en"}
    assert "<mark>passport</mark>" in response.hits[0].snippet.lower()


def test_an_english_keyword_synonym_finds_a_page_that_never_uses_the_word(engine, public):
    # The container page says "container"; its keyword (the Dutch one, translated) says "wheelie bin".
    response = search("wheelie bins", viewer=public, language="en")
    assert refs(response)[0] == "product-rubbish-container"
    assert response.matched_keywords == ["rubbish container"]
    assert search("wheelie bin", viewer=public).total == 0  # not a Dutch keyword


def test_a_synonym_added_to_an_english_keyword_works_at_once(engine, public):
    assert search("nuptials", viewer=public, language="en").total == 0
    keyword = Keyword.objects.get(term="marriage")
    keyword.synonyms += "\nnuptials"
    keyword.save()
    assert refs(search("nuptials", viewer=public, language="en"))[:1] == ["product-marriage"]
    assert search("nuptials", viewer=public).total == 0


def test_a_dutch_keyword_word_in_an_english_search_finds_the_english_page(engine, public):
    # "kliko" is a synonym of the Dutch keyword; the English search uses its English translation.
    assert refs(search("kliko", viewer=public, language="en"))[0] == "product-rubbish-container"
    assert refs(search("passport", viewer=public, language="en", keywords=["paspoort"])) == [
        "product-passport",
        "answer-lost-passport",
    ]


def test_an_english_keyword_without_best_bets_shows_the_translation_of_the_dutch_best_bet(engine, public):
    response = search("travel document", viewer=public, language="en")
    assert refs(response)[0] == "product-passport" and response.hits[0].pinned
    assert refs(search("paspoort", viewer=public))[0] == "product-paspoort"


def test_an_english_typo_is_corrected_with_english_words(engine, public):
    assert search("ceremny", viewer=public, language="en").did_you_mean == "ceremony"
    assert refs(search("ceremny", viewer=public, language="en")) == ["product-marriage"]
    assert search("mariage", viewer=public, language="en").did_you_mean == "marriage"
    # The Dutch vocabulary does not hold the English words.
    assert search("ceremny", viewer=public).did_you_mean != "ceremony"


def test_a_language_the_hub_does_not_have_is_refused(engine, public):
    with pytest.raises(SearchInputError):
        search("passport", viewer=public, language="pl")
