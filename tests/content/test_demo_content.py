"""The demo content (`make run` → setup_demo): the Dutch file and its English translations
import together, the English pages translate Dutch ones with the same block structure, every
Dutch page is B1, and every English page is plain English by the English check's own verdict
(`b1`: no error and a score of at least `min_score`, 60)."""

import json
from pathlib import Path

import pytest

from content.models import AnswerPage, Fragment, Keyword, PageReadability, ProductPage
from content.translations import original_of

DEMO = Path(__file__).resolve().parents[2] / "content" / "demo"
DUTCH = json.loads((DEMO / "deventer.json").read_text(encoding="utf-8"))
ENGLISH = json.loads((DEMO / "deventer-en.json").read_text(encoding="utf-8"))
ALL_CHANNELS = ["web", "app", "kcc", "balie"]


@pytest.fixture(scope="module")
def demo(module_import):
    module_import((DUTCH, True), (ENGLISH, True))


def english_pages(model):
    return list(model.objects.filter(locale__language_code="en").order_by("pk"))


def _shape(block):
    """What a translation keeps of a block: type, section, channels, and embedded fragment."""
    default = ["kcc", "balie"] if block["type"] == "kcc_script" else ALL_CHANNELS
    fragment = block["value"] if block["type"] == "fragment" else None
    return block["type"], block.get("section"), block.get("channels", default), fragment


def test_every_english_item_keeps_the_block_structure_of_its_dutch_original():
    originals = {item["ref"]: item for item in DUTCH["items"]}
    for item in ENGLISH["items"]:
        original = originals[item["translation_of"]]
        assert item["language"] == "en" and item["type"] == original["type"]
        assert [_shape(b) for b in item["blocks"]] == [_shape(b) for b in original["blocks"]], item["ref"]


def test_the_demo_has_english_products_and_answers_that_translate_dutch_pages(demo, db):
    products, answers = english_pages(ProductPage), english_pages(AnswerPage)
    assert len(products) >= 10
    assert len(answers) >= 5
    for page in products + answers:
        original = original_of(page)
        assert original is not None and type(original) is type(page), page.ref
        assert original.locale.language_code == "nl"
        assert page.live and page.slug != original.slug


def test_every_english_page_is_plain_english_by_the_english_check(demo, db):
    for page in english_pages(ProductPage) + english_pages(AnswerPage):
        stored = PageReadability.objects.get(revision_id=page.live_revision_id)
        assert stored.report["language"] == "en", page.ref
        errors = [i["text"] for i in stored.report["issues"] if i["severity"] == "error"]
        assert stored.b1, f"{page.ref}: score {stored.score}, errors {errors}"


def test_every_dutch_page_is_b1_by_the_sentence_verdict(demo, db):
    """Our own demo content is plain Dutch: every product and answer passes the B1 verdict,
    counted per sentence (docs/b1.md), lists included."""
    failing = []
    for model in (ProductPage, AnswerPage):
        for page in model.objects.filter(locale__language_code="nl"):
            stored = PageReadability.objects.get(revision_id=page.live_revision_id)
            if not stored.b1:
                failing.append(f"{page.ref}: {stored.report['verdict_reason']}")
    assert not failing, failing


def test_english_pages_embed_fragments_and_keywords_that_have_english_translations(demo, db):
    fragment_refs = {b["value"] for item in ENGLISH["items"] for b in item["blocks"] if b["type"] == "fragment"}
    english_fragments = Fragment.objects.filter(locale__language_code="en")
    assert fragment_refs <= set(english_fragments.values_list("ref", flat=True))
    for page in english_pages(ProductPage) + english_pages(AnswerPage):
        keywords = list(page.keywords.all())
        assert keywords and all(k.locale.language_code == "en" for k in keywords), page.ref
    for keyword in Keyword.objects.filter(locale__language_code="en"):
        assert Keyword.objects.filter(translation_key=keyword.translation_key, locale__language_code="nl").exists()


def test_importing_the_english_demo_again_changes_nothing(demo, import_json):
    result = import_json(ENGLISH)
    assert result.created == [] and result.updated == []
    assert result.keywords == 0 and result.fragments == 0
    assert sorted(result.unchanged) == sorted(item["ref"] for item in ENGLISH["items"])
