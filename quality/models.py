"""The editors' glossary: jargon with a plain alternative, and words that are always fine; and
the weekly review reminders that were sent.

The tables keep the names they had when this lived in the app `readability`."""

from django.db import models


class GlossaryTerm(models.Model):
    term = models.CharField(
        "woord of zinsdeel",
        max_length=120,
        unique=True,
        help_text="Het ambtelijke woord, zoals 'teneinde' of 'in het kader van'. Vervoegingen vinden we zelf.",
    )
    alternative = models.CharField(
        "eenvoudig alternatief",
        max_length=200,
        blank=True,
        help_text="Wat de schrijver beter kan gebruiken, zoals 'om'.",
    )
    note = models.TextField("toelichting", blank=True, help_text="Extra uitleg voor de schrijver (mag leeg blijven).")

    class Meta:
        db_table = "readability_glossaryterm"
        ordering = ["term"]
        verbose_name = "ambtelijk woord"
        verbose_name_plural = "ambtelijke woorden"

    def __str__(self) -> str:
        return self.term


class AllowedWord(models.Model):
    word = models.CharField(
        "woord",
        max_length=80,
        unique=True,
        help_text="Een woord dat de B1-check nooit als moeilijk of als afkorting aanwijst, zoals 'DigiD'.",
    )
    note = models.TextField("toelichting", blank=True, help_text="Waarom dit woord goed is (mag leeg blijven).")

    class Meta:
        db_table = "readability_allowedword"
        ordering = ["word"]
        verbose_name = "toegestaan woord"
        verbose_name_plural = "toegestane woorden"

    def __str__(self) -> str:
        return self.word


class ReviewReminder(models.Model):
    """A weekly review reminder that reached the mail server: at most one per team and ISO week,
    so a second run in the same week sends nothing (quality/reminders.py)."""

    team = models.ForeignKey("content.Team", on_delete=models.CASCADE, related_name="review_reminders")
    week = models.CharField("week", max_length=8, help_text="ISO-week, zoals 2026-W49.")
    sent_at = models.DateTimeField("verstuurd op", auto_now_add=True)
    recipients = models.TextField("ontvangers", help_text="De adressen, gescheiden door komma's.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "week"], name="quality_one_reminder_per_team_week")]
        ordering = ["-sent_at"]
        verbose_name = "herinnering"
        verbose_name_plural = "herinneringen"

    def __str__(self) -> str:
        return f"{self.team} ({self.week})"


# The content quality checks (docs/quality.md) keep their tables in a module of their own.
from .quality_models import DocumentCheck, ExternalLinkCheck, PageQuality, QualityRun  # noqa: E402, F401
