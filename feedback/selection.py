"""Which feedback someone should see. The admin's task list, the dashboard and the weekly
reminder mail all ask here.

Page owners are teams (`content.Team`, being added); until pages point to a team, an editor sees
the feedback of the pages they may edit (Wagtail's page permissions).
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
    """The pages a team owns. Works with the page's `owner_team` as a team name (today) and as a
    foreign key to the team (when the Team model lands)."""
    page_ids = []
    for model in HUB_PAGE_MODELS:
        field = model._meta.get_field("owner_team")
        if field.is_relation:
            condition = {"owner_team": team}
        else:
            condition = {"owner_team__iexact": str(getattr(team, "name", team)).strip()}
        page_ids.append(model.objects.filter(**condition).values("pk"))
    queryset = Page.objects.none()
    for ids in page_ids:
        queryset = queryset | Page.objects.filter(pk__in=ids)
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
