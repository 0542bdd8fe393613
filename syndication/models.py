"""What was sent to which national system, per page: the admin status and the memory that
makes a push idempotent (same content → nothing sent again; an update goes to the same remote
object)."""

from django.db import models


class SyncState(models.Model):
    """The delivery of one page (or one variant of it, e.g. an SDG product per doelgroep) to
    one target system."""

    CONCEPT, SENT, FAILED, REMOVED = "concept", "verzonden", "mislukt", "verwijderd"
    STATUS_CHOICES = [
        (CONCEPT, "Concept"),
        (SENT, "Verzonden"),
        (FAILED, "Mislukt"),
        (REMOVED, "Verwijderd gemeld"),
    ]

    target = models.CharField("systeem", max_length=20)
    page_id = models.PositiveIntegerField("pagina")
    variant = models.CharField("variant", max_length=40, blank=True, default="")
    status = models.CharField("status", max_length=20, choices=STATUS_CHOICES, default=CONCEPT)
    remote_url = models.URLField("adres bij het systeem", max_length=500, blank=True)
    payload_hash = models.CharField(max_length=64, blank=True, editable=False)
    last_changed_at = models.DateTimeField("laatst gewijzigd", null=True, blank=True)
    last_sent_at = models.DateTimeField("laatst verzonden", null=True, blank=True)
    last_error = models.TextField("laatste fout", blank=True)

    class Meta:
        verbose_name = "levering aan een landelijk systeem"
        verbose_name_plural = "leveringen aan landelijke systemen"
        constraints = [
            models.UniqueConstraint(fields=["target", "page_id", "variant"], name="syndication_one_state_per_variant")
        ]
        indexes = [models.Index(fields=["target", "status"], name="syndication_target_status")]

    def __str__(self):
        return f"{self.target} {self.page_id} {self.variant}".strip()
