"""The editors' glossary: jargon with a plain alternative, and words that are always fine.

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
