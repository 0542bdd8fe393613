"""Controlled keywords at query time: each process keeps what it read until the keywords change."""

import pytest

from content.models import Keyword, KeywordBestBet, ProductPage
from search.keywords import best_bets_in, forget_version_token, keyword_index
from search.models import KeywordsVersion

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def module_search_content(module_search_content_with_english):
    """This module's content has English translations of some pages too."""


def test_the_keywords_are_read_once_while_nothing_changes(search_content, django_assert_num_queries):
    first = keyword_index()
    with django_assert_num_queries(0):  # the version token comes from the cache
        assert keyword_index() is first


def test_a_synonym_saved_by_an_editor_is_used_in_the_next_search(search_content):
    keyword_index()
    keyword = Keyword.objects.get(term="afvalcontainer")
    keyword.synonyms += "\nhuisvuilbak"
    keyword.save()
    assert keyword_index().lookup("huisvuilbak").term == "afvalcontainer"


def test_a_new_best_bet_is_used_in_the_next_search(search_content):
    keyword = Keyword.objects.get(term="grofvuil")
    page = ProductPage.objects.get(ref="product-afvalcontainer")
    assert page.pk not in keyword_index().lookup("grofvuil").best_bets
    KeywordBestBet.objects.create(keyword=keyword, page=page, sort_order=0)
    assert keyword_index().lookup("grofvuil").best_bets[0] == page.pk


def test_a_change_made_by_another_process_is_seen_through_the_version_token(search_content):
    """Another worker's save reaches this process through the token: in the database, and in
    the shared cache, which the other process empties (search.keywords.keywords_changed)."""
    before = keyword_index()
    # What another process does: change the row and the token, without this process's signals.
    Keyword.objects.filter(term="afvalcontainer").update(synonyms="kliko\nhuisvuilbak")
    assert before.lookup("huisvuilbak") is None and keyword_index() is before
    KeywordsVersion.objects.update_or_create(name="keywords", defaults={"token": "changed-elsewhere"})
    forget_version_token()
    assert keyword_index().lookup("huisvuilbak").term == "afvalcontainer"


def test_the_version_token_is_read_from_the_database_while_the_shared_cache_is_away(search_content, monkeypatch):
    from search import keywords

    before = keyword_index()
    monkeypatch.setattr(keywords, "shared_cache_available", lambda: False)
    Keyword.objects.filter(term="afvalcontainer").update(synonyms="kliko\nhuisvuilbak")
    KeywordsVersion.objects.update_or_create(name="keywords", defaults={"token": "changed-while-away"})
    # No forget_version_token(): the cache is not asked at all.
    assert keyword_index() is not before
    assert keyword_index().lookup("huisvuilbak").term == "afvalcontainer"


def test_each_language_has_its_own_keywords_read_once_while_nothing_changes(search_content, django_assert_num_queries):
    english = keyword_index("en")
    with django_assert_num_queries(0):  # the version token comes from the cache
        assert keyword_index("en") is english
    assert english.lookup("wheelie bins").term == "rubbish container"  # stemmed in English
    assert keyword_index().lookup("wheelie bin") is None  # not a Dutch keyword
    # A word of the Dutch keyword finds its English translation in an English search.
    assert english.lookup("kliko").term == "rubbish container"


def test_an_english_keyword_without_best_bets_borrows_those_of_its_dutch_original(search_content):
    entry = keyword_index("en").lookup("passport")
    dutch = ProductPage.objects.get(ref="product-paspoort")
    english = ProductPage.objects.get(ref="product-passport")
    assert entry.best_bets == [] and entry.borrowed_best_bets == [dutch.pk]
    assert best_bets_in("en", [], entry.borrowed_best_bets) == [english.pk]
    KeywordBestBet.objects.create(keyword=Keyword.objects.get(term="passport"), page=english, sort_order=0)
    assert keyword_index("en").lookup("passport").best_bets == [english.pk]
    assert keyword_index("en").lookup("passport").borrowed_best_bets == []
