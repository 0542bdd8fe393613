from django.db import models


class TranslationState(models.Model):
    """Which version of the original a translated page was last brought up to date with.

    Set when the translation is made (in the admin or by the import) and when an editor marks
    it as up to date; the parts of the original that changed since are "out of date"."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_state", verbose_name="vertaling"
    )
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="versie van het origineel",
    )
    synced_at = models.DateTimeField("bijgewerkt op", auto_now=True)

    class Meta:
        verbose_name = "stand van een vertaling"
        verbose_name_plural = "stand van vertalingen"
