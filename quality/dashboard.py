"""The editors' dashboard (issue 13): for the signed-in editor, the pages of their teams that are
due for review, the newest feedback on those pages, and this week's searches without results.

Pages waiting for their review in the workflow are Wagtail's own panel. Each panel makes a fixed
number of queries, whatever the number of pages, feedback or searches (pinned in
tests/editorial/test_dashboard.py)."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from wagtail.admin.ui.components import Component

from content.roles import SITE_EDITORS_PREFIX
from content.teams import overdue_pages, review_date_passed, teams_of
from feedback.selection import HANDLE_PERMISSION, VIEW_PERMISSION, feedback_for_pages, pages_of_team
from search.models import SearchQueryLog

from .newsroom import Week

MAX_ROWS = 8


def site_keys_of(user) -> list[str] | None:
    """The site keys of a subsite editor's groups; None for an editor of every site."""
    names = [g.name for g in user.groups.all()]
    keys = [n.removeprefix(SITE_EDITORS_PREFIX) for n in names if n.startswith(SITE_EDITORS_PREFIX)]
    return keys if keys and len(keys) == len(names) else None


class EditorPanel(Component):
    """A dashboard panel for one signed-in editor."""

    def __init__(self, user):
        self.user = user


class DuePagesPanel(EditorPanel):
    """The pages of the editor's teams whose review date has passed or passes within 30 days."""

    name = "hub_due_pages"
    order = 110
    template_name = "quality/dashboard/due_pages.html"

    def get_context_data(self, parent_context):
        teams = list(teams_of(self.user))
        due = overdue_pages(teams)
        rows = sorted((page for pages in due.values() for page in pages), key=lambda p: (p.review_date, p.pk))
        return {
            "teams": teams,
            "rows": [
                {
                    "page": page,
                    "passed": review_date_passed(page),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                }
                for page in rows[:MAX_ROWS]
            ],
            "more": max(0, len(rows) - MAX_ROWS),
        }


class FeedbackPanel(EditorPanel):
    """The newest open feedback from residents and KCC on the pages of the editor's teams."""

    name = "hub_feedback"
    order = 120
    template_name = "quality/dashboard/feedback.html"

    def get_context_data(self, parent_context):
        teams = list(teams_of(self.user))
        items = []
        if teams:
            pages = pages_of_team(teams[0])
            for team in teams[1:]:
                pages = pages | pages_of_team(team)
            items = list(feedback_for_pages(pages).open().order_by("-created_at", "-pk")[:MAX_ROWS])
        return {"teams": teams, "items": items, "list_url": reverse("feedback:index")}


class ZeroResultsPanel(EditorPanel):
    """This week's searches that found nothing, most asked first (on the editor's own sites)."""

    name = "hub_zero_results"
    order = 130
    template_name = "quality/dashboard/zero_results.html"

    def get_context_data(self, parent_context):
        start, end = Week.parse(None).bounds
        logs = SearchQueryLog.objects.filter(created_at__gte=start, created_at__lt=end, result_count=0)
        keys = site_keys_of(self.user)
        if keys is not None:
            logs = logs.filter(site__in=keys)
        rows = list(logs.values("query").annotate(count=Count("pk")).order_by("-count", "query")[:MAX_ROWS])
        return {"rows": rows, "newsroom_url": reverse("hub_newsroom")}


def panels_for(user) -> list[Component]:
    """The panels this user gets: editors who may handle feedback see all three."""
    if not (user.has_perm(VIEW_PERMISSION) or user.has_perm(HANDLE_PERMISSION)):
        return []
    return [DuePagesPanel(user), FeedbackPanel(user), ZeroResultsPanel(user)]
