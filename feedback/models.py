"""One feedback item: about one page, from a resident or a KCC employee, handled by editors.

Nothing about the sender is stored: no IP address, no user, no session. The comment is cleaned
by `feedback.cleaning` (personal data masked by `content.personal_data`) before it gets here.
"""

from django.db import models
from django.utils import timezone

RESIDENT = "resident"
KCC = "kcc"
KIND_CHOICES = [(RESIDENT, "Inwoner"), (KCC, "KCC")]

KLOPT_NIET = "klopt_niet"
VEROUDERD = "verouderd"
VERDICT_CHOICES = [(KLOPT_NIET, "Klopt niet"), (VEROUDERD, "Verouderd")]

OPEN = "open"
IN_BEHANDELING = "in_behandeling"
AFGEHANDELD = "afgehandeld"
STATUS_CHOICES = [(OPEN, "Open"), (IN_BEHANDELING, "In behandeling"), (AFGEHANDELD, "Afgehandeld")]

CHANNEL_CHOICES = [("web", "Website"), ("app", "App"), ("kcc", "KCC"), ("balie", "Balie")]


class FeedbackQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=AFGEHANDELD)


class Feedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="pagina", db_index=True
    )
    language = models.CharField("taal", max_length=10)
    channel = models.CharField("kanaal", max_length=10, choices=CHANNEL_CHOICES)
    kind = models.CharField("van", max_length=10, choices=KIND_CHOICES)
    helpful = models.BooleanField("nuttig", null=True, blank=True, help_text="Het antwoord van de inwoner.")
    verdict = models.CharField(
        "oordeel KCC", max_length=20, choices=VERDICT_CHOICES, blank=True, help_text="Het oordeel van het KCC."
    )
    comment = models.TextField(
        "opmerking",
        blank=True,
        help_text="Zonder persoonlijke gegevens: e-mailadressen, telefoonnummers, BSN en adressen zijn weggehaald.",
    )
    status = models.CharField("status", max_length=20, choices=STATUS_CHOICES, default=OPEN, db_index=True)
    reply_note = models.TextField(
        "notitie bij de afhandeling",
        blank=True,
        help_text="Wat heeft u met deze feedback gedaan? Alleen redacteuren zien deze notitie.",
    )
    created_at = models.DateTimeField("ontvangen op", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)
    handled_at = models.DateTimeField("afgehandeld op", null=True, blank=True)
    comment_removed_at = models.DateTimeField(
        "opmerking verwijderd op", null=True, blank=True, help_text="De bewaartermijn was voorbij."
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "feedback"
        verbose_name_plural = "feedback"
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind=RESIDENT, helpful__isnull=False, verdict=""))
                | (models.Q(kind=KCC, helpful__isnull=True) & ~models.Q(verdict="")),
                name="feedback_answer_fits_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.answer_label} ({self.created_at:%d-%m-%Y})"

    @property
    def answer_label(self) -> str:
        """What the sender said, in the editor's words."""
        if self.kind == KCC:
            return self.get_verdict_display()
        return "Nuttig" if self.helpful else "Niet nuttig"

    def save(self, *args, **kwargs):
        if self.status == AFGEHANDELD and self.handled_at is None:
            self.handled_at = timezone.now()
        elif self.status != AFGEHANDELD:
            self.handled_at = None
        super().save(*args, **kwargs)
