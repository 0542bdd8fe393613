from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin


def split_lines(value: str) -> list[str]:
    """Editors type one term per line (commas work too)."""
    parts = (p.strip() for line in (value or "").splitlines() for p in line.split(","))
    return [p for p in parts if p]


class Keyword(TranslatableMixin, ClusterableModel):
    """A controlled keyword: preferred term, synonyms, spelling variants and best bets.

    Translatable: the English translation of a keyword holds the English term and synonyms,
    used when people search in English."""

    term = models.CharField("voorkeursterm", max_length=100)
    synonyms = models.TextField(
        "synoniemen", blank=True, help_text="Andere woorden met dezelfde betekenis. Eén per regel."
    )
    variants = models.TextField(
        "schrijfwijzen",
        blank=True,
        help_text="Andere schrijfwijzen en veelgemaakte typfouten. Eén per regel.",
    )
    description = models.TextField("uitleg voor redacteuren", blank=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("synonyms"),
        FieldPanel("variants"),
        FieldPanel("description"),
        InlinePanel("best_bets", label="Beste resultaten", heading="Beste resultaten"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term"]
        constraints = [models.UniqueConstraint(fields=["term", "locale"], name="content_keyword_term_per_locale")]
        verbose_name = "trefwoord"
        verbose_name_plural = "trefwoorden"

    def __str__(self):
        return self.term

    @property
    def synonym_list(self) -> list[str]:
        return split_lines(self.synonyms)

    @property
    def variant_list(self) -> list[str]:
        return split_lines(self.variants)

    @property
    def all_terms(self) -> list[str]:
        """The preferred term first, then synonyms and variants, without duplicates."""
        seen, terms = set(), []
        for t in [self.term, *self.synonym_list, *self.variant_list]:
            if t.lower() not in seen:
                seen.add(t.lower())
                terms.append(t)
        return terms


class KeywordBestBet(Orderable):
    """A page promoted to the top of the results for its keyword."""

    keyword = ParentalKey(Keyword, on_delete=models.CASCADE, related_name="best_bets")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="pagina")

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "beste resultaat"
        verbose_name_plural = "beste resultaten"
