"""Readability per page for the API: the stored B1 report of the revision being shown."""


def reports_for_pages(pages) -> dict:
    """Map page id -> {"score", "b1", "issue_count"}: one query for any number of pages.

    A published page shows the report of its live revision; a preview shows its latest revision.
    """
    from content.models import PageReadability

    wanted = {}
    for page in pages:
        revision_id = page.live_revision_id if page.live and not getattr(page, "_hub_preview", False) else None
        wanted[revision_id or page.latest_revision_id] = page.pk
    wanted.pop(None, None)
    rows = PageReadability.objects.filter(revision_id__in=wanted).values_list(
        "revision_id", "score", "b1", "issue_count"
    )
    return {wanted[rev]: {"score": score, "b1": b1, "issue_count": count} for rev, score, b1, count in rows}
