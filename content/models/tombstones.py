from django.db import models
from django.utils import timezone


class PageTombstone(models.Model):
    """A page that was unpublished or deleted, so an offline copy (the app) can drop it."""

    page_id = models.PositiveIntegerField(unique=True)
    ref = models.CharField(max_length=120, blank=True)
    reason = models.CharField(max_length=20, choices=[("unpublished", "Gedepubliceerd"), ("deleted", "Verwijderd")])
    removed_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The page's language, so each language's offline copy hears only of its own pages. Empty
    # for a page deleted before languages were recorded: it is reported in every language.
    language = models.CharField(max_length=10, blank=True)

    class Meta:
        verbose_name = "verwijderde pagina"
        verbose_name_plural = "verwijderde pagina's"
        ordering = ["removed_at", "id"]
