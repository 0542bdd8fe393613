"""The hub is headless: a page's address on the hub sends the visitor to its website, and never
gives a server error (there are no page templates on the hub)."""

import pytest

from content.models import ProductPage, SiteConfig

pytestmark = pytest.mark.django_db


def test_a_public_page_on_the_hub_redirects_to_its_website(client, hub_content):
    page = ProductPage.objects.get(ref="product-paspoort")
    SiteConfig.objects.filter(key="deventer").update(frontend_url="https://www.example.org")
    response = client.get(page.get_url())
    assert response.status_code == 302
    assert response["Location"].startswith("https://www.example.org/")


def test_the_home_page_and_a_section_do_not_fail(client, hub_content):
    for path in ("/", "/producten/"):
        assert client.get(path).status_code in (302, 404)


def test_an_internal_page_is_a_404_without_its_address(client, hub_content):
    from content.models import AnswerPage

    page = AnswerPage.objects.get(ref="answer-intern-noodpaspoort")
    SiteConfig.objects.filter(key="deventer").update(frontend_url="https://www.example.org")
    response = client.get(page.get_url())
    assert response.status_code == 404
    assert "Location" not in response and page.slug not in response.content.decode()
