from dataclasses import dataclass

from django.core.validators import RegexValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page

from ..languages import default_language

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
    organisation_name = models.CharField(
        "naam van de organisatie",
        max_length=200,
        blank=True,
        help_text="Zoals in de landelijke catalogi, bijvoorbeeld Gemeente Deventer.",
    )
    owms_identifier = models.URLField(
        "OWMS-identificatie",
        max_length=300,
        blank=True,
        help_text="De vaste URI van de gemeente in de OWMS-lijsten, bijvoorbeeld "
        "http://standaarden.overheid.nl/owms/terms/Deventer_(gemeente). Nodig voor Samenwerkende "
        "Catalogi en de SDG.",
    )

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
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("owms_identifier")],
            heading="Landelijke catalogi",
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


@dataclass(frozen=True)
class SiteRoot:
    """The home page of a site in one language."""

    config: SiteConfig
    language: str
    path: str
    url_path: str


class SiteDirectory:
    """Which site a page is on, in which language, and its path and URL there: the one home
    of that rule.

    A page lives in one site's tree (its canonical site). A site's home page has a translation
    per language (a sibling in Wagtail's tree); a translated page lives under the translated
    home, and its public URL starts with its language (`/en/...`). The API, the search index and
    the preview URL ask a directory, which loads the sites once and answers for many pages.
    Translated homes are loaded only when a page outside the default-language trees is asked.
    """

    def __init__(self):
        configs = SiteConfig.objects.filter(key__isnull=False).select_related("site__root_page")
        self.by_key = {c.key: c for c in configs}
        self.by_site_id = {c.site_id: c for c in configs}
        self.default_language = default_language()
        self._roots = self._sorted(
            SiteRoot(c, self.default_language, c.site.root_page.path, c.site.root_page.url_path) for c in configs
        )
        self._translated_loaded = False

    @staticmethod
    def _sorted(roots):
        # Longest root path first, so a nested site wins over its parent.
        return sorted(roots, key=lambda r: -len(r.path))

    def _load_translated_roots(self):
        if self._translated_loaded:
            return
        self._translated_loaded = True
        homes = {c.site.root_page.translation_key: c for c in self.by_key.values()}
        rows = (
            Page.objects.filter(translation_key__in=homes)
            .exclude(pk__in=[c.site.root_page_id for c in self.by_key.values()])
            .values_list("translation_key", "locale__language_code", "path", "url_path")
        )
        extra = [SiteRoot(homes[key], code, path, url_path) for key, code, path, url_path in rows]
        self._roots = self._sorted([*self._roots, *extra])

    def find(self, key: str) -> SiteConfig | None:
        return self.by_key.get(key)

    def root_of(self, page) -> SiteRoot | None:
        """The site home (in its language) whose tree holds `page`, or None."""
        for attempt in (0, 1):
            for root in self._roots:
                if page.path.startswith(root.path):
                    return root
            if attempt == 0 and not self._translated_loaded:
                self._load_translated_roots()
            else:
                break
        return None

    def root_for(self, config: SiteConfig, language: str) -> SiteRoot | None:
        """The home of a site in a language, or None when the home is not translated."""
        if language != self.default_language:
            self._load_translated_roots()
        return next((r for r in self._roots if r.config.pk == config.pk and r.language == language), None)

    def languages_of(self, config: SiteConfig) -> list[str]:
        self._load_translated_roots()
        return [r.language for r in self._roots if r.config.pk == config.pk]

    def site_of(self, page) -> SiteConfig | None:
        """The site whose tree (in any language) holds `page`, or None."""
        root = self.root_of(page)
        return root.config if root else None

    def key_of_site_id(self, site_id) -> str:
        config = self.by_site_id.get(site_id)
        return config.key if config else ""

    def relative_path(self, page) -> str | None:
        """The path of `page` within its site and language, without the language prefix."""
        root = self.root_of(page)
        if root is None:
            return None
        return "/" + page.url_path[len(root.url_path) :]

    def public_path(self, page) -> str | None:
        """The path on the website: `/en/...` for a translation, the plain path otherwise."""
        root = self.root_of(page)
        path = self.relative_path(page)
        if root is None or path is None:
            return None
        return path if root.language == self.default_language else f"/{root.language}{path}"

    def url_for_path(self, config, path: str, language: str | None = None) -> str:
        """The front-end URL of a path within a site's tree in `language` (`/en/...` for a
        language other than the default)."""
        prefix = "" if language in (None, "", self.default_language) else f"/{language}"
        return (config.frontend_url or "").rstrip("/") + prefix + path

    def url_of(self, page) -> str | None:
        root = self.root_of(page)
        path = self.public_path(page)
        return None if root is None or path is None else self.url_for_path(root.config, path)

    def page_at(self, config: SiteConfig, path: str, language: str | None = None):
        """The page (specific) at `path` within the site of `config` in `language` (default:
        the default language), or None."""
        root = self.root_for(config, language or self.default_language)
        if root is None:
            return None
        url_path = root.url_path + path.strip("/") + ("/" if path.strip("/") else "")
        return Page.objects.filter(url_path=url_path).specific().first()
