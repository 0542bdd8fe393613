from django.conf import settings
from django.db import models


class PageReadability(models.Model):
    """The B1 report of one page revision, and the reason given to publish it below B1."""

    revision = models.OneToOneField("wagtailcore.Revision", on_delete=models.CASCADE, related_name="b1_report")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField("score")
    b1 = models.BooleanField("op B1-niveau")
    issue_count = models.PositiveIntegerField("aantal punten")
    report = models.JSONField("rapport", default=dict)
    override_reason = models.TextField("reden om toch te publiceren", blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "B1-rapport"
        verbose_name_plural = "B1-rapporten"
        indexes = [models.Index(fields=["page", "-created_at"])]

    @classmethod
    def summaries_for_pages(cls, pages) -> dict:
        """Map page id -> {"score", "b1", "issue_count"}: one query for any number of pages.

        A published page shows the report of its live revision; a draft its latest revision.
        """
        wanted = {}
        for page in pages:
            revision_id = page.live_revision_id if page.live else None
            wanted[revision_id or page.latest_revision_id] = page.pk
        wanted.pop(None, None)
        rows = cls.objects.filter(revision_id__in=wanted).values_list("revision_id", "score", "b1", "issue_count")
        return {wanted[rev]: {"score": score, "b1": b1, "issue_count": count} for rev, score, b1, count in rows}
