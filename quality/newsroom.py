"""The newsroom (issue 13): one view per week and site for the weekly meeting of KCC,
communications and the web team. What residents searched, what they did not find, which pages
residents found least useful, what KCC says is wrong or outdated, and which pages are due for
review. A fixed number of queries per week and site (tests/editorial/test_newsroom.py)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Page

from content.models import SiteConfig
from content.models.pages import HUB_PAGE_MODELS
from content.teams import review_due_by
from feedback.models import KCC, RESIDENT, Feedback
from search.models import SearchQueryLog

TOP = 20


@dataclass
class Week:
    """An ISO week: Monday 00:00 to the next Monday, local time."""

    year: int
    number: int

    @classmethod
    def parse(cls, value: str | None, today: datetime.date | None = None) -> Week:
        """'2026-W49' (or nothing: this week). A week that does not exist is this week too."""
        today = today or timezone.localdate()
        try:
            year, number = (value or "").upper().split("-W")
            monday = datetime.date.fromisocalendar(int(year), int(number), 1)
            iso = monday.isocalendar()
            return cls(iso.year, iso.week)
        except ValueError:
            iso = today.isocalendar()
            return cls(iso.year, iso.week)

    @property
    def monday(self) -> datetime.date:
        return datetime.date.fromisocalendar(self.year, self.number, 1)

    @property
    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        start = timezone.make_aware(datetime.datetime.combine(self.monday, datetime.time.min))
        return start, start + datetime.timedelta(days=7)

    @property
    def code(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    def shifted(self, weeks: int) -> Week:
        iso = (self.monday + datetime.timedelta(weeks=weeks)).isocalendar()
        return Week(iso.year, iso.week)

    @property
    def label(self) -> str:
        sunday = self.monday + datetime.timedelta(days=6)
        return f"week {self.number} ({self.monday:%d-%m} tot en met {sunday:%d-%m-%Y})"


@dataclass
class Newsroom:
    week: Week
    site: SiteConfig | None
    top_searches: list[dict] = field(default_factory=list)
    zero_results: list[dict] = field(default_factory=list)
    least_useful: list[dict] = field(default_factory=list)
    kcc_remarks: list[Feedback] = field(default_factory=list)
    due_pages: list = field(default_factory=list)


def _site_pages(site: SiteConfig | None):
    """The pages of one site (its tree), or None for every site."""
    if site is None:
        return None
    return Page.objects.descendant_of(site.site.root_page, inclusive=True)


def newsroom(week: Week, site: SiteConfig | None) -> Newsroom:
    start, end = week.bounds
    room = Newsroom(week=week, site=site)
    logs = SearchQueryLog.objects.filter(created_at__gte=start, created_at__lt=end)
    if site is not None:
        logs = logs.filter(site=site.key)
    counted = logs.values("query").annotate(count=Count("pk"), without=Count("pk", filter=Q(result_count=0)))
    room.top_searches = list(counted.order_by("-count", "query")[:TOP])
    room.zero_results = list(
        logs.filter(result_count=0).values("query").annotate(count=Count("pk")).order_by("-count", "query")[:TOP]
    )

    feedback = Feedback.objects.filter(created_at__gte=start, created_at__lt=end)
    pages = _site_pages(site)
    if pages is not None:
        feedback = feedback.filter(page__in=pages)
    room.least_useful = list(
        feedback.filter(kind=RESIDENT)
        .values("page_id", "page__title")
        .annotate(no=Count("pk", filter=Q(helpful=False)), yes=Count("pk", filter=Q(helpful=True)))
        .filter(no__gt=0)
        .order_by("-no", "page__title")[:TOP]
    )
    room.kcc_remarks = list(feedback.filter(kind=KCC).select_related("page").order_by("-created_at")[:TOP])

    due_by = review_due_by()
    due = []
    for model in HUB_PAGE_MODELS:
        queryset = model.objects.live().filter(review_date__lte=due_by).select_related("owner_team")
        if pages is not None:
            queryset = queryset.filter(pk__in=pages.values("pk"))
        due += queryset
    room.due_pages = sorted(due, key=lambda p: (p.review_date, p.title.lower()))[: TOP * 5]
    return room


CSV_HEADER = ["onderdeel", "zoekopdracht of pagina", "aantal", "extra"]


def csv_rows(room: Newsroom) -> list[list]:
    """The newsroom as rows for a spreadsheet (one section after the other)."""
    rows: list[list] = []
    rows += [["meest gezocht", r["query"], r["count"], f"zonder resultaat: {r['without']}"] for r in room.top_searches]
    rows += [["niets gevonden", r["query"], r["count"], ""] for r in room.zero_results]
    rows += [["minst nuttig", r["page__title"], r["no"], f"wel nuttig: {r['yes']}"] for r in room.least_useful]
    rows += [["opmerking KCC", f.page.title, 1, f"{f.get_verdict_display()}: {f.comment}"] for f in room.kcc_remarks]
    rows += [
        ["controle nodig", p.title, "", f"{p.review_date:%d-%m-%Y} {p.owner_team.name if p.owner_team else ''}".strip()]
        for p in room.due_pages
    ]
    return rows
