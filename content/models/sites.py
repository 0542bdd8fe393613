from django.core.validators import RegexValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page

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


class SiteDirectory:
    """Which site a page is on, and its path and URL there: the one home of that rule.

    A page lives in one site's tree (its canonical site). The API, the search index and the
    preview URL ask a directory, which loads the sites once and answers for many pages.
    """

    def __init__(self):
        configs = SiteConfig.objects.filter(key__isnull=False).select_related("site__root_page")
        self.by_key = {c.key: c for c in configs}
        self.by_site_id = {c.site_id: c for c in configs}
        # Longest root path first, so a nested site wins over its parent.
        self._roots = sorted(((c.site.root_page.path, c) for c in configs), key=lambda r: -len(r[0]))

    def find(self, key: str) -> SiteConfig | None:
        return self.by_key.get(key)

    def site_of(self, page) -> SiteConfig | None:
        """The site whose tree holds `page` (any page with a tree path), or None."""
        for root_path, config in self._roots:
            if page.path.startswith(root_path):
                return config
        return None

    def key_of_site_id(self, site_id) -> str:
        config = self.by_site_id.get(site_id)
        return config.key if config else ""

    def relative_path(self, page) -> str | None:
        config = self.site_of(page)
        if config is None:
            return None
        root_url_path = config.site.root_page.url_path
        return "/" + page.url_path[len(root_url_path) :]

    def url_for_path(self, config, path: str) -> str:
        return (config.frontend_url or "").rstrip("/") + path

    def url_of(self, page) -> str | None:
        config = self.site_of(page)
        path = self.relative_path(page)
        return None if config is None or path is None else self.url_for_path(config, path)

    @staticmethod
    def page_at(config: SiteConfig, path: str):
        """The page (specific) at `path` within the site of `config`, or None."""
        url_path = config.site.root_page.url_path + path.strip("/") + ("/" if path.strip("/") else "")
        return Page.objects.filter(url_path=url_path).specific().first()
