"""What the content quality checks store (docs/quality.md): each run with its problems (the
history behind the trend), and the last answer per external address and per document, so a run
does not ask a server or read a PDF again when nothing changed."""

from django.db import models
from django.utils import timezone

SEVERITIES = [("error", "Fout"), ("warning", "Waarschuwing"), ("info", "Tip")]


class QualityRun(models.Model):
    """One run of `quality_check` over one site (or all sites: `site` empty)."""

    RUNNING, COMPLETE, FAILED = "running", "complete", "failed"
    site = models.CharField("site", max_length=50, blank=True, db_index=True)
    only = models.CharField("alleen deze controle", max_length=40, blank=True)
    status = models.CharField(
        "status",
        max_length=10,
        choices=[(RUNNING, "Bezig"), (COMPLETE, "Klaar"), (FAILED, "Mislukt")],
        default=RUNNING,
    )
    started_at = models.DateTimeField("begonnen", default=timezone.now, db_index=True)
    finished_at = models.DateTimeField("klaar", null=True, blank=True)
    pages = models.PositiveIntegerField("pagina's", default=0)
    score = models.PositiveSmallIntegerField("score", null=True, blank=True)
    summary = models.JSONField("samenvatting", default=dict, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "kwaliteitscontrole"
        verbose_name_plural = "kwaliteitscontroles"

    def __str__(self) -> str:
        return f"{self.site or 'alle sites'} {self.started_at:%d-%m-%Y %H:%M}"


class PageQuality(models.Model):
    """The result of one page in one run: its score and problems (problems as JSON rows)."""

    run = models.ForeignKey(QualityRun, on_delete=models.CASCADE, related_name="page_results")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    site = models.CharField("site", max_length=50, db_index=True)
    page_type = models.CharField("soort pagina", max_length=40)
    owner_team = models.CharField("team", max_length=100, blank=True)
    score = models.PositiveSmallIntegerField("score")
    problems = models.JSONField("problemen", default=list)
    problem_count = models.PositiveIntegerField("aantal problemen", default=0)

    class Meta:
        ordering = ["score", "page_id"]
        constraints = [models.UniqueConstraint(fields=["run", "page"], name="quality_page_once_per_run")]


class ExternalLinkCheck(models.Model):
    """The last answer of an external address (`quality.content_checks.external`)."""

    url = models.URLField("adres", max_length=2000, unique=True)
    outcome = models.CharField("uitkomst", max_length=20)  # ok, broken, insecure, unchecked
    status_code = models.PositiveSmallIntegerField("statuscode", null=True, blank=True)
    reason = models.CharField("reden", max_length=300, blank=True)
    final_url = models.URLField("eindadres", max_length=2000, blank=True)
    checked_at = models.DateTimeField("gecontroleerd", default=timezone.now, db_index=True)


class DocumentCheck(models.Model):
    """What a document (PDF) was found to lack, per file content (`...content_checks.documents`)."""

    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    file_hash = models.CharField("inhoud", max_length=64)
    findings = models.JSONField("bevindingen", default=list)
    checked_at = models.DateTimeField("gecontroleerd", default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "file_hash"], name="quality_document_once")]
