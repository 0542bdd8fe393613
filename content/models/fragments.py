from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin

from ..blocks import FragmentStreamBlock


class Fragment(DraftStateMixin, RevisionMixin, models.Model):
    """Reusable content embedded by reference: one edit updates every page that uses it."""

    ref = models.SlugField("referentie", max_length=100, unique=True)
    title = models.CharField("titel", max_length=255)
    body = StreamField(FragmentStreamBlock(), verbose_name="inhoud", blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="fragment")

    panels = [FieldPanel("title"), FieldPanel("ref"), FieldPanel("body")]

    class Meta:
        verbose_name = "herbruikbaar tekstblok"
        verbose_name_plural = "herbruikbare tekstblokken"

    def __str__(self):
        return self.title
