"""Page types. Every page is rendered for one viewer (channel, staff or not, preview)."""

import graphene

from content.languages import language_of
from content.visibility import internal_fields_visible

from ..keywords.types import Keyword
from ..sites.directory import site_directory
from .blocks import Block
from .loaders import also_on_of, keywords_of, owner_of, readability_of, rendered_blocks_of, translations_of, viewer_of
from .translations import PageTranslation


class Readability(graphene.ObjectType):
    """B1 language level of the page, from the last published revision."""

    score = graphene.Int(required=True, description="0–100, higher is easier.")
    b1 = graphene.Boolean(required=True, description="True when the page is at language level B1.")
    issue_count = graphene.Int(required=True, description="Number of B1 issues found.")


class PageInterface(graphene.Interface):
    """Fields every page has."""

    id = graphene.ID(required=True, description="Database id of the page.")
    ref = graphene.String(description="Stable reference used by imports (null for section and home pages).")
    title = graphene.String(required=True, description="Title of the page.")
    content_type = graphene.String(required=True, description="product, answer, article, section or home.")
    site = graphene.String(required=True, description="Key of the page's canonical site.")
    also_on = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Keys of other sites that show this page."
    )
    path = graphene.String(
        required=True,
        description="Path of the page on its site's website, e.g. `/producten/paspoort/`; a page in another "
        "language than the default starts with its language, e.g. `/en/producten/passport/`.",
    )
    url = graphene.String(required=True, description="Full URL on the site's front-end (with `/en/` for English).")
    language = graphene.String(required=True, description="ISO 639-1 code of the page's language, e.g. `nl`.")
    translations = graphene.List(
        graphene.NonNull(PageTranslation),
        required=True,
        description="The same page in the other languages, where a version exists that the caller may see; "
        "in the order of `languages`.",
    )
    summary = graphene.String(required=True, description="Short summary (at most 160 characters).")
    audience = graphene.String(required=True, description="`public` or `internal`.")
    keywords = graphene.List(graphene.NonNull(Keyword), required=True, description="Controlled keywords.")
    last_published_at = graphene.DateTime(description="When the page was last published.")
    readability = graphene.Field(Readability, description="B1 language level, when it has been checked.")
    blocks = graphene.List(
        graphene.NonNull(Block),
        required=True,
        description="The blocks for the requested channel, in order (product sections flattened).",
    )

    class Meta:
        name = "Page"

    @classmethod
    def resolve_type(cls, instance, info):
        return PAGE_TYPES.get(type(instance).__name__, SectionPage)

    @staticmethod
    def resolve_id(page, info):
        return page.pk

    @staticmethod
    def resolve_ref(page, info):
        return getattr(page, "ref", None) or None

    @staticmethod
    def resolve_content_type(page, info):
        return type(page).__name__.removesuffix("Page").lower()

    @staticmethod
    def resolve_site(page, info):
        config = site_directory(info).site_of(page)
        return config.key if config else ""

    @staticmethod
    def resolve_also_on(page, info):
        return also_on_of(info, page)

    @staticmethod
    def resolve_path(page, info):
        return site_directory(info).public_path(page) or ""

    @staticmethod
    def resolve_url(page, info):
        return site_directory(info).url_of(page) or ""

    @staticmethod
    def resolve_language(page, info):
        return language_of(page)

    @staticmethod
    def resolve_translations(page, info):
        return translations_of(info, page)

    @staticmethod
    def resolve_summary(page, info):
        return getattr(page, "summary", "") or ""

    @staticmethod
    def resolve_audience(page, info):
        return getattr(page, "audience", "public")

    @staticmethod
    def resolve_keywords(page, info):
        return keywords_of(info, page)

    @staticmethod
    def resolve_readability(page, info):
        return readability_of(info, page)

    @staticmethod
    def resolve_blocks(page, info):
        return rendered_blocks_of(info, page)


class ProductSection(graphene.ObjectType):
    """A section of a product page with its blocks for this channel."""

    section = graphene.String(required=True, description="Section key, e.g. `aanvraag`.")
    heading = graphene.String(required=True, description="Heading to show.")
    blocks = graphene.List(graphene.NonNull(Block), required=True, description="Blocks of this section.")


class Action(graphene.ObjectType):
    """A "Direct regelen" action."""

    label = graphene.String(required=True, description="Button text.")
    url = graphene.String(required=True, description="Where the action starts.")
    kind = graphene.String(required=True, description="online, afspraak or formulier.")
    digid = graphene.Boolean(required=True, description="True when the resident logs in with DigiD.")


class ProductPage(graphene.ObjectType):
    """A product or service (product of dienst)."""

    upl_name = graphene.String(required=True, description="Name in the Uniforme Productnamenlijst.")
    upl_uri = graphene.String(required=True, description="URI in the Uniforme Productnamenlijst.")
    doelgroep = graphene.String(required=True, description="burger, bedrijf or beide.")
    themes = graphene.List(graphene.NonNull(graphene.String), required=True, description="Themes.")
    actions = graphene.List(graphene.NonNull(Action), required=True, description="Direct regelen actions.")
    sections = graphene.List(
        graphene.NonNull(ProductSection),
        required=True,
        description="The sections in standard order, each with its visible blocks.",
    )
    owner = graphene.String(required=True, description="Team that owns the page.")
    review_date = graphene.Date(description="Date by which the page must be checked.")

    class Meta:
        interfaces = (PageInterface,)

    @staticmethod
    def resolve_themes(page, info):
        return page.theme_list

    @staticmethod
    def resolve_actions(page, info):
        return [dict(a.value) for a in page.actions]

    @staticmethod
    def resolve_owner(page, info):
        return owner_of(info, page)

    @staticmethod
    def resolve_sections(page, info):
        from content.channels import section_headings

        headings = section_headings(language_of(page))
        custom = {c["value"]["section"]: c["value"].get("heading") for c in page.body.raw_data}
        sections = {}
        for block in rendered_blocks_of(info, page):
            sections.setdefault(block.section, []).append(block)
        return [
            {"section": key, "heading": custom.get(key) or headings[key], "blocks": sections[key]}
            for key in headings
            if key in sections
        ]


class AnswerPage(graphene.ObjectType):
    """A question and its answer (vraag-antwoord)."""

    question = graphene.String(required=True, description="The question (same as the title).")
    phrasings = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Ways residents ask this question."
    )
    short_answer = graphene.String(required=True, description="Short answer to read aloud.")
    internal_note = graphene.String(description="Note for staff. Null for everyone else.")
    status = graphene.String(required=True, description="actueel, verouderd or concept.")
    doelgroep = graphene.String(required=True, description="burger, bedrijf or beide.")

    class Meta:
        interfaces = (PageInterface,)

    @staticmethod
    def resolve_question(page, info):
        return page.title

    @staticmethod
    def resolve_phrasings(page, info):
        return page.phrasing_list

    @staticmethod
    def resolve_internal_note(page, info):
        return page.internal_note if internal_fields_visible(viewer_of(info, page)) else None


class ArticlePage(graphene.ObjectType):
    """News or roadworks."""

    kind = graphene.String(required=True, description="nieuws or werkzaamheden.")
    date = graphene.Date(required=True, description="Date of the article.")
    start_date = graphene.Date(description="Start of the roadworks.")
    end_date = graphene.Date(description="End of the roadworks.")
    location = graphene.String(required=True, description="Where, e.g. street names.")

    class Meta:
        interfaces = (PageInterface,)


class SectionPage(graphene.ObjectType):
    """A section (folder) of pages, or a site's home page."""

    intro = graphene.String(required=True, description="Introduction text.")

    class Meta:
        interfaces = (PageInterface,)

    @staticmethod
    def resolve_intro(page, info):
        return getattr(page, "intro", "")


PAGE_TYPES = {
    "ProductPage": ProductPage,
    "AnswerPage": AnswerPage,
    "ArticlePage": ArticlePage,
    "SectionPage": SectionPage,
    "HomePage": SectionPage,
}
