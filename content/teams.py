"""Teams that own pages: which teams a user is in, and which of a team's pages are due for review.

One home for these questions: the weekly review reminder (`quality.reminders`) and the
editors' dashboard ask here. A page is due ("overdue") when it is live and its review date has
passed or passes within `REVIEW_NOTICE_DAYS` days. Drafts that were never published and pages
taken offline are not: nobody reads them.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from .models import Team
from .models.pages import HUB_PAGE_MODELS, HubPage

REVIEW_NOTICE_DAYS = 30


def review_due_by(today: date | None = None) -> date:
    """The last review date that counts as due today."""
    return (today or timezone.localdate()) + timedelta(days=REVIEW_NOTICE_DAYS)


def review_date_passed(page: HubPage, today: date | None = None) -> bool:
    """True when the page's review date is already behind us (not merely coming up)."""
    return page.review_date is not None and page.review_date < (today or timezone.localdate())


def teams_of(user) -> QuerySet[Team]:
    """The teams `user` is a member of, by name (none for an anonymous user)."""
    if user is None or not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(members=user).order_by("name")


def overdue_pages(teams: Iterable[Team | int], today: date | None = None) -> dict[int, list[HubPage]]:
    """Per team id, the team's live pages that are due for review, the earliest date first.

    Every team asked for is in the result (an empty list when nothing is due). One query per
    page type, however many teams and pages there are."""
    team_ids = [t if isinstance(t, int) else t.pk for t in teams]
    result: dict[int, list[HubPage]] = {team_id: [] for team_id in team_ids}
    if not team_ids:
        return result
    due_by = review_due_by(today)
    pages: list[HubPage] = []
    for model in HUB_PAGE_MODELS:
        pages += (
            model.objects.live().filter(owner_team_id__in=team_ids, review_date__lte=due_by).select_related("locale")
        )
    for page in sorted(pages, key=lambda p: (p.review_date, p.title.lower(), p.pk)):
        result[page.owner_team_id].append(page)
    return result


def overdue_pages_of_team(team: Team | int, today: date | None = None) -> list[HubPage]:
    """The team's live pages that are due for review, the earliest date first."""
    team_id = team if isinstance(team, int) else team.pk
    return overdue_pages([team_id], today)[team_id]
