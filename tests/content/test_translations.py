"""Translations: imported with `language` and `translation_of`, made in the admin, placed
under the translated parent, with their own URL under /en/, and out-of-date parts named."""

import pytest
from wagtail.models import Locale, Page

from content.importing import ImportFailure
from content.models import Fragment, Keyword, ProductPage, SiteDirectory, TranslationState
from content.rendering import load_references, render_for_channel
from content.translations import mark_synced, original_of, outdated_parts
from content.visibility import PUBLIC_WEB

ENGLISH = {
    "format": "hub-import/1",
    "keywords": [{"term": "passport", "synonyms": ["travel document"], "language": "en", "translation_of": "paspoort"}],
    "fragments": [
        {
            "ref": "contact-gemeente",
            "language": "en",
            "title": "Contact the municipality",
            "blocks": [{"type": "text", "value": "Call us on 14 0570."}],
        }
    ],
    "items": [
        {
            "ref": "product-passport",
            "type": "product",
            "language": "en",
            "translation_of": "product-paspoort",
            "title": "Apply for a passport",
            "summary": "How to apply for a Dutch passport in Deventer.",
            "keywords": ["passport"],
            "blocks": [
                {"type": "text", "value": "Make an appointment at the town hall."},
                {"type": "fragment", "value": "contact-gemeente"},
            ],
        }
    ],
}


@pytest.fixture
def english(hub_content, import_json):
    import_json(ENGLISH)
    return ProductPage.objects.get(ref="product-passport")


def test_an_english_item_becomes_a_translation_of_its_dutch_original(english):
    dutch = ProductPage.objects.get(ref="product-paspoort")
    assert english.locale.language_code == "en"
    assert english.translation_key == dutch.translation_key
    assert english.live
    assert original_of(english).pk == dutch.pk
    # placed under the English translation of the original's parent, whatever its own parent
    assert english.get_parent().translation_key == dutch.get_parent().translation_key
    assert english.get_parent().locale.language_code == "en"


def test_a_translation_has_its_own_url_under_the_language(english):
    directory = SiteDirectory()
    assert directory.site_of(english).key == "deventer"
    assert directory.relative_path(english) == "/producten/apply-for-a-passport/"
    assert directory.url_of(english) == "http://localhost:8001/en/producten/apply-for-a-passport/"
    dutch = ProductPage.objects.get(ref="product-paspoort")
    assert directory.url_of(dutch) == "http://localhost:8001" + directory.relative_path(dutch)
    assert directory.page_at(directory.find("deventer"), "/producten/apply-for-a-passport/", "en").pk == english.pk
    assert directory.page_at(directory.find("deventer"), "/producten/apply-for-a-passport/") is None


def test_an_english_page_shows_the_english_translation_of_a_fragment(english):
    refs = load_references([english.body], PUBLIC_WEB, language="en")
    fragment = next(b for b in render_for_channel(english.body, PUBLIC_WEB, references=refs) if b.type == "fragment")
    assert fragment.value["title"] == "Contact the municipality"
    assert fragment.plain_texts() == ["Call us on 14 0570."]
    # without a language, the original
    fragment = next(b for b in render_for_channel(english.body, PUBLIC_WEB) if b.type == "fragment")
    assert fragment.value["title"] == "Contact met de gemeente"
    assert Fragment.objects.filter(ref="contact-gemeente").count() == 2


def test_keywords_are_translated(english):
    dutch = Keyword.objects.get(term="paspoort")
    passport = Keyword.objects.get(term="passport")
    assert passport.translation_key == dutch.translation_key
    assert passport.locale.language_code == "en"
    assert list(english.keywords.values_list("term", flat=True)) == ["passport"]


def test_a_changed_original_names_the_parts_that_are_out_of_date(english):
    assert outdated_parts(english) == []
    dutch = ProductPage.objects.get(ref="product-paspoort")
    dutch.summary = "Een nieuwe samenvatting."
    dutch.save_revision()
    assert outdated_parts(english) == ["summary"]
    mark_synced(english)
    assert outdated_parts(english) == []


def test_translating_in_the_admin_way_gives_a_ref_and_records_the_version(hub_content):
    dutch = ProductPage.objects.get(ref="product-parkeervergunning")
    english = dutch.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    assert english.ref == "product-parkeervergunning-en"
    assert TranslationState.objects.get(page_id=english.pk).source_revision_id == dutch.latest_revision_id
    assert english.get_parent().get_parent().locale.language_code == "en"  # the home, as an alias


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"translation_of": None}, "IMPORT_TRANSLATION_WITHOUT_ORIGINAL", "translation_of"),
        ({"translation_of": "product-bestaat-niet"}, "IMPORT_TRANSLATION_WITHOUT_ORIGINAL", "translation_of"),
        ({"language": "pl"}, "IMPORT_LANGUAGE_NOT_CONFIGURED", "language"),
        ({"translation_of": "answer-paspoort-kwijt"}, "IMPORT_BAD_VALUE", "translation_of"),
    ],
)
def test_a_wrong_translation_is_refused_and_nothing_is_written(hub_content, import_json, change, code, field):
    item = {**ENGLISH["items"][0], **change}
    item = {k: v for k, v in item.items() if v is not None}
    before = Page.objects.count()
    with pytest.raises(ImportFailure) as failure:
        import_json({"format": "hub-import/1", "items": [item]})
    problem = failure.value.problems[0]
    assert (problem.code, problem.field) == (code, field)
    assert "product-passport" in problem.where
    assert Page.objects.count() == before


def test_importing_the_same_translation_twice_changes_nothing(english, import_json):
    result = import_json(ENGLISH)
    assert result.unchanged == ["product-passport"]


def test_translations_in_one_file_may_link_to_each_other(hub_content, import_json):
    def english(ref, original, link_to):
        return {
            "ref": ref,
            "type": "product",
            "language": "en",
            "translation_of": original,
            "title": ref.replace("-", " "),
            "blocks": [{"type": "link_list", "value": [{"title": "See also", "page": link_to}]}],
        }

    import_json(
        {
            "format": "hub-import/1",
            "items": [
                english("product-passport", "product-paspoort", "product-parking-permit"),
                english("product-parking-permit", "product-parkeervergunning", "product-passport"),
            ],
        }
    )
    passport = ProductPage.objects.get(ref="product-passport")
    parking = ProductPage.objects.get(ref="product-parking-permit")
    assert f'"page": {parking.pk}' in str(list(passport.body.raw_data)).replace("'", '"')
    assert f'"page": {passport.pk}' in str(list(parking.body.raw_data)).replace("'", '"')


def test_product_sections_have_default_headings_per_language():
    from content.channels import PRODUCT_SECTION_KEYS, section_headings

    english, dutch = section_headings("en"), section_headings("nl")
    assert set(english) == set(dutch) == set(PRODUCT_SECTION_KEYS)
    assert english["kosten"] == "Costs" and dutch["kosten"] == "Kosten"
    assert section_headings("pl") == dutch  # no headings of its own: the default language's
