"""Which feedback someone should see. The admin's task list, the dashboard and the weekly
reminder mail all ask here.

In the admin an editor sees the feedback on the pages they may edit (Wagtail's page permissions:
the security boundary); the owner team of a page (`content.Team`) is a filter there, and the
dashboard and the reminder mail ask per team.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from content.models.pages import HUB_PAGE_MODELS

from .models import OPEN, Feedback

HANDLE_PERMISSION = "feedback.change_feedback"
VIEW_PERMISSION = "feedback.view_feedback"


def feedback_for_pages(pages) -> QuerySet[Feedback]:
    """All feedback on `pages` (a Page queryset, or any iterable of pages or page ids), newest first."""
    if isinstance(pages, QuerySet):
        return Feedback.objects.filter(page_id__in=pages.values("pk")).select_related("page")
    ids = [getattr(page, "pk", page) for page in pages]
    return Feedback.objects.filter(page_id__in=ids).select_related("page")


def pages_of_team(team) -> QuerySet[Page]:
    """The pages a team (a `content.Team` or its id) owns, in every language."""
    team_id = getattr(team, "pk", team)
    queryset = Page.objects.none()
    for model in HUB_PAGE_MODELS:
        queryset = queryset | Page.objects.filter(pk__in=model.objects.filter(owner_team_id=team_id).values("pk"))
    return queryset


def new_feedback_since(team_or_pages, since: datetime) -> QuerySet[Feedback]:
    """Open feedback received since `since`, for a team (its pages) or for pages (a queryset
    or an iterable). For the dashboard and the weekly reminder."""
    if isinstance(team_or_pages, QuerySet | list | tuple | set):
        feedback = feedback_for_pages(team_or_pages)
    else:
        feedback = feedback_for_pages(pages_of_team(team_or_pages))
    return feedback.filter(created_at__gte=since, status=OPEN)


def editable_pages(user) -> QuerySet[Page]:
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def feedback_for_user(user) -> QuerySet[Feedback]:
    """The feedback an editor handles: on the pages they may edit, if they may handle feedback."""
    if not (user.is_active and (user.has_perm(VIEW_PERMISSION) or user.has_perm(HANDLE_PERMISSION))):
        return Feedback.objects.none()
    if user.is_superuser:
        return Feedback.objects.select_related("page")
    return feedback_for_pages(editable_pages(user))
