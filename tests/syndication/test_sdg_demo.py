"""The demo content (`make run`, Dutch and English) as SDG products: content these tests were
not written for. Every payload is a valid SDG `Product`, every text is allowed Markdown, English
is there where the demo translated a product, and nothing internal is in any payload."""

import json
from pathlib import Path

import httpx
import pytest

from content.languages import default_language
from content.models import ProductPage
from syndication.sdg.mapping import TEXT_FIELDS, payloads, product_for
from syndication.sdg.markdown import forbidden_elements

DEMO = Path(__file__).resolve().parents[2] / "content" / "demo"


@pytest.fixture(scope="module")
def demo(module_import):
    files = [json.loads((DEMO / name).read_text(encoding="utf-8")) for name in ("deventer.json", "deventer-en.json")]
    module_import(*((data, True) for data in files))
    return files


@pytest.fixture
def demo_payloads(demo, db):
    pages = ProductPage.objects.filter(locale__language_code=default_language())
    return {page.ref: payloads(product_for(page.pk)) for page in pages}


def test_every_demo_product_with_a_upl_is_a_valid_sdg_product(demo, demo_payloads, sdg_api):
    expected = {
        item["ref"]
        for item in demo[0]["items"]
        if item["type"] == "product" and item.get("upl_uri") and item.get("audience", "public") == "public"
    }
    assert expected, "the demo has products with a UPL"
    assert {ref for ref, found in demo_payloads.items() if found} == expected
    for found in demo_payloads.values():
        for payload in found.values():
            answer = httpx.post(f"{sdg_api.url}/api/v1/producten", json=payload, headers={"Authorization": "Token t"})
            assert answer.status_code == 201, answer.text
            for translation in payload["vertalingen"]:
                for name in TEXT_FIELDS:
                    assert forbidden_elements(translation[name]) == set(), (name, translation[name])
    assert sdg_api.refused == []


def test_demo_products_with_a_public_english_translation_are_sent_in_english_too(demo, demo_payloads):
    translated = {item["translation_of"] for item in demo[1]["items"] if item["type"] == "product"}
    for ref, found in demo_payloads.items():
        for payload in found.values():
            languages = [t["taal"] for t in payload["vertalingen"]]
            assert languages == (["nl", "en"] if ref in translated else ["nl"]), ref


def test_no_demo_payload_holds_internal_text(demo, demo_payloads):
    sent = json.dumps(demo_payloads, ensure_ascii=False)
    holders = [item for data in demo for item in [*data["items"], *data.get("fragments", [])]]
    scripts = [b["value"] for h in holders for b in h.get("blocks", []) if b.get("type") == "kcc_script"]
    internal = [h["title"] for h in holders if h.get("audience") == "internal"]
    notes = [h["internal_note"] for h in holders if h.get("internal_note")]
    assert scripts, "the demo has KCC scripts to look for"
    for text in [*scripts, *internal, *notes]:
        assert text not in sent
