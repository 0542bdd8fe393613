"""The admin report "Zoekopdrachten": top searches, searches without results, KCC feedback."""

import datetime

import django_filters
from django.db.models import Avg, Count, Max, Q
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from content.channels import CHANNEL_CHOICES

from .models import SearchQueryLog
from .thesaurus_admin import thesaurus_column

WHO_CHOICES = [("publiek", "Inwoners en bezoekers"), ("medewerker", "Medewerkers (KCC en balie)")]


class SearchQueryFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label="Periode", widget=DateRangePickerWidget)
    site = django_filters.CharFilter(label="Site (sleutel)")
    channel = django_filters.ChoiceFilter(label="Kanaal", choices=CHANNEL_CHOICES, empty_label="Alle kanalen")
    who = django_filters.ChoiceFilter(
        label="Wie zocht", choices=WHO_CHOICES, method="filter_who", empty_label="Iedereen"
    )
    without_results = django_filters.BooleanFilter(
        label="Alleen zoekopdrachten zonder resultaten", method="filter_without_results"
    )

    class Meta:
        model = SearchQueryLog
        fields = ["created_at", "site", "channel"]

    def filter_who(self, queryset, name, value):
        return queryset.filter(staff=value == "medewerker") if value else queryset

    def filter_without_results(self, queryset, name, value):
        return queryset.filter(result_count=0) if value else queryset


class SearchQueriesReportView(ReportView):
    page_title = "Zoekopdrachten"
    header_icon = "search"
    index_url_name = "search_reports:queries"
    index_results_url_name = "search_reports:queries_results"
    filterset_class = SearchQueryFilterSet
    permission_policy = ModelPermissionPolicy(SearchQueryLog)
    permission_required = "view"
    default_ordering = "-searches"
    model = SearchQueryLog
    columns = [
        Column("query", label="Zoekopdracht"),
        Column("searches", label="Aantal keer", sort_key="searches"),
        Column("without_results", label="Zonder resultaten", sort_key="without_results"),
        Column("average_results", label="Gemiddeld aantal resultaten"),
        Column("found_yes", label="Antwoord gevonden (KCC)", sort_key="found_yes"),
        Column("found_no", label="Niet gevonden (KCC)", sort_key="found_no"),
        Column("last_searched", label="Laatst gezocht", sort_key="last_searched"),
        thesaurus_column(),
    ]
    list_export = ["query", "searches", "without_results", "average_results", "found_yes", "found_no", "last_searched"]
    export_headings = {
        "query": "Zoekopdracht",
        "searches": "Aantal keer",
        "without_results": "Zonder resultaten",
        "average_results": "Gemiddeld aantal resultaten",
        "found_yes": "Antwoord gevonden (KCC)",
        "found_no": "Niet gevonden (KCC)",
        "last_searched": "Laatst gezocht",
    }

    def get_filename(self):
        return f"zoekopdrachten-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        logs = self.filter_queryset(SearchQueryLog.objects.all())
        rows = logs.values("query").annotate(
            searches=Count("id"),
            without_results=Count("id", filter=Q(result_count=0)),
            average_results=Avg("result_count"),
            found_yes=Count("id", filter=Q(found=True)),
            found_no=Count("id", filter=Q(found=False)),
            last_searched=Max("created_at"),
        )
        return self.order_queryset(rows).order_by(*_ordering(self.ordering), "query")

    def get_filtered_queryset(self):
        return self.get_queryset()

    def decorate_paginated_queryset(self, object_list):
        for row in object_list:
            if row["average_results"] is not None:
                row["average_results"] = round(row["average_results"], 1)
        return object_list


def _ordering(ordering):
    if not ordering:
        return ["-searches"]
    return list(ordering) if isinstance(ordering, (list, tuple)) else [ordering]
