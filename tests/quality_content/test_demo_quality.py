"""The demo content carries a few deliberate problems, so a newcomer sees the quality report
working (docs/quality.md, "In the demo"); every other demo page has none."""

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

DEMO = Path(__file__).resolve().parents[2] / "content" / "demo"
DUTCH = json.loads((DEMO / "deventer.json").read_text(encoding="utf-8"))
ENGLISH = json.loads((DEMO / "deventer-en.json").read_text(encoding="utf-8"))
PLANTED = {
    "nieuws-inloop-geldzorgen": "owner_missing",
    "vraag-belasting-termijnen": "review_overdue",
    "product-grofvuil": "link_text",
    "nieuws-afvalkalender-2027": "broken_link",
    "werk-brink-bestrating": "heading_order",
}
# The demo's review dates are fixed; once they pass, every page is due, which is right.
DEMO_REVIEW_DATE = date(2027, 3, 1)


@pytest.fixture(scope="module")
def demo(module_import):
    module_import((DUTCH, True), (ENGLISH, True))


def test_quality_check_finds_the_planted_problems_and_nothing_else(demo, db):
    out = io.StringIO()
    call_command("quality_check", "--json", stdout=out)
    found = {}
    for run in json.loads(out.getvalue())["runs"]:
        for page in run["pages"]:
            codes = {p["code"] for p in page["problems"]}
            if date.today() >= DEMO_REVIEW_DATE:
                codes.discard("review_overdue")
            if codes:
                found[page["ref"]] = codes
    for ref, code in PLANTED.items():
        if code == "review_overdue" or date.today() < DEMO_REVIEW_DATE:
            assert code in found.get(ref, set()), (ref, found.get(ref))
    unplanted = {ref: codes for ref, codes in found.items() if ref not in PLANTED}
    assert not unplanted
