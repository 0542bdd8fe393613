"""The demo content (`make run`) gives a Samenwerkende Catalogi feed that the official XSD
accepts, with every demo product in it and nothing internal."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .test_sc_xsd import sc_schema  # noqa: F401 - the session fixture

DEMO = Path(__file__).resolve().parents[2] / "content" / "demo" / "deventer.json"
NS = {"p": "http://standaarden.overheid.nl/product/terms/", "dcterms": "http://purl.org/dc/terms/"}


@pytest.fixture(scope="module")
def demo(module_import):
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    module_import((data, True))
    return data


def test_the_demo_feed_is_valid_and_holds_every_public_demo_product(client, demo, sc_schema, db):  # noqa: F811
    response = client.get("/open/samenwerkende-catalogi.xml")
    # The demo's two sites are one gemeente: one feed, whichever site is asked.
    other_site = client.get("/open/samenwerkende-catalogi.xml", {"site": "verkeer"})

    assert response.status_code == 200
    assert other_site.content == response.content
    assert sc_schema.errors(response.content) == [""]
    root = ET.fromstring(response.content)
    titles = {p.findtext("p:meta/p:owmskern/dcterms:title", namespaces=NS) for p in root.findall("p:scproduct", NS)}
    expected = {
        item["title"]
        for item in demo["items"]
        if item["type"] == "product" and item.get("audience", "public") == "public" and not item.get("language")
    }
    assert titles == expected
    assert response["X-Hub-Products-Left-Out"] == "0"


def test_the_demo_feed_holds_no_internal_text(client, demo, db):
    body = client.get("/open/samenwerkende-catalogi.xml").content.decode()
    holders = [*demo["items"], *demo.get("fragments", [])]
    scripts = [b["value"] for h in holders for b in h.get("blocks", []) if b.get("type") == "kcc_script"]
    internal = [h["title"] for h in demo["items"] if h.get("audience") == "internal"]
    notes = [h["internal_note"] for h in demo["items"] if h.get("internal_note")]

    assert scripts, "the demo has KCC scripts to look for"
    for text in [*scripts, *internal, *notes]:
        assert text not in body
