"""Choosing keywords on the page edit form (content/keyword_chooser.py): a searchable chooser that
stays usable with 1,000 keywords. The edit page makes the same number of queries with 10 and with
1,000 keywords; a web editor finds keywords by term, synonym or variant, in the page's language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from content.models import AnswerPage, Keyword
from content.signals import ensure_roles
from tests.conftest import make_role_users

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(hub_content):
    ensure_roles()  # the roles on the tree as the module's content left it
    return make_role_users()


def _add_keywords(count: int, locale=None):
    locale = locale or Locale.get_default()
    start = Keyword.objects.count()
    Keyword.objects.bulk_create(
        [
            Keyword(term=f"testwoord {start + i:04d}", synonyms=f"synoniem{start + i}", locale=locale)
            for i in range(count)
        ]
    )


def _edit_page_queries(client, page) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_edit_page_makes_the_same_queries_with_10_and_with_1000_keywords(client, users):
    page = AnswerPage.objects.filter(locale__language_code="nl").first()
    page.keywords.set(Keyword.objects.filter(locale=page.locale)[:2])
    page.save_revision()
    client.force_login(users["redacteur"])
    _add_keywords(10)
    _edit_page_queries(client, page)  # warm caches (site root paths, content types)
    few, html = _edit_page_queries(client, page)
    _add_keywords(990)
    many, html_many = _edit_page_queries(client, page)
    assert Keyword.objects.count() >= 1000
    assert many == few
    assert "testwoord 0999" not in html_many  # not one option per keyword
    assert "data-hub-keyword-chooser" in html_many


def _search(client, q, **params):
    response = client.get(reverse("hub_keyword_search"), {"q": q, **params})
    return response


def test_a_web_editor_finds_keywords_by_term_synonym_and_variant(client, users):
    Keyword.objects.create(term="Afvalcontainer", synonyms="kliko\nvuilnisbak", variants="afval container")
    client.force_login(users["redacteur"])
    by_term = _search(client, "afvalc").json()["results"]
    assert [r["term"] for r in by_term][:1] == ["Afvalcontainer"]
    by_synonym = _search(client, "kliko").json()["results"]
    assert any(r["term"] == "Afvalcontainer" and r["also"] == ["kliko"] for r in by_synonym)
    assert _search(client, "").json() == {"results": []}


def test_the_search_is_limited_to_the_page_language_and_to_twenty_results(client, users):
    english, _ = Locale.objects.get_or_create(language_code="en")
    Keyword.objects.create(term="Waste bin", locale=english)
    _add_keywords(30)
    client.force_login(users["redacteur"])
    dutch = Locale.get_default()
    assert _search(client, "waste", locale=dutch.pk).json()["results"] == []
    assert [r["term"] for r in _search(client, "waste", locale=english.pk).json()["results"]] == ["Waste bin"]
    assert len(_search(client, "testwoord").json()["results"]) == 20


@pytest.mark.parametrize("q", ["x" * 5000, "'; DROP TABLE content_keyword; --", "<script>", "%", "\x00"])
def test_odd_input_gives_an_answer_not_an_error(client, users, q):
    client.force_login(users["redacteur"])
    response = _search(client, q, locale="abc")
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_kcc_staff_and_anonymous_callers_cannot_search_keywords(client, users):
    assert _search(client, "afval")["Location"].startswith("/admin/login/")
    client.force_login(users["kcc"])
    refused = _search(client, "afval")
    assert refused.status_code in (302, 403) and refused.get("Content-Type", "").startswith("text/html")


def test_saving_a_page_with_chosen_keywords_keeps_them(client, users):
    page = AnswerPage.objects.filter(locale__language_code="nl").first()
    keyword = Keyword.objects.create(term="Gekozen woord", locale=page.locale)
    client.force_login(users["eindredacteur"])
    from tests.editorial.test_b1_editorial import _edit_post

    data = _edit_post(page)
    data["keywords"] = [str(keyword.pk)]
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = AnswerPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert list(saved.keywords.all()) == [keyword]
