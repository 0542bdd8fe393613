"""The one visibility rule, tested directly: pages, blocks, chosen pages and fragments."""

import pytest

from content.models import AnswerPage, ProductPage
from content.rendering import render_for_channel
from content.visibility import Viewer, page_is_visible, visible_page_ids

pytestmark = pytest.mark.django_db

PUBLIC_WEB = Viewer(channel="web")
PUBLIC_KCC = Viewer(channel="kcc")
STAFF_KCC = Viewer(channel="kcc", staff=True)


def _types(blocks):
    return [b.type for b in blocks]


def _plain(value) -> str:
    if hasattr(value, "title") and hasattr(value, "url_path"):  # a Page
        return value.title
    if hasattr(value, "items"):
        return " ".join(_plain(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(_plain(v) for v in value)
    return str(value)


def _all_text(blocks) -> str:
    parts = []
    for block in blocks:
        parts.append(_plain(block.value))
        parts.extend(link["title"] for link in block.links)
        parts.append(_all_text(block.children))
    return " ".join(parts)


def test_a_published_public_page_is_visible_to_everyone(hub_content):
    page = ProductPage.objects.get(ref="product-paspoort")
    assert page_is_visible(page, PUBLIC_WEB)
    assert page_is_visible(page, STAFF_KCC)


def test_a_draft_is_invisible_without_a_preview_for_that_page(hub_content):
    draft = hub_content["draft"]
    other = ProductPage.objects.get(ref="product-paspoort")
    assert not page_is_visible(draft, PUBLIC_WEB)
    assert not page_is_visible(draft, STAFF_KCC)
    assert not page_is_visible(draft, Viewer(preview_page_id=other.pk))
    assert page_is_visible(draft, Viewer(preview_page_id=draft.pk))


def test_an_internal_answer_is_only_visible_to_staff(hub_content):
    page = AnswerPage.objects.get(ref="answer-intern-noodpaspoort")
    assert not page_is_visible(page, PUBLIC_WEB)
    assert not page_is_visible(page, PUBLIC_KCC)
    assert not page_is_visible(page, Viewer(preview_page_id=page.pk))
    assert page_is_visible(page, STAFF_KCC)


def test_an_unpublished_page_disappears(hub_content):
    page = ProductPage.objects.get(ref="product-parkeervergunning")
    page.unpublish()
    page.refresh_from_db()
    assert not page_is_visible(page, PUBLIC_WEB)
    assert page.pk not in visible_page_ids([page.pk], STAFF_KCC)


def test_kcc_script_is_absent_for_anonymous_callers_on_every_channel(hub_content):
    page = ProductPage.objects.get(ref="product-paspoort")
    for channel in ("web", "app", "kcc", "balie"):
        blocks = render_for_channel(page.body, Viewer(channel=channel))
        assert "kcc_script" not in _types(blocks)
        assert "Vraag of de inwoner" not in _all_text(blocks)


def test_staff_see_the_kcc_script_only_on_staff_channels(hub_content):
    page = ProductPage.objects.get(ref="product-paspoort")
    assert "kcc_script" in _types(render_for_channel(page.body, STAFF_KCC))
    assert "kcc_script" not in _types(render_for_channel(page.body, Viewer(channel="web", staff=True)))


def test_blocks_follow_their_channels(hub_content):
    page = ProductPage.objects.get(ref="product-paspoort")
    web = _all_text(render_for_channel(page.body, Viewer(channel="web")))
    app = _all_text(render_for_channel(page.body, Viewer(channel="app")))
    assert "herinnering" not in web
    assert "herinnering" in app


def test_blocks_keep_their_product_section(hub_content):
    page = ProductPage.objects.get(ref="product-paspoort")
    sections = {b.type: b.section for b in render_for_channel(page.body, PUBLIC_WEB)}
    assert sections["steps"] == "aanvraag"
    assert sections["cost_table"] == "kosten"


def test_a_draft_or_internal_page_chosen_in_a_block_does_not_leak(hub_content):
    page = ProductPage.objects.get(ref="product-paspoort")
    links = [b for b in render_for_channel(page.body, PUBLIC_WEB) if b.type == "link_list"][0].links
    titles = [link["title"] for link in links]
    assert titles == ["Vraag over verlies", "Rijksoverheid"]
    staff_links = [b for b in render_for_channel(page.body, STAFF_KCC) if b.type == "link_list"][0].links
    assert [link["title"] for link in staff_links] == ["Vraag over verlies", "Werkinstructie", "Rijksoverheid"]


def test_a_fragment_is_filtered_by_the_same_rule(hub_content):
    page = ProductPage.objects.get(ref="product-paspoort")
    fragment = [b for b in render_for_channel(page.body, PUBLIC_WEB) if b.type == "fragment"][0]
    text = _all_text([fragment])
    assert "14 0570" in text
    assert "andere vraag" not in text  # the fragment's kcc_script
    assert "Nog niet klaar" not in text  # a draft chosen inside the fragment
    staff = [b for b in render_for_channel(page.body, STAFF_KCC) if b.type == "fragment"][0]
    assert "andere vraag" in _all_text([staff])


def test_an_unpublished_fragment_is_not_shown(hub_content):
    from content.models import Fragment

    Fragment.objects.filter(ref="contact-gemeente").update(live=False)
    page = ProductPage.objects.get(ref="product-paspoort")
    assert "fragment" not in _types(render_for_channel(page.body, PUBLIC_WEB))


def test_an_unknown_channel_is_refused():
    with pytest.raises(ValueError):
        Viewer(channel="fax")


def test_a_rich_text_link_to_a_draft_or_internal_page_keeps_only_its_text(hub_content):
    draft = hub_content["draft"]
    internal = AnswerPage.objects.get(ref="answer-intern-noodpaspoort")
    public = ProductPage.objects.get(ref="product-parkeervergunning")
    text = (
        f'<p>Zie <a linktype="page" id="{draft.pk}">de nieuwe pas</a>, '
        f'<a linktype="page" id="{internal.pk}">de werkinstructie</a> en '
        f'<a linktype="page" id="{public.pk}">parkeren</a>.</p>'
    )
    stream = [{"type": "text", "id": "t1", "value": {"channels": ["web", "kcc"], "text": text}}]

    shown = render_for_channel(stream, PUBLIC_WEB)[0].value["text"]
    assert f'id="{draft.pk}"' not in shown and f'id="{internal.pk}"' not in shown
    assert "de nieuwe pas" in shown and "de werkinstructie" in shown
    assert f'<a linktype="page" id="{public.pk}">parkeren</a>' in shown

    staff = render_for_channel(stream, STAFF_KCC)[0].value["text"]
    assert f'<a linktype="page" id="{internal.pk}">de werkinstructie</a>' in staff
    assert f'id="{draft.pk}"' not in staff  # a draft is not served to staff either
