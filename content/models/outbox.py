"""The transactional outbox: one table of work that must reach another system, one row per task."""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class OutboxTask(models.Model):
    """ "Bring object X up to date at subscriber S", written in the transaction of the change.

    A task names an object (`kind` + `object_id`: every hub object has an integer primary key),
    not its contents: the subscriber reads the object as it is when the task is applied, so
    tasks can be applied late, twice or out of order without harm. A task is kept until its
    subscriber reports success; failures are retried with backoff (see `content.outbox`).
    """

    UPDATE, DELETE = "update", "delete"
    ACTIONS = [(UPDATE, "bijwerken"), (DELETE, "verwijderen")]

    subscriber = models.CharField("afnemer", max_length=50)
    kind = models.CharField("soort object", max_length=30, default="page")
    object_id = models.PositiveBigIntegerField("object-id")
    action = models.CharField("actie", max_length=10, choices=ACTIONS, default=UPDATE)
    reason = models.CharField("aanleiding", max_length=100, blank=True)
    created_at = models.DateTimeField("aangemaakt", default=timezone.now)
    available_at = models.DateTimeField("uit te voeren vanaf", default=timezone.now)
    applied_at = models.DateTimeField("uitgevoerd", null=True, blank=True)
    attempts = models.PositiveIntegerField("pogingen", default=0)
    last_error = models.TextField("laatste fout", blank=True)

    class Meta:
        verbose_name = "uitgaande taak"
        verbose_name_plural = "uitgaande taken"
        indexes = [
            # The worker's question: which tasks of this subscriber are due? Partial, so the
            # index stays as small as the backlog, however many applied tasks are kept.
            models.Index(
                fields=["subscriber", "available_at"], condition=Q(applied_at__isnull=True), name="outbox_due"
            ),
            # Inline apply and retries ask for the pending tasks of a few objects.
            models.Index(
                fields=["subscriber", "kind", "object_id"],
                condition=Q(applied_at__isnull=True),
                name="outbox_pending_object",
            ),
            # Pruning and "last applied" in the status.
            models.Index(fields=["subscriber", "applied_at"], name="outbox_applied"),
        ]

    def __str__(self):
        return f"{self.subscriber}: {self.action} {self.kind} {self.object_id}"
