"""Readability per page, for the API. Filled in by the B1 work; until then nothing is reported."""


def reports_for_pages(pages) -> dict:
    """Map page id -> {"score", "b1", "issue_count"} for pages that have been checked."""
    return {}
