from django.core.validators import RegexValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Gebruik een kleur als #9b1b30.")


@register_setting(icon="site")
class SiteConfig(ClusterableModel, BaseSiteSetting):
    """What a front-end needs to know about a site: its key, address, menu and theme."""

    key = models.SlugField(
        "sleutel",
        max_length=50,
        unique=True,
        null=True,
        help_text="Korte naam van de site in de API, bijvoorbeeld deventer of verkeer.",
    )
    frontend_url = models.URLField("adres van de website", blank=True, help_text="Hier staat de website voor inwoners.")
    primary_color = models.CharField("hoofdkleur", max_length=7, default="#9b1b30", validators=[colour])
    secondary_color = models.CharField("tweede kleur", max_length=7, default="#1d1d1b", validators=[colour])
    logo_text = models.CharField("tekst bij het logo", max_length=100, blank=True)
    tagline = models.CharField("ondertitel", max_length=200, blank=True)

    panels = [
        FieldPanel("key"),
        FieldPanel("frontend_url"),
        MultiFieldPanel(
            [
                FieldPanel("primary_color"),
                FieldPanel("secondary_color"),
                FieldPanel("logo_text"),
                FieldPanel("tagline"),
            ],
            heading="Uiterlijk",
        ),
        InlinePanel("menu_items", label="Menu-item", heading="Menu"),
    ]

    class Meta:
        verbose_name = "site-instellingen"
        permissions = [("view_internal_content", "Mag interne inhoud zien (KCC en balie)")]

    def __str__(self):
        return self.key or str(self.site)


class MenuItem(Orderable):
    config = ParentalKey(SiteConfig, on_delete=models.CASCADE, related_name="menu_items")
    title = models.CharField("tekst", max_length=100)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="pagina",
    )
    url = models.URLField("of een adres", blank=True)

    panels = [FieldPanel("title"), FieldPanel("page"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "menu-item"
