"""Admin: the "Zoekopdrachten" report in the Reports menu."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .thesaurus_admin import ThesaurusEntryViewSet, add_to_thesaurus
from .views import SearchQueriesReportView


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchquerylog")


@hooks.register("register_admin_urls")
def register_search_report_urls():
    urls = [
        path("", SearchQueriesReportView.as_view(), name="queries"),
        path("results/", SearchQueriesReportView.as_view(results_only=True), name="queries_results"),
        path("thesaurus/toevoegen/", add_to_thesaurus, name="thesaurus_add"),
    ]
    return [path("reports/zoekopdrachten/", include((urls, "search_reports")))]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        "Zoekopdrachten", reverse("search_reports:queries"), name="zoekopdrachten", icon_name="search", order=900
    )


register_snippet(ThesaurusEntryViewSet)
