from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

from ..blocks import FragmentStreamBlock


class Fragment(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """Reusable content embedded by reference: one edit updates every page that uses it.
    Translatable: a page in English shows the English translation of a fragment it embeds."""

    ref = models.SlugField("referentie", max_length=100)
    title = models.CharField("titel", max_length=255)
    body = StreamField(FragmentStreamBlock(), verbose_name="inhoud", blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="fragment")

    panels = [FieldPanel("title"), FieldPanel("ref"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        constraints = [models.UniqueConstraint(fields=["ref", "locale"], name="content_fragment_ref_per_locale")]
        verbose_name = "herbruikbaar tekstblok"
        verbose_name_plural = "herbruikbare tekstblokken"

    def __str__(self):
        return self.title
