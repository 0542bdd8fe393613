import uuid

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin

from ..blocks import ActionBlock, ContentStreamBlock, ProductSectionBlock, content_block, content_blocks_of, raw_stream
from ..channels import AUDIENCE_CHOICES, PUBLIC
from ..keyword_chooser import KeywordPanel
from ..languages import language_of
from .sites import SiteDirectory

DOELGROEP_CHOICES = [("burger", "Inwoners"), ("bedrijf", "Ondernemers"), ("beide", "Inwoners en ondernemers")]


class HomePage(Page):
    """The root page of a site."""

    intro = models.TextField("introductie", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["content.SectionPage", "content.ProductPage", "content.AnswerPage", "content.ArticlePage"]

    class Meta:
        verbose_name = "startpagina"


class SectionPage(Page):
    """A folder of pages, such as /producten/ or /nieuws/."""

    intro = models.TextField("introductie", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["content.SectionPage", "content.ProductPage", "content.AnswerPage", "content.ArticlePage"]

    class Meta:
        verbose_name = "rubriek"
        verbose_name_plural = "rubrieken"


class HubPage(HeadlessPreviewMixin, Page):
    """Fields every content page has: reference, summary, audience, keywords, owner, sites."""

    ref = models.SlugField(
        "referentie",
        max_length=120,
        unique=True,
        blank=True,
        help_text="Vaste naam van de pagina voor import en koppelingen. Wordt vanzelf gevuld.",
    )
    summary = models.CharField(
        "samenvatting",
        max_length=160,
        blank=True,
        help_text="Eén of twee zinnen, hoogstens 160 tekens. Wordt getoond in zoekresultaten.",
    )
    audience = models.CharField(
        "voor wie",
        max_length=10,
        choices=AUDIENCE_CHOICES,
        default=PUBLIC,
        db_index=True,  # the public lists leave out the few internal pages (content.visibility)
        help_text="Interne pagina's zien alleen medewerkers van het KCC en de balie.",
    )
    keywords = ParentalManyToManyField("content.Keyword", blank=True, related_name="+", verbose_name="trefwoorden")
    also_on = ParentalManyToManyField(
        "wagtailcore.Site",
        blank=True,
        related_name="+",
        verbose_name="ook tonen op",
        help_text="Andere sites waar deze pagina ook te zien is.",
    )
    # The team that owns the page (reminders, feedback and reports go to it); not Wagtail's
    # `Page.owner`, who made the page.
    owner_team = models.ForeignKey(
        "content.Team",
        verbose_name="eigenaar",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Welk team beheert deze pagina? Dit team krijgt een mail als de pagina gecontroleerd moet worden.",
    )
    review_date = models.DateField("controleren voor", null=True, blank=True)
    # Checksum of the last imported item, so a repeated import changes nothing.
    import_checksum = models.CharField(max_length=64, blank=True, editable=False)

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.FilterField("audience")]

    meta_panels = [
        FieldPanel("summary"),
        FieldPanel("audience"),
        KeywordPanel("keywords"),
        MultiFieldPanel(
            [
                FieldPanel("owner_team"),
                FieldPanel("review_date"),
                FieldPanel("also_on", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Beheer",
        ),
    ]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = []
    # The stream fields an editor writes; used by B1 checks, search and the API.
    stream_field_names: tuple[str, ...] = ("body",)
    # A copy (also a translation) is a page of its own: it gets its own ref and is no import.
    exclude_fields_in_copy = ["ref", "import_checksum"]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.ref:
            self.ref = (
                self._translation_ref()
                or (f"{self._meta.model_name.removesuffix('page')}-{self.slug or uuid.uuid4().hex[:8]}"[:120])
            )
            if type(self).objects.filter(ref=self.ref).exclude(pk=self.pk).exists():
                self.ref = f"{self.ref[:110]}-{uuid.uuid4().hex[:8]}"
        super().save(*args, **kwargs)

    def _translation_ref(self) -> str:
        """A translation's ref is its original's ref with the language: product-paspoort-en."""
        if not self.translation_key or not self.locale_id:
            return ""
        original = (
            type(self)
            .objects.filter(translation_key=self.translation_key)
            .exclude(locale_id=self.locale_id)
            .exclude(ref="")
            .order_by("pk")
            .values_list("ref", flat=True)
            .first()
        )
        return f"{original}-{language_of(self)}"[:120] if original else ""

    def get_client_root_url(self, request) -> str:
        """Preview in the front-end of the page's own site, not the admin's site."""
        node = self if self.pk else self.get_parent()
        config = SiteDirectory().site_of(node) if node is not None else None
        if config and config.frontend_url:
            return config.frontend_url.rstrip("/") + "/preview/"
        return super().get_client_root_url(request)

    @property
    def owner_name(self) -> str:
        """The owning team's name, or "" when no team owns the page."""
        return self.owner_team.name if self.owner_team_id else ""

    def readable_texts(self) -> list[tuple[str, str]]:
        """(key, plain text) pairs an editor wrote, for the B1 check and the search index."""
        texts = [("title", self.title)]
        if self.summary:
            texts.append(("summary", self.summary))
        for name in self.stream_field_names:
            for key, text in _stream_texts(getattr(self, name)):
                texts.append((f"{name}.{key}", text))
        return texts


def _stream_texts(stream):
    """(path, plain text) for every content block of a stream: each block type names its texts."""
    for child, _section, path in content_blocks_of(raw_stream(stream)):
        block = content_block(child.get("type"))
        texts = [t for t in block.plain_texts(child.get("value") or {}) if t] if block is not None else []
        if texts:
            yield path, "\n".join(texts)


class ProductPage(HubPage):
    """A product or service (product of dienst), structured by the Dutch product standards."""

    upl_name = models.CharField(
        "UPL-naam", max_length=200, blank=True, help_text="Naam uit de Uniforme Productnamenlijst."
    )
    upl_uri = models.URLField("UPL-adres", max_length=300, blank=True)
    doelgroep = models.CharField("doelgroep", max_length=10, choices=DOELGROEP_CHOICES, default="burger")
    themes = models.CharField("thema's", max_length=255, blank=True, help_text="Scheid thema's met een komma.")
    actions = StreamField([("action", ActionBlock())], blank=True, verbose_name="direct regelen")
    body = StreamField([("section", ProductSectionBlock())], blank=True, verbose_name="onderdelen")

    content_panels = [
        *Page.content_panels,
        *HubPage.meta_panels,
        MultiFieldPanel(
            [FieldPanel("upl_name"), FieldPanel("upl_uri"), FieldPanel("doelgroep"), FieldPanel("themes")],
            heading="Product",
        ),
        FieldPanel("actions"),
        FieldPanel("body"),
    ]
    search_fields = [*HubPage.search_fields, index.SearchField("upl_name")]

    class Meta:
        verbose_name = "productpagina"

    @property
    def theme_list(self) -> list[str]:
        return [t.strip() for t in self.themes.split(",") if t.strip()]


class AnswerPage(HubPage):
    """A question and its answer (vraag-antwoord), public or internal, for residents and KCC."""

    phrasings = models.TextField("zo vragen inwoners het", blank=True, help_text="Eén vraag per regel.")
    short_answer = models.TextField("kort antwoord", blank=True, help_text="Eén of twee zinnen om voor te lezen.")
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="volledig antwoord")
    internal_note = models.TextField("interne notitie", blank=True, help_text="Alleen medewerkers zien deze notitie.")
    status = models.CharField(
        "status",
        max_length=20,
        default="actueel",
        choices=[("actueel", "Actueel"), ("verouderd", "Verouderd"), ("concept", "In bewerking")],
    )
    doelgroep = models.CharField("doelgroep", max_length=10, choices=DOELGROEP_CHOICES, default="burger")

    content_panels = [
        *Page.content_panels,
        FieldPanel("phrasings"),
        FieldPanel("short_answer"),
        FieldPanel("body"),
        FieldPanel("internal_note"),
        FieldPanel("status"),
        FieldPanel("doelgroep"),
        *HubPage.meta_panels,
    ]
    search_fields = [*HubPage.search_fields, index.SearchField("phrasings"), index.SearchField("short_answer")]

    class Meta:
        verbose_name = "vraag en antwoord"
        verbose_name_plural = "vragen en antwoorden"

    @property
    def phrasing_list(self) -> list[str]:
        return [p.strip() for p in self.phrasings.splitlines() if p.strip()]

    def readable_texts(self):
        texts = super().readable_texts()
        if self.short_answer:
            texts.insert(1, ("short_answer", self.short_answer))
        return texts


class ArticlePage(HubPage):
    """News and roadworks, with dates."""

    kind = models.CharField(
        "soort", max_length=20, default="nieuws", choices=[("nieuws", "Nieuws"), ("werkzaamheden", "Werkzaamheden")]
    )
    date = models.DateField("datum")
    start_date = models.DateField("begindatum", null=True, blank=True)
    end_date = models.DateField("einddatum", null=True, blank=True)
    location = models.CharField("plaats", max_length=255, blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="inhoud")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("date"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("location"),
            ],
            heading="Datum en plaats",
        ),
        FieldPanel("body"),
        *HubPage.meta_panels,
    ]

    class Meta:
        verbose_name = "artikel"
        verbose_name_plural = "artikelen"


HUB_PAGE_MODELS = (ProductPage, AnswerPage, ArticlePage)


def find_page_by_ref(ref: str):
    """The content page with this ref, of whatever type, or None."""
    for model in HUB_PAGE_MODELS:
        page = model.objects.filter(ref=ref).first()
        if page is not None:
            return page
    return None
