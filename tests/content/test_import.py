"""The hub-import/1 importer: idempotent by ref, one transaction, clear errors."""

import copy
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from content.importing import ImportFailure
from content.models import AnswerPage, ArticlePage, Fragment, Keyword, ProductPage
from tests.conftest import FIXTURES, load_fixture

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "live", "latest_revision_id", "url_path")),
        "keywords": sorted(Keyword.objects.values_list("term", "synonyms", "variants")),
        "fragments": sorted(Fragment.objects.values_list("ref", "latest_revision_id")),
    }


@pytest.fixture
def sites(import_json):
    """The two sites, and the draft page that content.json links to."""
    import_json(load_fixture("sites.json"))
    import_json(load_fixture("draft.json"), publish=False)


def test_the_design_example_imports_as_documented(import_json, sites):
    """The example of DESIGN.md, as an outside team would write it."""
    data = {
        "format": "hub-import/1",
        "keywords": [{"term": "paspoort", "synonyms": ["reisdocument"]}],
        "items": [
            {
                "ref": "product-paspoort",
                "type": "product",
                "site": "deventer",
                "parent": "/producten/",
                "title": "Paspoort aanvragen",
                "summary": "U vraagt een paspoort aan bij de gemeente.",
                "keywords": ["paspoort"],
                "audience": "public",
                "blocks": [
                    {"type": "text", "channels": ["web", "app", "kcc", "balie"], "value": "Zo werkt het."},
                    {"type": "kcc_script", "channels": ["kcc"], "value": "Vraag naar de afspraak."},
                ],
            }
        ],
    }
    result = import_json(data)
    assert result.created == ["product-paspoort"]
    page = ProductPage.objects.get(ref="product-paspoort")
    assert page.live and page.url_path.endswith("/producten/paspoort-aanvragen/")
    assert [k.term for k in page.keywords.all()] == ["paspoort"]
    assert Keyword.objects.get(term="paspoort").synonym_list == ["reisdocument"]


def test_importing_twice_changes_nothing(import_json, sites):
    import_json(load_fixture("content.json"))
    before = _snapshot()
    result = import_json(load_fixture("content.json"))
    assert result.created == [] and result.updated == []
    assert len(result.unchanged) == len(load_fixture("content.json")["items"])
    assert _snapshot() == before


def test_a_changed_item_is_updated_in_place(import_json, sites):
    data = load_fixture("content.json")
    import_json(data)
    page_id = ProductPage.objects.get(ref="product-paspoort").pk
    changed = copy.deepcopy(data)
    changed["items"][0]["title"] = "Paspoort aanvragen of verlengen"
    result = import_json(changed)
    assert result.updated == ["product-paspoort"]
    page = ProductPage.objects.get(ref="product-paspoort")
    assert page.pk == page_id and page.title == "Paspoort aanvragen of verlengen"


def test_without_publish_new_pages_are_drafts_and_live_pages_keep_their_published_text(import_json, sites):
    data = load_fixture("content.json")
    import_json(data, publish=False)
    assert not ProductPage.objects.get(ref="product-paspoort").live
    import_json(data, publish=True)
    changed = copy.deepcopy(data)
    changed["items"][0]["title"] = "Nieuwe titel"
    import_json(changed, publish=False)
    page = ProductPage.objects.get(ref="product-paspoort")
    assert page.live and page.title == "Paspoort aanvragen" and page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Nieuwe titel"


def test_missing_parent_sections_are_created(import_json, sites):
    data = {
        "format": "hub-import/1",
        "items": [
            {
                "ref": "answer-diep",
                "type": "answer",
                "site": "verkeer",
                "parent": "/vragen/parkeren/binnenstad/",
                "title": "Waar parkeer ik?",
                "blocks": [{"type": "text", "value": "In de garage."}],
            }
        ],
    }
    import_json(data)
    page = AnswerPage.objects.get(ref="answer-diep")
    assert page.url_path == "/verkeer/vragen/parkeren/binnenstad/waar-parkeer-ik/"
    assert page.get_parent().title == "Binnenstad"


def test_a_page_moves_when_its_parent_changes(import_json, sites):
    data = load_fixture("content.json")
    import_json(data)
    moved = copy.deepcopy(data)
    moved["items"][5]["parent"] = "/actueel/"
    import_json(moved)
    assert ArticlePage.objects.get(ref="article-nieuws-stadhuis").url_path.startswith("/deventer/actueel/")


def test_markdown_becomes_rich_text_and_raw_html_is_not_run(import_json, sites):
    data = {
        "format": "hub-import/1",
        "items": [
            {
                "ref": "answer-html",
                "type": "answer",
                "site": "deventer",
                "parent": "/vragen/",
                "title": "Test",
                "blocks": [{"type": "text", "value": "Dit is **vet**.\n\n- een\n- twee\n\n<script>alert(1)</script>"}],
            }
        ],
    }
    import_json(data)
    html = AnswerPage.objects.get(ref="answer-html").body.raw_data[0]["value"]["text"]
    assert "<b>vet</b>" in html or "<strong>vet</strong>" in html
    assert "<li>een</li>" in html
    assert "<script>" not in html


BAD_CASES = [
    ("unknown site", lambda d: d["items"][0].update(site="zwolle"), "IMPORT_UNKNOWN_SITE", "site"),
    (
        "unknown block type",
        lambda d: d["items"][0]["blocks"].append({"type": "video", "value": "x"}),
        "IMPORT_UNKNOWN_BLOCK_TYPE",
        "blocks[9].type",
    ),
    (
        "unknown channel",
        lambda d: d["items"][0]["blocks"][0].update(channels=["fax"]),
        "IMPORT_UNKNOWN_CHANNEL",
        "blocks[0].channels",
    ),
    ("unknown keyword", lambda d: d["items"][1]["keywords"].append("onbekend"), "IMPORT_UNKNOWN_KEYWORD", "keywords"),
    (
        "kcc_script on web",
        lambda d: d["items"][0]["blocks"][2].update(channels=["kcc", "web"]),
        "IMPORT_INTERNAL_ON_PUBLIC_CHANNEL",
        "blocks[2].channels",
    ),
    ("duplicate ref", lambda d: d["items"].append(copy.deepcopy(d["items"][1])), "IMPORT_DUPLICATE_REF", "ref"),
    ("unknown type", lambda d: d["items"][0].update(type="poster"), "IMPORT_UNKNOWN_TYPE", "type"),
    ("summary too long", lambda d: d["items"][1].update(summary="x" * 161), "IMPORT_INVALID_FIELD", "summary"),
    (
        "unknown page in a link",
        lambda d: d["items"][0]["blocks"][7]["value"].append({"title": "x", "page": "nergens"}),
        "IMPORT_UNKNOWN_REF",
        "blocks[7].value[4].page",
    ),
    (
        "bad amount",
        lambda d: d["items"][0]["blocks"][4]["value"][0].update(amount="veel"),
        "IMPORT_BAD_VALUE",
        "blocks[4].value[0].amount",
    ),
    ("bad date", lambda d: d["items"][4].update(date="gisteren"), "IMPORT_BAD_VALUE", "date"),
    ("wrong format", lambda d: d.update(format="other/2"), "IMPORT_BAD_FORMAT", "format"),
]


@pytest.mark.parametrize("label, spoil, code, field", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_input_is_refused_naming_item_and_field_and_nothing_is_written(
    import_json, sites, label, spoil, code, field
):
    before = _snapshot()
    data = load_fixture("content.json")
    spoil(data)
    with pytest.raises(ImportFailure) as failure:
        import_json(data)
    problems = [(p.code, p.field) for p in failure.value.problems]
    assert (code, field) in problems, problems
    assert _snapshot() == before


def test_the_command_refuses_invalid_json_with_line_and_column(tmp_path, db):
    path = tmp_path / "kapot.json"
    path.write_text('{"format": "hub-import/1", "items": [}', encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_content", str(path))
    assert "IMPORT_INVALID_JSON" in str(error.value) and "line 1" in str(error.value)


def test_the_command_imports_and_reports_as_json(db, capsys):
    call_command("import_content", str(FIXTURES / "sites.json"), "--publish")
    call_command("import_content", str(FIXTURES / "draft.json"))
    capsys.readouterr()
    call_command("import_content", str(FIXTURES / "content.json"), "--publish", "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and "product-paspoort" in report["created"]
    assert ProductPage.objects.get(ref="product-paspoort").live


def test_an_image_that_is_not_an_image_is_refused(import_json, sites, tmp_path):
    (tmp_path / "foto.jpg").write_text("geen plaatje")
    data = {
        "format": "hub-import/1",
        "items": [
            {
                "ref": "answer-foto",
                "type": "answer",
                "site": "deventer",
                "parent": "/vragen/",
                "title": "Foto",
                "blocks": [{"type": "image", "value": {"file": "foto.jpg", "alt": "Een foto"}}],
            }
        ],
    }
    with pytest.raises(ImportFailure) as failure:
        import_json(data)
    assert failure.value.problems[0].code == "IMPORT_BAD_IMAGE"


def test_a_real_image_is_imported_once(import_json, sites, tmp_path):
    from PIL import Image
    from wagtail.images import get_image_model

    Image.new("RGB", (40, 30), "red").save(tmp_path / "rood.png")
    data = {
        "format": "hub-import/1",
        "items": [
            {
                "ref": "answer-foto",
                "type": "answer",
                "site": "deventer",
                "parent": "/vragen/",
                "title": "Foto",
                "blocks": [{"type": "image", "value": {"file": "rood.png", "alt": "Een rood vlak"}}],
            }
        ],
    }
    import_json(data)
    import_json(data)
    assert get_image_model().objects.count() == 1
