"""The SDG text fields take basic Markdown without h1, h2, h5, h6, rules, images or code: what
we produce is held to that by rendering it with Python-Markdown, whatever an editor typed."""

import markdown as python_markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syndication.sdg.markdown import (
    bullet_list,
    escape,
    forbidden_elements,
    from_html,
    heading,
    link,
    numbered_list,
    paragraphs,
)


def html_of(text: str) -> str:
    return python_markdown.markdown(text, extensions=["tables"])


def test_the_check_itself_finds_each_element_the_api_refuses():
    assert forbidden_elements("# Kop") == {"h1"}
    assert forbidden_elements("Kop\n---") == {"h2"}
    assert forbidden_elements("##### Kop") == {"h5"}
    assert forbidden_elements("###### Kop") == {"h6"}
    assert forbidden_elements("tekst\n\n***\n\ntekst") == {"hr"}
    assert forbidden_elements("![foto](https://example.org/a.png)") == {"img"}
    assert forbidden_elements("een `voorbeeld`") == {"code"}
    assert forbidden_elements("    ingesprongen") == {"code", "pre"}
    assert forbidden_elements("### Kop\n\n#### Kleiner\n\n- een\n\n1. twee\n\n**vet** [a](https://x.nl)") == set()


def test_rich_text_headings_become_level_three_and_four():
    text = from_html("<h1>Een</h1><h2>Twee</h2><h3>Drie</h3><h4>Vier</h4><h5>Vijf</h5><h6>Zes</h6>")
    assert text == "### Een\n\n### Twee\n\n### Drie\n\n#### Vier\n\n#### Vijf\n\n#### Zes"
    assert forbidden_elements(text) == set()


def test_images_rules_and_code_are_dropped_but_the_text_of_code_stays():
    text = from_html(
        '<p>Voor<img src="/media/a.png" alt="foto"/></p><hr/><embed embedtype="image" id="3"/>'
        "<p>Typ <code>ja</code> in.</p><pre>    regel een\nregel twee</pre>"
    )
    assert forbidden_elements(text) == set()
    rendered = html_of(text)
    assert "Typ ja in." in rendered and "regel een" in rendered and "regel twee" in rendered
    assert "foto" not in rendered and "a.png" not in rendered


def test_bold_italics_lists_and_links_are_kept():
    text = from_html(
        "<p>Dit is <b>vet</b> en <i>schuin</i>.</p>"
        "<ul><li>een<ul><li>genest</li></ul></li><li>twee</li></ul><p>En dan:</p>"
        '<ol><li>eerst</li><li>dan <a href="https://example.org/a b(c)">hier</a></li></ol>'
    )
    assert forbidden_elements(text) == set()
    rendered = html_of(text)
    assert "<strong>vet</strong>" in rendered and "<em>schuin</em>" in rendered
    assert "<li>genest</li>" in rendered and "<ol>" in rendered
    assert '<a href="https://example.org/a%20b%28c%29">hier</a>' in rendered


def test_a_link_goes_where_the_resolver_says_or_becomes_plain_text():
    html = (
        '<p><a linktype="page" id="7">openbaar</a> <a linktype="page" id="8">intern</a> '
        '<a href="javascript:alert(1)">kwaad</a></p>'
    )
    urls = {"7": "https://www.deventer.nl/producten/paspoort/"}
    text = from_html(html, lambda attrs: urls.get(attrs.get("id")) or attrs.get("href"))
    assert text == "[openbaar](https://www.deventer.nl/producten/paspoort/) intern kwaad"


@pytest.mark.parametrize(
    "typed",
    [
        "# Geen kop",
        "## Ook geen kop",
        "Tekst\n===",
        "Tekst\n---",
        "---",
        "* * *",
        "___",
        "`code` en ``meer``",
        "```\nblok\n```",
        "    ingesprongen regel",
        "\tmet een tab",
        "![foto](https://example.org/a.png)",
        "<img src=x> <h1>kop</h1> <hr> <code>c</code>",
        "<https://example.org>",
        "1. geen lijst\n2) ook niet",
        "- geen lijst\n+ ook niet\n> geen citaat",
        "&copy; &#169; AT&T",
        "Prijs: *50* euro_per_stuk [link](https://x.nl)",
    ],
)
def test_text_that_looks_like_markup_stays_text(typed):
    for text in (paragraphs(typed), bullet_list([typed]), numbered_list([typed, typed]), heading(typed)):
        assert forbidden_elements(text) == set(), text
    rendered = html_of(paragraphs(typed))
    assert "<h1" not in rendered and "<h2" not in rendered and "<a " not in rendered and "<img" not in rendered


def test_escaped_text_reads_as_typed():
    typed = "Kosten: *50* euro (per_stuk) [zie] <b>hier</b> &copy;"
    assert html_of(escape(typed)) == "<p>Kosten: *50* euro (per_stuk) [zie] &lt;b&gt;hier&lt;/b&gt; &amp;copy;</p>"


def test_lists_and_headings_from_plain_text():
    assert numbered_list(["Maak een afspraak.", "Neem een pasfoto mee."]) == (
        "1. Maak een afspraak.\n2. Neem een pasfoto mee."
    )
    assert bullet_list(["een", "", "twee"]) == "- een\n- twee"
    assert heading("Kop", level=1) == "### Kop" and heading("Kop", level=6) == "#### Kop"
    assert link("RDW", "https://www.rdw.nl") == "[RDW](https://www.rdw.nl)"
    assert link("kwaad", "javascript:alert(1)") == "kwaad"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("#*-_=`~>+!|[]()<> \n\t1.a&;:/hx"), max_size=60))
def test_no_typed_text_renders_an_element_the_api_refuses(typed):
    for text in (paragraphs(typed), bullet_list([typed]), numbered_list([typed]), heading(typed)):
        assert forbidden_elements(text) == set(), repr(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<h1>",
                "</h1>",
                "<h5>",
                "</h5>",
                "<ul>",
                "<li>",
                "</li>",
                "</ul>",
                "<ol>",
                "</ol>",
                "<b>",
                "</b>",
                "<i>",
                "</i>",
                "<hr/>",
                "<br/>",
                "<code>",
                "</code>",
                "<pre>",
                "</pre>",
                "<img src=x>",
                "tekst",
                " ",
                "\n",
                "# x",
                "---",
                "`",
                "    ",
                "1. ",
                "*",
                "&lt;h2&gt;",
            ]
        ),  # fmt: skip
        max_size=25,
    )
)
def test_no_rich_text_renders_an_element_the_api_refuses(parts):
    text = from_html("".join(parts))
    assert forbidden_elements(text) == set(), repr(text)
